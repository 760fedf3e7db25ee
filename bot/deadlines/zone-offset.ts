// UTC offsets of IANA zones, from the zone table (bot/zone-table.ts, written from Intl) or else @date-fns/tz (Intl),
// remembered per zone and UTC day: the engine asks for the same few days of the same few zones thousands of times.
import { tzOffset } from '@date-fns/tz';
import { tableName, tableOffset } from '../zone-table.ts';

/** The zone's offset at `ms`: the table's answer when it holds it, else Intl's. */
function rawOffset(zone: string, ms: number): number {
  return tableOffset(zone, ms) ?? tzOffset(zone, new Date(ms));
}

const DAY_MS = 86_400_000;
const MAX_ENTRIES = 50_000;
/** By zone, then UTC day number: the offset that holds all day, or null when the zone changes its offset that day. */
const stableDays = new Map<string, Map<number, number | null>>();
let entries = 0;

/** Minutes east of UTC that `zone` has at the instant `ms` (e.g. -300 for Chicago in summer). */
export function offsetMinutes(zone: string, ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  let days = stableDays.get(zone);
  if (days === undefined) stableDays.set(zone, (days = new Map()));
  let offset = days.get(day);
  if (offset === undefined) {
    // If the offset is the same at both ends of the UTC day, no change happens inside it (zones change at most once a day).
    const start = rawOffset(zone, day * DAY_MS);
    const end = rawOffset(zone, (day + 1) * DAY_MS - 1);
    offset = start === end ? start : null;
    if (++entries > MAX_ENTRIES) {
      stableDays.clear();
      entries = 1;
      stableDays.set(zone, (days = new Map()));
    }
    days.set(day, offset);
  }
  return offset ?? rawOffset(zone, ms);
}

/**
 * The instant at which the wall clock in `zone` shows `localMs` (wall time written as if it were UTC). In a
 * skipped hour the time moves forward (02:30 → 03:30); in a repeated hour the first occurrence wins (the earlier
 * instant: a reminder rather early than late).
 */
export function wallTimeToInstant(localMs: number, zone: string): number {
  // The offsets a day before and after bracket any change near this wall time (zones change at most once a day).
  const before = offsetMinutes(zone, localMs - DAY_MS);
  const after = offsetMinutes(zone, localMs + DAY_MS);
  const early = localMs - before * 60_000;
  if (before === after) return early;
  const late = localMs - after * 60_000;
  const valid = [early, late].filter((at, i) => offsetMinutes(zone, at) === (i === 0 ? before : after));
  return valid.length > 0 ? Math.min(...valid) : Math.max(early, late);
}

const zoneNames = new Map<string, string>();

/** The zone's short name at `ms` (CST, CDT, CET, BST): the table's, else asked of Intl once per zone and offset. */
export function zoneAbbreviation(zone: string, ms: number): string {
  const known = tableName(zone, ms);
  if (known !== undefined) return known;
  const offset = offsetMinutes(zone, ms);
  const key = `${zone}|${offset}`;
  let name = zoneNames.get(key);
  if (name === undefined) {
    // en-US knows US zone abbreviations (CST), en-GB the European ones (CET, BST).
    const locale = zone.startsWith('America/') || zone.startsWith('US/') ? 'en-US' : 'en-GB';
    name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? zone;
    zoneNames.set(key, name);
  }
  return name;
}
