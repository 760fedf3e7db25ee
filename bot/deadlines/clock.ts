// From a clock (rule data) and a trigger instant to a deadline: calendar days, business days, hours, months, …
import { addBusinessDays, isBusinessDay } from './business-days.ts';
import type { Trigger } from './facts.ts';
import type { RuleClock } from './rule-schema.ts';
import { addDaysToDate, addMonthsToDate, endOfLocalDay, localDate } from './time.ts';
import type { ObligationKind } from './types.ts';
import { wordsFor, type Words } from './words.ts';

// Clock words need no zone; the zone-free English ones serve callers that give none.
const ENGLISH = wordsFor('en', 'UTC');

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
    case 'before_anchor':
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
export function describeClock(clock: RuleClock, w: Words = ENGLISH): string {
  switch (clock.type) {
    case 'calendar_days':
      return clock.days === 0 ? w.say('clock.sameDay') : w.say('clock.calendarDays', { days: clock.days });
    case 'business_days':
      return w.say('clock.businessDays', { days: clock.days });
    case 'hours':
      return w.say('clock.hours', { hours: clock.hours });
    case 'months':
      return w.say('clock.months', { count: clock.months });
    case 'after_calendar_year':
      return w.say('clock.afterYear', { days: clock.days });
    default:
      return clock.standard ? w.rule(clock.standard) : clock.type;
  }
}

function dated(day: string, zone: string, text: string): Deadline {
  return { kind: 'date', dueDate: day, dueAt: endOfLocalDay(day, zone), text };
}

/** Apply `clock` to `trigger`; day counts use the trigger's calendar date in the organization's zone; `w` writes the basis. */
export function computeDeadline(clock: RuleClock, trigger: Trigger, zone: string, w: Words = wordsFor('en', zone)): Deadline {
  const start = localDate(trigger.ms, zone);
  const from = w.say('clock.from', { event: trigger.event, day: w.day(start) });
  switch (clock.type) {
    case 'calendar_days': {
      if (clock.days === 0) return dated(start, zone, w.say('clock.noLaterThan', { from }));
      return dated(addDaysToDate(start, clock.days), zone, w.say('clock.calendarAfter', { days: clock.days, from }));
    }
    case 'business_days': {
      const count = addBusinessDays(start, clock.days, clock.holidays);
      const skipped = count.skippedHolidays.map((h) => w.say('clock.skippedDay', { day: w.day(h.day), name: h.name }));
      const list = skipped.length ? w.say('clock.skippedList', { list: skipped.join(', ') }) : '';
      const parts = [w.say('clock.businessAfter', { days: clock.days, from, holidays: clock.holidays, skipped: list })];
      if (clock.nonBusinessStart === 'next_business_day_inclusive' && !isBusinessDay(start, clock.holidays)) {
        parts.push(w.say('clock.nonBusinessStart', { day: w.day(start), weekday: w.weekday(start), first: w.day(count.firstDay) }));
      }
      return dated(count.due, zone, parts.join(w.say('join')));
    }
    case 'hours': {
      const dueAt = trigger.ms + clock.hours * HOUR;
      return { kind: 'instant', dueDate: null, dueAt, text: w.say('clock.hoursAfter', { hours: clock.hours, event: trigger.event, at: w.instant(trigger.ms) }) };
    }
    case 'months':
      return dated(addMonthsToDate(start, clock.months), zone, w.say('clock.monthsAfter', { clock: describeClock(clock, w), from }));
    case 'after_calendar_year': {
      const year = start.slice(0, 4);
      const due = addDaysToDate(`${year}-12-31`, clock.days);
      return dated(due, zone, w.say('clock.afterYearOf', { days: clock.days, year, from }));
    }
    case 'before_anchor': {
      const text = w.say('clock.beforeAnchor', { standard: w.rule(clock.standard), event: trigger.event, at: w.instant(trigger.ms) });
      // Bounded by a day-counted deadline not met yet (the end of its day): that day, as it reads; else the moment itself.
      if (trigger.ms === endOfLocalDay(start, zone)) return dated(start, zone, text);
      return { kind: 'instant', dueDate: null, dueAt: trigger.ms, text };
    }
    case 'immediate':
      return { kind: 'immediate', dueDate: null, dueAt: endOfLocalDay(start, zone), text: w.say('clock.immediate', { standard: w.rule(clock.standard), from }) };
    case 'none_fixed':
      return { kind: 'none_fixed', dueDate: null, dueAt: null, text: w.say('clock.noneFixed', { standard: w.rule(clock.standard), from }) };
    case 'on_request':
      return { kind: 'on_request', dueDate: null, dueAt: null, text: w.say('clock.onRequest', { standard: clock.standard ? w.rule(clock.standard) : w.say('clock.onRequestDefault') }) };
  }
}
