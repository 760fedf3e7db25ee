// `set`: change one fact of an incident; the old and new value go on the timeline, deadlines follow.
import { IncidentSchema, type Incident } from '../model/incident-schema.ts';
import { CommandRefusedError } from '../errors.ts';
import { unchanged, type Decision } from './change.ts';
import { incidentDateProblems } from './dates.ts';
import { getPath, setPath } from './paths.ts';
import { newWarnings } from './sanity.ts';
import { factLabel, factValue } from '../views/fact-words.ts';

/** A fact value as people read it on the timeline and in replies: words (lists joined, yes/no), never JSON. */
export const showValue = factValue;

/** The first notice sent before the discovery time (impossible: one cannot notify about a breach not yet discovered). */
function noticeBeforeDiscovery(incident: Incident) {
  return incident.notices.find((n) => Date.parse(n.sentAt) < Date.parse(incident.discoveredAt));
}

/**
 * A zone a person gave: bare `UTC` is stored as `Etc/UTC`, because a bare UTC zone on a record is read as a default
 * nobody chose (older stores, imports): the same clock, said on purpose.
 */
export function chosenZone(zone: string): string {
  return zone === 'UTC' ? 'Etc/UTC' : zone;
}

/** Set `path` to `value` (already parsed); nothing is recorded when the value is the current one. */
export const setFact = (path: string, value: unknown, now: Date) => (current: Incident): Decision => {
  // Giving the time zone answers the question an assumed zone left open, even when it names the same zone.
  if (path === 'organization.timezone' && typeof value === 'string') return setTimezone(chosenZone(value), now)(current);
  const before = getPath(current, path);
  if (JSON.stringify(before ?? null) === JSON.stringify(value ?? null)) return unchanged(current);
  return changed(current, path, before, value, now, setPath(current, path, value));
};

/** `set <id> tz <zone>`: the zone, and no longer assumed (day-counted clocks stop needing facts). */
const setTimezone = (zone: string, now: Date) => (current: Incident): Decision => {
  const before = current.organization.timezone;
  const wasAssumed = current.organization.timezoneAssumed;
  if (before === zone && !wasAssumed) return unchanged(current);
  const decision = changed(current, 'organization.timezone', before, zone, now, { ...current, organization: { ...current.organization, timezone: zone, timezoneAssumed: false } });
  if (!wasAssumed) return decision;
  const [event] = decision.events;
  const text = before === zone ? `time zone: ${zone} (was assumed, now given)` : `${event!.text} (was assumed, now given)`;
  return { ...decision, events: [{ ...event!, text, changes: [...(event!.changes ?? []), { field: 'organization.timezoneAssumed', from: true, to: false }] }] };
};

function changed(current: Incident, path: string, before: unknown, value: unknown, now: Date, candidate: Incident): Decision {
  const parsed = IncidentSchema.safeParse(candidate);
  if (!parsed.success) throw new CommandRefusedError(`${path}: ${parsed.error.issues[0]!.message}.`);
  const next = parsed.data;
  const old = new Set(incidentDateProblems(current, now));
  const dateProblems = incidentDateProblems(next, now).filter((p) => !old.has(p));
  if (dateProblems.length) throw new CommandRefusedError(`${current.id} was not changed: ${dateProblems.join(' ')}`);
  const early = noticeBeforeDiscovery(next);
  if (early && !noticeBeforeDiscovery(current)) {
    throw new CommandRefusedError(
      `${current.id} was not changed: the notice ${early.obligation} is recorded as sent ${early.sentAt}, before that discovery time; a notice cannot precede discovery.`,
    );
  }
  return {
    next,
    events: [{ action: 'fact.changed', text: `${factLabel(path)}: ${showValue(before)} → ${showValue(value)}`, changes: [{ field: path, from: before ?? null, to: value }] }],
    warnings: newWarnings(current, next, now),
  };
}
