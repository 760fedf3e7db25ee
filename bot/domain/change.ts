// The one path by which an incident changes: a pure decision yields the next incident and its timeline events,
// and applyChange is the only caller of the store's update/create. Every event becomes a timeline entry here.
import type { AccessEvent, Actor, Incident, TimelineEntry } from '../model/incident-schema.ts';
import type { IncidentStore } from '../ports.ts';

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
  /** Reads, exports and refusals to append to the incident's access log (beside the timeline, never edited). */
  access?: AccessEvent[];
}

/** A pure decision over the current incident; throws CommandRefusedError (bot/errors.ts) when the change is not allowed. */
export type Decide = (current: Incident) => Decision;

/** Who changes the incident and when (`system` actor for the scheduler). */
export interface ChangeContext {
  store: IncidentStore;
  actor: Actor;
  now: Date;
}

/** The actor the scheduler and start-up tasks record as. */
export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'breachdesk', platform: 'system' };

/** Stamp events with the actor and instant: the single place timeline entries are made. */
export function toTimelineEntries(events: readonly DomainEvent[], actor: Actor, now: Date): TimelineEntry[] {
  const at = now.toISOString();
  return events.map((e) => ({ at, actor, action: e.action, text: e.text, ...(e.changes ? { changes: e.changes } : {}) }));
}

/** Fold a decision into the record: next incident plus its new timeline entries. */
export function commit(decision: Decision, actor: Actor, now: Date): Incident {
  const access = decision.access ?? [];
  const logged = access.length === 0 ? decision.next : { ...decision.next, accessLog: [...decision.next.accessLog, ...access] };
  // An access alone is not a change of the incident's facts: updatedAt moves only with timeline events.
  if (decision.events.length === 0) return logged;
  return {
    ...logged,
    updatedAt: now.toISOString(),
    timeline: [...logged.timeline, ...toTimelineEntries(decision.events, actor, now)],
  };
}

/** Apply one decision atomically; returns the stored incident and the events recorded. */
export async function applyChange(ctx: ChangeContext, id: string, decide: Decide): Promise<{ incident: Incident; events: DomainEvent[] }> {
  let events: DomainEvent[] = [];
  const incident = await ctx.store.update(id, (current) => {
    const decision = decide(current);
    events = decision.events;
    return commit(decision, ctx.actor, ctx.now);
  });
  return { incident, events };
}

/** Create an incident from a pure builder; its opening events are recorded like any other. */
export async function applyCreate(ctx: ChangeContext, build: (id: string) => Decision): Promise<{ incident: Incident; events: DomainEvent[] }> {
  let events: DomainEvent[] = [];
  const incident = await ctx.store.create((id) => {
    const decision = build(id);
    events = decision.events;
    return commit(decision, ctx.actor, ctx.now);
  });
  return { incident, events };
}

/**
 * Apply a decision that may record no event but must still be written (a delivery intent before a post: bookkeeping
 * that a restart needs, not part of the written record). Events it does yield become timeline entries as usual.
 */
export async function applyBookkeeping(ctx: ChangeContext, id: string, decide: Decide): Promise<Incident> {
  return ctx.store.update(id, (current) => commit(decide(current), ctx.actor, ctx.now));
}
