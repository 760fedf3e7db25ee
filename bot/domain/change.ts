// The one path by which an incident changes: a pure decision yields the next incident and its timeline events;
// applyChange / applyCreate / applyEntry are the only callers of the store's update / create / appendTimeline,
// and every event becomes a timeline entry here.
import type { AccessEvent, Actor, Incident, TimelineEntry } from '../model/incident-schema.ts';
import type { IncidentStore, Logger } from '../ports.ts';
import { appendChained } from '../record/chain.ts';
import { FACTS_MISMATCH_ACTION, sealTimeline } from '../record/state-digest.ts';

/** What happened, as the timeline will record it (the actor and instant are added by applyChange). */
export interface DomainEvent {
  /** Dotted action, e.g. `fact.set`, `notice.recorded`, `reminder.delivered`. */
  action: string;
  /** One plain sentence for people reading the record. */
  text: string;
  /** Old and new values, for changed facts. */
  changes?: TimelineEntry['changes'];
}

/** The outcome of a pure decision: the next incident (without new timeline entries) and the events to record. */
export interface Decision {
  next: Incident;
  events: DomainEvent[];
  /** Plain sentences about facts that look wrong but are allowed (shown to the person, not recorded). */
  warnings?: string[];
  /** Reads, exports and refusals to append to the incident's access log (beside the timeline, never edited). */
  access?: AccessEvent[];
}

/** What applyChange / applyCreate hand back: the stored incident and what was actually recorded. */
export interface Applied {
  incident: Incident;
  events: DomainEvent[];
  warnings: string[];
}

/** A decision that changes nothing and records nothing (applyChange then writes nothing). */
export const unchanged = (current: Incident): Decision => ({ next: current, events: [] });

/** A pure decision over the current incident; throws CommandRefusedError (bot/errors.ts) when the change is not allowed. */
export type Decide = (current: Incident) => Decision;

/** Who changes the incident and when (`system` actor for the scheduler). */
export interface ChangeContext {
  store: IncidentStore;
  actor: Actor;
  now: Date;
  /** Where a change that finds the facts edited outside breachdesk says so (besides the timeline entry it writes). */
  logger?: Logger;
}

/** The actor the scheduler and start-up tasks record as. */
export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'breachdesk', platform: 'system' };

/** Stamp events with the actor and instant: the single place timeline entries are made. */
export function toTimelineEntries(events: readonly DomainEvent[], actor: Actor, now: Date): TimelineEntry[] {
  const at = now.toISOString();
  return events.map((e) => ({ at, actor, action: e.action, text: e.text, ...(e.changes ? { changes: e.changes } : {}) }));
}

/**
 * Fold a decision into the record: next incident plus its new timeline entries, each carrying the digest of the state
 * it leaves (bot/record/state-digest.ts) and sealed into the hash chain. `before` is the stored incident the decision
 * started from (none for a new one): a change that finds it edited outside breachdesk says so on the timeline first.
 */
export function commit(decision: Decision, actor: Actor, now: Date, before?: Incident): Incident {
  const access = decision.access ?? [];
  // Access-log entries are chained like timeline entries (bot/record/chain.ts), in their own list.
  const logged = access.length === 0 ? decision.next : appendChained(decision.next, 'accessLog', access, now);
  // An access alone is not a change of the incident's facts: updatedAt moves only with timeline events.
  if (decision.events.length === 0) return logged;
  const next = { ...logged, updatedAt: now.toISOString() };
  return sealTimeline(before, next, toTimelineEntries(decision.events, actor, now), now);
}

/** Apply one decision atomically; returns the stored incident and the events recorded. */
export async function applyChange(ctx: ChangeContext, id: string, decide: Decide): Promise<Applied> {
  let events: DomainEvent[] = [];
  let warnings: string[] = [];
  let kept: Incident | undefined;
  let had = 0;
  try {
    const incident = await ctx.store.update(id, (current) => {
      had = current.timeline.length;
      const decision = decide(current);
      events = decision.events;
      warnings = decision.warnings ?? [];
      // Nothing changed and nothing to record (`unchanged`): abandon the update, so a no-op writes nothing and wakes no listener.
      if (events.length === 0 && (decision.access ?? []).length === 0 && decision.next === current) {
        kept = current;
        throw NOTHING_TO_RECORD;
      }
      return commit(decision, ctx.actor, ctx.now, current);
    });
    reportMismatch(ctx, incident, had);
    return { incident, events, warnings };
  } catch (error) {
    if (error === NOTHING_TO_RECORD && kept) return { incident: kept, events: [], warnings };
    throw error;
  }
}

// Thrown inside a store update to leave the record as it is (stores roll back a mutate that throws).
const NOTHING_TO_RECORD = Symbol('nothing to record');

/** Create an incident from a pure builder; its opening events are recorded like any other. */
export async function applyCreate(ctx: ChangeContext, build: (id: string) => Decision): Promise<Applied> {
  let events: DomainEvent[] = [];
  let warnings: string[] = [];
  const incident = await ctx.store.create((id) => {
    const decision = build(id);
    events = decision.events;
    warnings = decision.warnings ?? [];
    return commit(decision, ctx.actor, ctx.now);
  });
  return { incident, events, warnings };
}

/** Record one event that changes nothing but the timeline (a note): appended without rewriting the incident. */
export async function applyEntry(ctx: ChangeContext, id: string, event: DomainEvent): Promise<Applied> {
  const [entry] = toTimelineEntries([event], ctx.actor, ctx.now);
  const incident = await ctx.store.appendTimeline(id, entry!);
  // A mismatch entry found by this append sits just before it (always followed by the entries of its own change).
  reportMismatch(ctx, incident, incident.timeline.length - 2);
  return { incident, events: [event], warnings: [] };
}

/**
 * Apply a decision that may record no event but must still be written (a delivery intent before a post: bookkeeping
 * that a restart needs, not part of the written record). Events it does yield become timeline entries as usual.
 */
export async function applyBookkeeping(ctx: ChangeContext, id: string, decide: Decide): Promise<Incident> {
  let had = 0;
  const incident = await ctx.store.update(id, (current) => {
    had = current.timeline.length;
    return commit(decide(current), ctx.actor, ctx.now, current);
  });
  reportMismatch(ctx, incident, had);
  return incident;
}

/** Log the entry a change wrote at `at` when it says the facts were found edited outside breachdesk (never silent). */
function reportMismatch(ctx: ChangeContext, incident: Incident, at: number): void {
  const entry = incident.timeline[at];
  if (entry?.action !== FACTS_MISMATCH_ACTION) return;
  ctx.logger?.error(`record: ${incident.id}: ${entry.text} Recorded as timeline entry ${at + 1}; \`verify ${incident.id}\` names it.`, { incident: incident.id, entry: at + 1 });
}
