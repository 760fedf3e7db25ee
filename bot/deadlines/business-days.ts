// Business days: not Saturday, Sunday or a legal holiday of the given calendar (US, US-VT, …): date-holidays' public
// holidays with the differences its statute makes (holiday-law.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { applyHolidayLaw } from './holiday-law.ts';
import { addDaysToDate, weekday } from './time.ts';
import { appPath } from '../app-root.ts';

// Loaded on the first business-day count only (a synchronous require of its CommonJS build): the calendars of every
// country cost about 0.1 s of CPU, and most answers count calendar days or hours.
let HolidaysClass: typeof Holidays | undefined;
function holidaysClass(): typeof Holidays {
  HolidaysClass ??= createRequire(import.meta.url)('date-holidays') as typeof Holidays;
  return HolidaysClass;
}

const calendars = new Map<string, Holidays>();
const years = new Map<string, Map<string, string>>();

// The same holidays, computed ahead for the rules' calendars and the years counted in (scripts/holidays.mjs): one
// small JSON read instead of loading every country's calendar; tests/deadlines/holiday-table.test.ts checks it.
const TABLE_PATH = appPath('data', 'holidays', 'public-holidays.json');
type Table = { calendars: Record<string, Record<string, Record<string, string>>> };
let table: Table | null | undefined;
function fromTable(calendar: string, year: number): Map<string, string> | undefined {
  if (table === undefined) {
    try {
      table = JSON.parse(readFileSync(TABLE_PATH, 'utf8')) as Table;
    } catch {
      table = null; // no table (a build without it): date-holidays answers every year
    }
  }
  const days = table?.calendars[calendar]?.[String(year)];
  return days ? new Map(Object.entries(days)) : undefined;
}

/** Legal holidays of `calendar` in `year`, date → name (cached): date-holidays' list as the calendar's statute has it. */
export function publicHolidays(calendar: string, year: number): Map<string, string> {
  const key = `${calendar}:${year}`;
  const cached = years.get(key);
  if (cached) return cached;
  const days = applyHolidayLaw(calendar, year, fromTable(calendar, year) ?? fromLibrary(calendar, year));
  years.set(key, days);
  return days;
}

function fromLibrary(calendar: string, year: number): Map<string, string> {
  let hd = calendars.get(calendar);
  if (!hd) {
    const [country, state] = calendar.split('-');
    const Holidays = holidaysClass();
    hd = state ? new Holidays(country!, state) : new Holidays(country!);
    calendars.set(calendar, hd);
  }
  const days = new Map<string, string>();
  // Substitute days (a Saturday holiday observed on Friday) included, as date-holidays has them; holiday-law.ts drops
  // those the calendar's statute does not make holidays.
  for (const h of hd.getHolidays(year)) if (h.type === 'public' && !days.has(h.date.slice(0, 10))) days.set(h.date.slice(0, 10), h.name);
  return days;
}

/** The legal-holiday name of `day` in `calendar`, if it is one. */
export function holidayName(day: string, calendar: string): string | undefined {
  return publicHolidays(calendar, Number(day.slice(0, 4))).get(day);
}

/** True for Monday–Friday days that are not legal holidays in `calendar`. */
export function isBusinessDay(day: string, calendar: string): boolean {
  const wd = weekday(day);
  return wd !== 0 && wd !== 6 && holidayName(day, calendar) === undefined;
}

/** The result of counting business days, with the holidays skipped (for the basis). */
export interface BusinessDayCount {
  readonly due: string;
  /** Day 1 of the count. */
  readonly firstDay: string;
  readonly skippedHolidays: readonly { day: string; name: string }[];
}

/**
 * `n` business days after `start`: day 1 is the first business day after `start`. When `start` is not a business
 * day this is also SEC GI B.1 ("begins to run on, and includes, the first business day thereafter").
 */
export function addBusinessDays(start: string, n: number, calendar: string): BusinessDayCount {
  // A pure function of its arguments, asked again for every answer on the same incident: counted once.
  const key = `${calendar}|${start}|${n}`;
  const known = counts.get(key);
  if (known) return known;
  const count = Object.freeze(countBusinessDays(start, n, calendar));
  if (counts.size >= MAX_COUNTS) counts.delete(counts.keys().next().value!);
  counts.set(key, count);
  return count;
}

const counts = new Map<string, BusinessDayCount>();
const MAX_COUNTS = 10_000;

function countBusinessDays(start: string, n: number, calendar: string): BusinessDayCount {
  const skippedHolidays: { day: string; name: string }[] = [];
  let day = start;
  let counted = 0;
  let firstDay = '';
  while (counted < n) {
    day = addDaysToDate(day, 1);
    if (isBusinessDay(day, calendar)) {
      counted += 1;
      if (!firstDay) firstDay = day;
      continue;
    }
    const name = holidayName(day, calendar);
    if (name) skippedHolidays.push({ day, name });
  }
  return { due: day, firstDay, skippedHolidays };
}
