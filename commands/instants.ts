// Reading instants users type: ISO-8601 with an offset, or a local date-time in the incident's zone.
import { TZDate } from '@date-fns/tz';
import { IsoInstant } from '../bot/model/incident-schema.ts';
import { instantRangeProblem } from '../bot/domain/dates.ts';
import { InvalidArgumentsError } from '../bot/errors.ts';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * An instant people typed, as ISO-8601 with offset: ISO with offset as given, "2025-02-20 09:00" or "2025-02-20" read
 * in `timezone`. Instants before 1970 or more than five years after `now` are refused with a sentence naming the year typed.
 */
export function parseInstant(raw: string, timezone: string, now: Date): string {
  const iso = readInstant(raw, timezone);
  const problem = instantRangeProblem(iso, now, `"${raw.trim()}"`);
  if (problem) throw new InvalidArgumentsError(problem);
  return iso;
}

/** The same reading without the range check; years are kept as typed (0025 is year 25, never 1925). */
export function readInstant(raw: string, timezone: string): string {
  const text = raw.trim();
  if (IsoInstant.safeParse(text).success) return text;
  const m = LOCAL.exec(text);
  if (!m) throw new InvalidArgumentsError(`"${raw}" is not a date and time; use 2025-02-20T09:00-06:00, or 2025-02-20 09:00 in the incident's time zone.`);
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  const local = new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), timezone);
  // Date maps years 0–99 to 1900–1999; the year typed is the year meant.
  if (Number(y) < 100) local.setFullYear(Number(y), Number(mo) - 1, Number(d));
  if (local.getDate() !== Number(d) || local.getHours() !== Number(h)) {
    throw new InvalidArgumentsError(`"${raw}" does not exist in ${timezone} (a daylight-saving gap or an invalid date).`);
  }
  return isoWithOffset(local);
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
