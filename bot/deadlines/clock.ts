// From a clock (rule data) and a trigger instant to a deadline: calendar days, business days, hours, months, …
import { addBusinessDays, isBusinessDay } from './business-days.ts';
import type { Trigger } from './facts.ts';
import type { RuleClock } from './rule-schema.ts';
import { addDaysToDate, addMonthsToDate, endOfLocalDay, localDate, shortInZone, weekdayName } from './time.ts';
import type { ObligationKind } from './types.ts';

/** A computed deadline; `dueAt` is epoch ms. */
export interface Deadline {
  kind: ObligationKind;
  dueDate: string | null;
  dueAt: number | null;
  /** The arithmetic in words, for the basis. */
  text: string;
}

const HOUR = 3_600_000;

/** The kind a clock yields, before any trigger is known. */
export function kindOf(clock: RuleClock): ObligationKind {
  switch (clock.type) {
    case 'hours':
      return 'instant';
    case 'immediate':
    case 'none_fixed':
    case 'on_request':
      return clock.type;
    default:
      return 'date';
  }
}

/** Words for a clock without a trigger ("60 calendar days after discovery"). */
export function describeClock(clock: RuleClock): string {
  switch (clock.type) {
    case 'calendar_days':
      return clock.days === 0 ? 'the same day' : `${clock.days} calendar days`;
    case 'business_days':
      return `${clock.days} business days`;
    case 'hours':
      return `${clock.hours} hours`;
    case 'months':
      return `${clock.months} month${clock.months > 1 ? 's' : ''}`;
    case 'after_calendar_year':
      return `${clock.days} days after the end of the calendar year`;
    default:
      return clock.standard ?? clock.type;
  }
}

function dated(day: string, zone: string, text: string): Deadline {
  return { kind: 'date', dueDate: day, dueAt: endOfLocalDay(day, zone), text };
}

/** Apply `clock` to `trigger`; day counts use the trigger's calendar date in the organization's zone. */
export function computeDeadline(clock: RuleClock, trigger: Trigger, zone: string): Deadline {
  const start = localDate(trigger.ms, zone);
  const from = `${trigger.event} on ${start}`;
  switch (clock.type) {
    case 'calendar_days': {
      if (clock.days === 0) return dated(start, zone, `no later than ${from}`);
      return dated(addDaysToDate(start, clock.days), zone, `${clock.days} calendar days after ${from}`);
    }
    case 'business_days': {
      const count = addBusinessDays(start, clock.days, clock.holidays);
      const skipped = count.skippedHolidays.map((h) => `${h.day} ${h.name}`);
      const parts = [`${clock.days} business days after ${from} (weekends and ${clock.holidays} public holidays skipped${skipped.length ? `: ${skipped.join(', ')}` : ''})`];
      if (clock.nonBusinessStart === 'next_business_day_inclusive' && !isBusinessDay(start, clock.holidays)) {
        parts.push(`${start} is a ${weekdayName(start)}, not a business day: the count begins on and includes ${count.firstDay} (GI B.1)`);
      }
      return dated(count.due, zone, parts.join('; '));
    }
    case 'hours': {
      const dueAt = trigger.ms + clock.hours * HOUR;
      return { kind: 'instant', dueDate: null, dueAt, text: `${clock.hours} hours after ${trigger.event} at ${shortInZone(trigger.ms, zone)} (continuous hours, weekends included)` };
    }
    case 'months':
      return dated(addMonthsToDate(start, clock.months), zone, `${describeClock(clock)} after ${from} (same calendar date, no roll-forward)`);
    case 'after_calendar_year': {
      const year = start.slice(0, 4);
      const due = addDaysToDate(`${year}-12-31`, clock.days);
      return dated(due, zone, `${clock.days} days after the end of ${year}, the year of ${from}`);
    }
    case 'immediate':
      return {
        kind: 'immediate',
        dueDate: null,
        dueAt: endOfLocalDay(start, zone),
        text: `"${clock.standard}" from ${from}: no hour count, shown as due by the end of that day (same-day interpretation)`,
      };
    case 'none_fixed':
      return { kind: 'none_fixed', dueDate: null, dueAt: null, text: `no fixed deadline: ${clock.standard} (from ${from})` };
    case 'on_request':
      return { kind: 'on_request', dueDate: null, dueAt: null, text: `only on request: ${clock.standard ?? 'when the authority asks'}` };
  }
}
