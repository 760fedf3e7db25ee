// Contractual and insurer clocks (BAA, DPA, cyber-insurance policy) as obligations beside the legal ones:
// the same shape, so `deadlines`, reminders, `done`, snooze and the export treat them alike.
import type { ContractualClock, Incident } from '../model/incident-schema.ts';
import { recordedNotice } from './targets.ts';
import { addDaysToDate, endOfLocalDay, isoInZone, localDate } from './time.ts';
import { wordsFor, type Words } from './words.ts';
import type { Obligation, ObligationStatus } from './types.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Rule id every contractual obligation carries. */
export const CONTRACT_RULE = 'CONTRACT';

/** The obligations of the incident's active (not removed) contractual clocks, evaluated at `now`. */
export function contractualObligations(incident: Incident, now: Date, dueSoon = { days: 7, hours: 24 }, w: Words = wordsFor('en', incident.organization.timezone)): Obligation[] {
  return incident.clocks.filter((c) => c.removedAt === null).map((c) => evaluateClock(incident, c, now.getTime(), dueSoon, w));
}

/** The clock's start instant, or why it is unknown. */
export function clockStart(incident: Incident, clock: ContractualClock, w: Words = wordsFor('en', incident.organization.timezone)): { at: string; event: string } | { missing: string } {
  if (clock.from === 'discovery') return { at: incident.discoveredAt, event: w.say('contract.discovery') };
  if (clock.from === 'notified') {
    const at = incident.vendor?.notifiedUsAt;
    return at ? { at, event: w.say('contract.vendorNotice') } : { missing: w.say('contract.vendorNoticeMissing') };
  }
  return { at: clock.from, event: w.say('contract.statedStart') };
}

function evaluateClock(incident: Incident, clock: ContractualClock, now: number, soon: { days: number; hours: number }, w: Words): Obligation {
  const zone = incident.organization.timezone;
  const start = clockStart(incident, clock, w);
  let dueMs: number | null = null;
  let dueDate: string | null = null;
  let kind: Obligation['kind'] = 'instant';
  let basis: string;
  if (clock.by) {
    dueMs = Date.parse(clock.by);
    basis = w.say('contract.by', { at: w.instant(dueMs), basis: clock.basis });
  } else if ('missing' in start) {
    kind = clock.within!.unit === 'days' ? 'date' : 'instant';
    basis = start.missing;
  } else if (clock.within!.unit === 'hours') {
    dueMs = Date.parse(start.at) + clock.within!.amount * HOUR_MS;
    basis = w.say('contract.hoursAfter', { hours: clock.within!.amount, event: start.event, at: w.instant(Date.parse(start.at)), basis: clock.basis });
  } else {
    kind = 'date';
    // Day-counted like the legal clocks: the last permitted day ends at midnight in the organization's zone.
    dueDate = addDaysToDate(localDate(Date.parse(start.at), zone), clock.within!.amount);
    dueMs = endOfLocalDay(dueDate, zone);
    basis = w.say('contract.daysAfter', { days: clock.within!.amount, event: start.event, day: w.dayOf(Date.parse(start.at)), basis: clock.basis });
  }
  const sent = recordedNotice(incident, now, clock.id);
  let status: ObligationStatus;
  if (sent) status = 'done';
  else if ('missing' in start && !clock.by) status = 'needs_facts';
  else if (dueMs !== null && now > dueMs) status = 'overdue';
  else if (dueMs !== null && dueMs - now <= (kind === 'date' ? soon.days * DAY_MS : soon.hours * HOUR_MS)) status = 'due_soon';
  else status = 'pending';
  return {
    obligation: clock.id,
    rule: CONTRACT_RULE,
    recipient: clock.recipient,
    citation: w.say('contract.citation', { basis: clock.basis }),
    kind,
    dueDate,
    dueAt: dueMs === null ? null : isoInZone(dueMs, zone),
    status,
    verification: 'unverified',
    basis: sent ? w.say('contract.sentOn', { basis, day: w.dayOf(sent.ms) }) : basis,
    law: w.say('contract.law'),
    caveats: [w.say('caveat.contractual')],
    jurisdiction: 'CONTRACT',
    trigger: 'at' in start ? { event: start.event, at: start.at } : null,
    tolledUntil: null,
    doneAt: sent?.sentAt ?? null,
    contractual: true,
  };
}
