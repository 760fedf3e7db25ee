// The sane range for instants people record: not before 1970, not more than five years after now.
import type { Incident } from '../model/incident-schema.ts';

/** How far ahead of now a recorded instant may lie. */
export const MAX_YEARS_AHEAD = 5;
const EPOCH = Date.UTC(1970, 0, 1);

/** The latest instant accepted at `now`: the same calendar instant five years on. */
export function latestAccepted(now: Date): number {
  const limit = new Date(now.getTime());
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_YEARS_AHEAD);
  return limit.getTime();
}

/** A plain sentence when `iso` lies outside the sane range, else undefined; `what` names the value ("discoveredAt 9999-12-31"). */
export function instantRangeProblem(iso: string, now: Date, what: string): string | undefined {
  const ms = Date.parse(iso);
  // The year as typed: Date would print 0025 as 25 and 9999-12-31 in another zone as +010000.
  const year = /^([+-]?\d{4,6})-/.exec(iso)?.[1] ?? String(new Date(ms).getUTCFullYear());
  if (Number.isNaN(ms)) return `${what} is not a real date and time.`;
  // Date.parse rolls 2025-02-30 over to March 2: the legal record would say one day and the clocks count from another.
  const calendar = calendarProblem(iso);
  if (calendar) return `${what} is not a real date: ${calendar}.`;
  if (ms < EPOCH) return `${what} is in the year ${year}, before 1970; breachdesk accepts dates from 1970 on. Check the year.`;
  if (ms > latestAccepted(now)) {
    return `${what} is in the year ${year}, more than ${MAX_YEARS_AHEAD} years after today (${now.toISOString().slice(0, 10)}); check the year.`;
  }
  return undefined;
}

/** Why the date and time written at the start of `iso` do not exist (2025-02-30, 24:30), or undefined. */
export function calendarProblem(iso: string): string | undefined {
  const m = /^([+-]?\d{4,6})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1).map((x) => Number(x ?? 0));
  if (month! < 1 || month! > 12) return `there is no month ${m[2]}`;
  const days = new Date(Date.UTC(2000, month!, 0)).getUTCDate() - (month === 2 && !isLeap(year!) ? 1 : 0);
  if (day! < 1 || day! > days) return `${m[1]}-${m[2]} has no day ${m[3]}`;
  if (hour! > 23 || minute! > 59 || second! > 59) return `${m[4]}:${m[5]}${m[6] ? `:${m[6]}` : ''} is not a time of day`;
  return undefined;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Every recorded instant of an incident with its name, for range checks on import and on stored records. */
export function recordedInstants(incident: Pick<Incident, 'discoveredAt' | 'occurredFrom' | 'occurredTo' | 'materialityDeterminedAt' | 'breachDeterminedAt' | 'vendor' | 'lawEnforcementDelays' | 'notices'>): Array<{ what: string; iso: string }> {
  const out: Array<{ what: string; iso: string | null | undefined }> = [
    { what: 'discovery time (discoveredAt)', iso: incident.discoveredAt },
    { what: 'occurredFrom', iso: incident.occurredFrom },
    { what: 'occurredTo', iso: incident.occurredTo },
    { what: 'materialityDeterminedAt', iso: incident.materialityDeterminedAt },
    { what: 'breachDeterminedAt', iso: incident.breachDeterminedAt },
    { what: 'vendor.discoveredAt', iso: incident.vendor?.discoveredAt },
    { what: 'vendor.notifiedUsAt', iso: incident.vendor?.notifiedUsAt },
    ...incident.lawEnforcementDelays.flatMap((d, i) => [
      { what: `lawEnforcementDelays[${i}].statedAt`, iso: d.statedAt },
      { what: `lawEnforcementDelays[${i}].until`, iso: d.until },
    ]),
    ...incident.notices.map((n) => ({ what: `notice ${n.obligation} sentAt`, iso: n.sentAt })),
  ];
  return out.filter((x): x is { what: string; iso: string } => typeof x.iso === 'string');
}

/** Range problems of every recorded instant (empty when all are sane). */
export function incidentDateProblems(incident: Parameters<typeof recordedInstants>[0], now: Date): string[] {
  return recordedInstants(incident).flatMap(({ what, iso }) => instantRangeProblem(iso, now, `${what} ${iso}`) ?? []);
}
