// What people did about reminders, read from the incident: snoozes and acknowledgements.
import type { Obligation } from '../deadlines/types.ts';
import type { Incident, TimelineEntry } from '../model/incident-schema.ts';

/** Obligations in these states get reminders; done / not_applicable / needs_facts / tolled get none. */
export const REMINDED_STATUSES: ReadonlySet<Obligation['status']> = new Set(['pending', 'due_soon', 'overdue']);

/** Timeline action of `ack`. */
export const ACKNOWLEDGED_ACTION = 'reminder.acknowledged';
/** Timeline action of `snooze`. */
export const SNOOZED_ACTION = 'reminder.snoozed';
/** Timeline action of the scheduler cutting a snooze back to a deadline that moved earlier. */
export const SNOOZE_CUT_ACTION = 'reminder.snooze_cut';

/** The `changes` entry that names the acknowledged obligation, so the scheduler need not parse prose. */
export function acknowledgementChange(obligation: string): NonNullable<TimelineEntry['changes']>[number] {
  return { field: 'obligation', from: null, to: obligation };
}

/** The end of the snooze covering `now` for this obligation (epoch ms), or null. */
export function activeSnoozeUntil(incident: Incident, obligation: string, now: number): number | null {
  let until: number | null = null;
  for (const s of incident.snoozes) {
    if (s.obligation !== obligation || Date.parse(s.at) > now) continue;
    const end = Date.parse(s.until);
    if (end > now && (until === null || end > until)) until = end;
  }
  return until;
}

/** The latest snooze end in (after, now] for this obligation: a step deferred by it counts from there. */
export function snoozeEndedAfter(incident: Incident, obligation: string, after: number, now: number): number | null {
  let latest: number | null = null;
  for (const s of incident.snoozes) {
    const end = Date.parse(s.until);
    if (s.obligation === obligation && end > after && end <= now && (latest === null || end > latest)) latest = end;
  }
  return latest;
}

/** True when someone acknowledged or snoozed this obligation at or after `since` (and by `now`). */
export function handledSince(incident: Incident, obligation: string, since: number, now: number): boolean {
  const inWindow = (at: string) => Date.parse(at) >= since && Date.parse(at) <= now;
  const acked = incident.timeline.some(
    (e) => e.action === ACKNOWLEDGED_ACTION && inWindow(e.at) && (e.changes ?? []).some((c) => c.field === 'obligation' && c.to === obligation),
  );
  return acked || incident.snoozes.some((s) => s.obligation === obligation && inWindow(s.at));
}
