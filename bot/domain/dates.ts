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
  if (ms < EPOCH) return `${what} is in the year ${year}, before 1970; breachdesk accepts dates from 1970 on. Check the year.`;
  if (ms > latestAccepted(now)) {
    return `${what} is in the year ${year}, more than ${MAX_YEARS_AHEAD} years after today (${now.toISOString().slice(0, 10)}); check the year.`;
  }
  return undefined;
}

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
