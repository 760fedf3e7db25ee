// Opening an incident (by `new` or `import`) and adding notes: pure decisions applied by change.ts.
import { IncidentSchema, type IncidentFacts } from '../model/incident-schema.ts';
import { CommandRefusedError } from '../errors.ts';
import type { Decision, DomainEvent } from './change.ts';
import { incidentDateProblems } from './dates.ts';
import { chosenZone } from './facts.ts';
import { newWarnings } from './sanity.ts';

/** Longest note the timeline takes. */
export const NOTE_MAX_CHARS = 4000;

/** What `new` asks for. */
export interface OpenIntent {
  title: string;
  discoveredAt: string;
  organization: { name: string; role: string; country: string; timezone: string };
  affectedTotal: number;
  /** No zone was given and none is configured: the zone is a guess, so day-counted clocks need facts until `set tz`. */
  timezoneAssumed?: boolean;
}

function opened(id: string, facts: Record<string, unknown>, now: Date, event: DomainEvent): Decision {
  const nowIso = now.toISOString();
  const parsed = IncidentSchema.safeParse({ ...facts, id, createdAt: nowIso, updatedAt: nowIso, timeline: [] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CommandRefusedError(`The incident was not opened: ${issue.path.join('.') || 'record'}: ${issue.message}.`);
  }
  const problems = incidentDateProblems(parsed.data, now);
  if (problems.length) throw new CommandRefusedError(`The incident was not opened: ${problems.join(' ')}`);
  for (const n of parsed.data.notices) {
    // One cannot notify about a breach before discovering it, nor record a notice not yet sent.
    if (Date.parse(n.sentAt) < Date.parse(parsed.data.discoveredAt)) {
      throw new CommandRefusedError(`The incident was not opened: the notice ${n.obligation} is recorded as sent ${n.sentAt}, before the discovery (${parsed.data.discoveredAt}); a notice cannot precede discovery.`);
    }
    if (Date.parse(n.sentAt) > now.getTime()) {
      throw new CommandRefusedError(`The incident was not opened: the notice ${n.obligation} is recorded as sent ${n.sentAt}, which is in the future.`);
    }
  }
  return { next: parsed.data, events: [event], warnings: newWarnings(undefined, parsed.data, now) };
}

/** Open an incident from `new`; refuses dates outside the sane range. */
export const openIncident = (intent: OpenIntent, now: Date) => (id: string): Decision =>
  opened(
    id,
    {
      title: intent.title,
      discoveredAt: intent.discoveredAt,
      organization: intent.timezoneAssumed
        ? { ...intent.organization, timezoneAssumed: true }
        : { ...intent.organization, timezone: chosenZone(intent.organization.timezone) },
      affected: { total: intent.affectedTotal },
    },
    now,
    { action: 'incident.opened', text: `Opened "${intent.title}"` },
  );

/** Create an incident from the import format (already validated); `ignored` names export-only fields not carried over. */
export const importIncident = (facts: IncidentFacts, ignored: readonly string[], now: Date) => (id: string): Decision =>
  opened(id, { ...facts }, now, {
    action: 'incident.imported',
    text: `Imported "${facts.title}"${ignored.length ? ` (export-only fields not carried over: ${ignored.join(', ')})` : ''}`,
  });

/** Why a note cannot go on the timeline (empty, or over the limit with its actual length), or undefined. */
export function noteProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return 'The note is empty; write what happened after the incident id.';
  if (trimmed.length > NOTE_MAX_CHARS) {
    return `The note is ${trimmed.length.toLocaleString('en-US')} characters; the limit is ${NOTE_MAX_CHARS.toLocaleString('en-US')}. Split it into several notes.`;
  }
  return undefined;
}

/** A note for the timeline; refuses an empty or over-long note with the actual length. */
export function note(text: string): DomainEvent {
  const problem = noteProblem(text);
  if (problem) throw new CommandRefusedError(problem);
  return { action: 'note', text: text.trim() };
}
