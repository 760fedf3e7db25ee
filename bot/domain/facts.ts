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

/** Set `path` to `value` (already parsed); nothing is recorded when the value is the current one. */
export const setFact = (path: string, value: unknown, now: Date) => (current: Incident): Decision => {
  const before = getPath(current, path);
  if (JSON.stringify(before ?? null) === JSON.stringify(value ?? null)) return unchanged(current);
  const parsed = IncidentSchema.safeParse(setPath(current, path, value));
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
};
