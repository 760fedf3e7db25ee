// Writes data/zones/zone-offsets.json: for every IANA zone this Node knows, its UTC offsets from 2015 to 2040 (the
// offset at the start and each change after it, to the minute) and its short name in each stretch, from Intl itself.
// The first Intl date or number formatter a process builds costs about 30 ms (ICU loads its data); a one-shot command
// reads this table instead, so an English answer builds none. Instants or zones outside the table still ask Intl.
// A Node with other time-zone data (process.versions.tz) ignores the table; tests/deadlines/zone-table.test.ts fails
// when the table and this Node's Intl disagree (rerun after a Node upgrade).
// Usage: node scripts/zones.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tzOffset } from '@date-fns/tz';

const ROOT = join(import.meta.dirname, '..');
export const FROM = Date.UTC(2015, 0, 1);
export const TO = Date.UTC(2041, 0, 1);
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

// Names people type that Intl accepts but does not list (ICU keeps the older name canonical: Asia/Calcutta).
const ALIASES = [
  'UTC', 'Etc/UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Yangon', 'Asia/Ho_Chi_Minh', 'Europe/Kyiv', 'America/Nuuk',
  'America/Argentina/Buenos_Aires', 'Atlantic/Faroe', 'Pacific/Chuuk', 'Pacific/Pohnpei', 'Africa/Asmara',
  'US/Alaska', 'US/Aleutian', 'US/Arizona', 'US/Central', 'US/East-Indiana', 'US/Eastern', 'US/Hawaii', 'US/Michigan',
  'US/Mountain', 'US/Pacific', 'US/Samoa',
];

/** The zones of the table: Intl's list and the aliases above that it accepts. */
export function tableZones() {
  const accepted = ALIASES.filter((zone) => {
    try {
      return Boolean(new Intl.DateTimeFormat('en-US', { timeZone: zone }));
    } catch {
      return false;
    }
  });
  return [...new Set([...Intl.supportedValuesOf('timeZone'), ...accepted])].sort();
}

const nameFormats = new Map();
/** The short name Intl gives `zone` at `ms`, as bot/deadlines/zone-offset.ts asks it (en-US for the Americas, else en-GB). */
export function shortName(zone, ms) {
  const locale = zone.startsWith('America/') || zone.startsWith('US/') ? 'en-US' : 'en-GB';
  let format = nameFormats.get(zone);
  if (!format) nameFormats.set(zone, (format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' })));
  return format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

/** Offset and short name at `ms`, as one comparable key. */
const stateAt = (zone, ms) => `${tzOffset(zone, new Date(ms))} ${shortName(zone, ms)}`;

/**
 * The zone's segments: `offsets` is [offset at FROM, then (minute of a change, offset from then) pairs], `names` the
 * short name of each segment. A segment starts where the offset or the name changes (Casablanca kept +1 but its name
 * went from WEST to GMT+1 in 2018).
 */
export function zoneRow(zone) {
  const offsets = [tzOffset(zone, new Date(FROM))];
  const names = [shortName(zone, FROM)];
  let current = stateAt(zone, FROM);
  for (let day = FROM; day < TO; day += DAY_MS) {
    const next = Math.min(day + DAY_MS, TO);
    if (stateAt(zone, next - 1) === current) continue;
    // The change falls inside this day (zones change at most once a day): its first minute, by halving.
    let lo = day / MINUTE_MS; // still the old state (or the change is at lo itself: checked below)
    let hi = (next - 1) / MINUTE_MS; // the new state
    if (stateAt(zone, day) !== current) hi = lo;
    while (Math.ceil(hi) - lo > 1) {
      const mid = lo + Math.floor((Math.ceil(hi) - lo) / 2);
      if (stateAt(zone, mid * MINUTE_MS) === current) lo = mid;
      else hi = mid;
    }
    const at = Math.ceil(hi);
    current = stateAt(zone, at * MINUTE_MS);
    offsets.push(at, tzOffset(zone, new Date(at * MINUTE_MS)));
    names.push(shortName(zone, at * MINUTE_MS));
  }
  return { offsets, names };
}

if (process.argv[1] === import.meta.filename) {
  const zones = {};
  for (const zone of tableZones()) zones[zone] = zoneRow(zone);
  mkdirSync(join(ROOT, 'data', 'zones'), { recursive: true });
  const source = `Intl of Node ${process.version} (ICU ${process.versions.icu}, tz ${process.versions.tz})`;
  writeFileSync(join(ROOT, 'data', 'zones', 'zone-offsets.json'), `${JSON.stringify({ source, tz: process.versions.tz, from: new Date(FROM).toISOString(), to: new Date(TO).toISOString(), zones })}\n`);
}
