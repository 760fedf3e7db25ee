// Reading instants users type: ISO-8601 with an offset, or a local date-time in the incident's zone.
import { TZDate } from '@date-fns/tz';
import { IsoInstant } from '../bot/model/incident-schema.ts';
import { instantRangeProblem } from '../bot/domain/dates.ts';
import { InvalidArgumentsError } from '../bot/errors.ts';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
// French day-first dates: 20/02/2025 09:00, 20/02/2025 9h00, 20.02.2025.
const FRENCH = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:\s+(?:à\s+)?(\d{1,2})[:h](\d{2})?(?::(\d{2}))?)?$/i;

/**
 * An instant people typed, as ISO-8601 with offset: ISO with offset as given, "2025-02-20 09:00" or "2025-02-20" read
 * in `timezone`, with `lang` 'fr' also "20/02/2025 09:00". Instants before 1970 or more than five years after `now`
 * are refused with a sentence naming the year typed.
 */
export function parseInstant(raw: string, timezone: string, now: Date, lang: 'en' | 'fr' = 'en'): string {
  const iso = readInstant(raw, timezone, lang);
  const problem = instantRangeProblem(iso, now, `"${raw.trim()}"`);
  if (problem) throw new InvalidArgumentsError(problem);
  return iso;
}

/** The same reading without the range check; years are kept as typed (0025 is year 25, never 1925). */
export function readInstant(raw: string, timezone: string, lang: 'en' | 'fr' = 'en'): string {
  const text = raw.trim();
  if (IsoInstant.safeParse(text).success) return text;
  const french = FRENCH.exec(text);
  if (french && lang !== 'fr') {
    throw new InvalidArgumentsError(`"${raw}" could be read day-first or month-first; write it as 2025-02-20 09:00 (year-month-day).`);
  }
  const m = french ? [text, french[3], french[2]!.padStart(2, '0'), french[1]!.padStart(2, '0'), french[4]?.padStart(2, '0'), french[5] ?? (french[4] ? '00' : undefined), french[6]] : LOCAL.exec(text);
  if (!m) {
    const example = lang === 'fr' ? '20/02/2025 09:00' : '2025-02-20 09:00';
    throw new InvalidArgumentsError(`"${raw}" is not a date and time; use ${example} in the incident's time zone, or 2025-02-20T09:00-06:00 with an offset.`);
  }
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m.map((x) => x ?? undefined);
  // Month 13, minute 75: Date would roll them into the next year or hour; a date that does not exist is refused.
  const inRange = between(mo, 1, 12) && between(d, 1, 31) && between(h, 0, 23) && between(mi, 0, 59) && between(s, 0, 59);
  const local = new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), timezone);
  // Date maps years 0–99 to 1900–1999; the year typed is the year meant.
  if (Number(y) < 100) local.setFullYear(Number(y), Number(mo) - 1, Number(d));
  if (!inRange || local.getMonth() !== Number(mo) - 1 || local.getDate() !== Number(d) || local.getHours() !== Number(h)) {
    throw new InvalidArgumentsError(`"${raw}" does not exist in ${timezone} (a daylight-saving gap or an invalid date).`);
  }
  // Clocks going back show this wall time twice: which one is meant decides hour-counted clocks, so it is asked, never guessed.
  const twice = [-1, 1].map((hours) => new TZDate(local.getTime() + hours * 3_600_000, timezone)).find((other) => sameWallTime(other, local));
  if (twice) {
    const [first, second] = twice.getTime() < local.getTime() ? [twice, local] : [local, twice];
    throw new InvalidArgumentsError(`"${raw}" happens twice in ${timezone} (clocks go back that night); give its offset: ${isoWithOffset(first)} (the first time) or ${isoWithOffset(second)} (the second).`);
  }
  return isoWithOffset(local);
}

function between(field: string | undefined, low: number, high: number): boolean {
  const n = Number(field);
  return Number.isInteger(n) && n >= low && n <= high;
}

function sameWallTime(a: TZDate, b: TZDate): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate() && a.getHours() === b.getHours() && a.getMinutes() === b.getMinutes() && a.getSeconds() === b.getSeconds();
}

/** A TZDate written as ISO-8601 with its zone offset, seconds precision. */
export function isoWithOffset(date: TZDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** "now" as ISO-8601 with the zone's offset. */
export function nowInZone(now: Date, timezone: string): string {
  return isoWithOffset(new TZDate(now.getTime(), timezone));
}
