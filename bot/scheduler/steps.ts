// The reminder steps of one obligation: which have come due by `now`, and when the next one fires.
import { addDaysToDate, daysBetween, localDate } from '../deadlines/time.ts';
import type { Obligation } from '../deadlines/types.ts';
import { REMINDED_STATUSES } from '../domain/reminder-state.ts';
import { atLocalTime, parseDuration, type ReminderPolicy } from './policy.ts';

/** One planned reminder of one obligation. */
export interface ReminderStep {
  /** Stable id: before:P7D, morning, overdue:3, hourly:5, daily:2025-03-02. */
  id: string;
  /** Planned instant, epoch ms. */
  fireAt: number;
  /** After the deadline. */
  overdue: boolean;
}

/** An obligation's steps around `now`. */
export interface StepSchedule {
  /** The instant delivery keys are tied to: dueAt, or the clock start for "without undue delay" (epoch ms). */
  anchor: number;
  /** Steps with fireAt <= now, oldest first; a repeating series contributes at most its latest `window` entries. */
  due: ReminderStep[];
  /** The earliest step after now, epoch ms. */
  next: number | null;
  /** When the first overdue reminder fires (escalation counts from it); null when the kind never goes overdue. */
  firstOverdueAt: number | null;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export { REMINDED_STATUSES };

/** The steps of `o` at `now`, or null when it gets no reminders. */
export function stepsFor(o: Obligation, zone: string, policy: ReminderPolicy, now: number, window = 48): StepSchedule | null {
  if (!REMINDED_STATUSES.has(o.status)) return null;
  const dueAt = o.dueAt === null ? null : Date.parse(o.dueAt);
  switch (o.kind) {
    case 'date':
      return dueAt === null ? null : dateSteps(o.dueDate ?? localDate(dueAt, zone), dueAt, zone, policy, now, window);
    case 'instant':
      return dueAt === null ? null : instantSteps(dueAt, policy, now, window);
    case 'immediate': {
      if (dueAt === null) return null;
      const start = o.trigger ? Date.parse(o.trigger.at) : dueAt;
      const every = policy.immediateEveryHours * HOUR_MS;
      const hourly = uniformSeries((n) => `hourly:${n}`, start, every, now, window, dueAt);
      const afterDue = Math.max(0, Math.floor((dueAt - start) / every) + 1);
      return { anchor: dueAt, due: hourly.due, next: hourly.next, firstOverdueAt: start + afterDue * every };
    }
    case 'none_fixed': {
      // "Waiting for another notice" obligations have no trigger yet: nothing to remind about.
      if (!o.trigger) return null;
      const start = Date.parse(o.trigger.at);
      let firstDay = localDate(start, zone);
      if (atLocalTime(firstDay, policy.noneFixedDaily, zone) < start) firstDay = addDaysToDate(firstDay, 1);
      const daily = daySeries((day) => `daily:${day}`, firstDay, policy.noneFixedDaily, zone, now, window, Number.POSITIVE_INFINITY);
      return { anchor: start, due: daily.due, next: daily.next, firstOverdueAt: null };
    }
    default:
      return null;
  }
}

function dateSteps(dueDate: string, dueAt: number, zone: string, policy: ReminderPolicy, now: number, window: number): StepSchedule {
  const fixed: ReminderStep[] = policy.dateBefore.map((text) => {
    const d = parseDuration(text);
    // Whole days land on the morning of a calendar day, so no reminder arrives at midnight or shifts with DST.
    const fireAt = d.ms === 0 ? atLocalTime(addDaysToDate(dueDate, -d.days), policy.morning, zone) : dueAt - d.days * DAY_MS - d.ms;
    return { id: `before:${text}`, fireAt, overdue: false };
  });
  if (policy.dueDayMorning) fixed.push({ id: 'morning', fireAt: atLocalTime(dueDate, policy.morning, zone), overdue: false });
  const overdue = daySeries((_day, n) => `overdue:${n}`, addDaysToDate(dueDate, 1), policy.morning, zone, now, window, dueAt);
  return combine(dueAt, fixed.filter((s) => s.fireAt < dueAt), overdue, now, atLocalTime(addDaysToDate(dueDate, 1), policy.morning, zone));
}

function instantSteps(dueAt: number, policy: ReminderPolicy, now: number, window: number): StepSchedule {
  const fixed = policy.instantBefore.map((text) => {
    const d = parseDuration(text);
    return { id: `before:${text}`, fireAt: dueAt - d.days * DAY_MS - d.ms, overdue: false };
  });
  // overdue:1 fires as the deadline passes, then every N hours.
  const overdue = uniformSeries((n) => `overdue:${n + 1}`, dueAt, policy.instantOverdueEveryHours * HOUR_MS, now, window, dueAt - 1);
  return combine(dueAt, fixed, overdue, now, dueAt);
}

function combine(anchor: number, fixed: ReminderStep[], series: { due: ReminderStep[]; next: number | null }, now: number, firstOverdueAt: number): StepSchedule {
  const due = [...fixed.filter((s) => s.fireAt <= now), ...series.due].sort((a, b) => a.fireAt - b.fireAt);
  const future = [...fixed.filter((s) => s.fireAt > now).map((s) => s.fireAt), ...(series.next === null ? [] : [series.next])];
  return { anchor, due, next: future.length ? Math.min(...future) : null, firstOverdueAt };
}

/** Steps start + n·every (n >= 0): the latest `window` of them due by now, and the next. */
function uniformSeries(id: (n: number) => string, start: number, every: number, now: number, window: number, dueAt: number) {
  if (now < start) return { due: [], next: start };
  const latest = Math.floor((now - start) / every);
  const due: ReminderStep[] = [];
  for (let n = Math.max(0, latest - window + 1); n <= latest; n++) due.push({ id: id(n), fireAt: start + n * every, overdue: start + n * every > dueAt });
  return { due, next: start + (latest + 1) * every };
}

/** Steps at local time `hhmm` on firstDay + n days: the latest `window` of them due by now, and the next. */
function daySeries(id: (day: string, n: number) => string, firstDay: string, hhmm: string, zone: string, now: number, window: number, dueAt: number) {
  const fire = (n: number) => atLocalTime(addDaysToDate(firstDay, n), hhmm, zone);
  let latest = daysBetween(firstDay, localDate(now, zone));
  if (latest >= 0 && fire(latest) > now) latest--;
  if (latest < 0) return { due: [], next: fire(0) };
  const due: ReminderStep[] = [];
  for (let n = Math.max(0, latest - window + 1); n <= latest; n++) {
    due.push({ id: id(addDaysToDate(firstDay, n), n + 1), fireAt: fire(n), overdue: fire(n) > dueAt });
  }
  return { due, next: fire(latest + 1) };
}
