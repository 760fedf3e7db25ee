// Calendar arithmetic on plain dates (YYYY-MM-DD) and instants shown in an IANA zone, via date-fns and @date-fns/tz.
// One file per function: the package root loads all of date-fns (about 300 modules), a third of a one-shot CLI run.
import { addMonths } from 'date-fns/addMonths';
import { format } from 'date-fns/format';
import { offsetMinutes, wallTimeToInstant } from './zone-offset.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

// date-fns works on a Date's local fields: a plain date is held as noon of that day in the machine's own zone, which
// no daylight-saving change moves to another day, whatever that zone is. (@date-fns/utc's UTCDate did this in UTC,
// but loading it builds three Intl formatters, and the first one a process builds costs about 30 ms.)
function localNoon(day: string): Date {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a date: ${day}`);
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  date.setFullYear(Number(m[1])); // years 0–99 are taken as 1900–1999 by the constructor
  return date;
}

function localDay(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The calendar date of an instant in `zone`. */
export function localDate(ms: number, zone: string): string {
  return new Date(ms + offsetMinutes(zone, ms) * 60_000).toISOString().slice(0, 10);
}

/** Midnight UTC of a plain date, as epoch ms: whole days apart exactly, whatever the zones do. */
function utcMidnight(day: string): number {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a date: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** `day` plus `n` calendar days. */
export function addDaysToDate(day: string, n: number): string {
  // Midnight UTC plus whole days stays at midnight UTC, so its ISO form is the date (cheaper than a Date object per step).
  return new Date(utcMidnight(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** `day` plus `n` months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsToDate(day: string, n: number): string {
  return localDay(addMonths(localNoon(day), n));
}

/** Whole calendar days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcMidnight(b) - utcMidnight(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(utcMidnight(day)).getUTCDay();
}

/** English weekday name, for basis texts. */
export function weekdayName(day: string): string {
  return format(localNoon(day), 'EEEE');
}

/** 23:59:59.999 of `day` in `zone`, as epoch ms. */
export function endOfLocalDay(day: string, zone: string): number {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a date: ${day}`);
  return wallTimeToInstant(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999), zone);
}

/** An instant as ISO-8601 with the offset `zone` has at that instant (2025-04-21T23:59:59.999-05:00). */
export function isoInZone(ms: number, zone: string): string {
  const offset = offsetMinutes(zone, ms);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant for basis texts: local date and time with offset, no seconds. */
export function shortInZone(ms: number, zone: string): string {
  // isoInZone without seconds: date-fns' format("yyyy-MM-dd'T'HH:mmxxx") of a TZDate says the same, at many times the cost.
  const iso = isoInZone(ms, zone);
  return `${iso.slice(0, 16)}${iso.slice(-6)}`;
}
