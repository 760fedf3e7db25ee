// The zone table (data/zones/zone-offsets.json, written by scripts/zones.mjs) must say what this Node's Intl says, for
// every zone it holds: offsets and short names are read from it instead of building Intl formatters.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offsetMinutes, zoneAbbreviation } from '../../bot/deadlines/zone-offset.ts';
import { tableHasZone, tableName, tableOffset } from '../../bot/zone-table.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const table = JSON.parse(readFileSync(join(ROOT, 'data', 'zones', 'zone-offsets.json'), 'utf8')) as { from: string; to: string; zones: Record<string, { offsets: number[] }> };
const FROM = Date.parse(table.from);
const TO = Date.parse(table.to);

/** Intl's own offset (minutes east of UTC) of `zone` at `ms`, read from its longOffset name ("GMT-05:00"). */
const formats = new Map<string, Intl.DateTimeFormat>();
const formatter = (locale: string, zone: string, timeZoneName: 'longOffset' | 'short') => {
  const key = `${locale} ${zone} ${timeZoneName}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName })));
  return f;
};

function intlOffset(zone: string, ms: number): number {
  const name = formatter('en-US', zone, 'longOffset').formatToParts(ms).find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

function intlName(zone: string, ms: number): string {
  const locale = zone.startsWith('America/') || zone.startsWith('US/') ? 'en-US' : 'en-GB';
  return formatter(locale, zone, 'short').formatToParts(ms).find((p) => p.type === 'timeZoneName')!.value;
}

describe('zone table', () => {
  it('holds every zone Intl lists, the common aliases, and the years people record (2015 to 2040)', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) expect(tableHasZone(zone), zone).toBe(true);
    for (const zone of ['UTC', 'Asia/Kolkata', 'Europe/Kyiv', 'US/Central']) expect(tableHasZone(zone), zone).toBe(true);
    expect(FROM).toBeLessThanOrEqual(Date.UTC(2015, 0, 1));
    expect(TO).toBeGreaterThanOrEqual(Date.UTC(2041, 0, 1));
  });

  it('gives Intl’s offset and short name around every change and at 200 instants per zone (rerun scripts/zones.mjs if not)', () => {
    const wrong: string[] = [];
    for (const [zone, row] of Object.entries(table.zones)) {
      const instants: number[] = [];
      // A minute before and at each change, then instants spread over the table's years.
      for (let i = 1; i < row.offsets.length; i += 2) instants.push(row.offsets[i]! * 60_000 - 60_000, row.offsets[i]! * 60_000);
      for (let k = 0; k < 200; k++) instants.push(FROM + Math.floor(((TO - FROM) * (k + 0.37)) / 200));
      for (const ms of instants) {
        const offset = tableOffset(zone, ms);
        if (offset !== intlOffset(zone, ms)) wrong.push(`${zone} ${new Date(ms).toISOString()}: ${offset} vs ${intlOffset(zone, ms)}`);
        else if (tableName(zone, ms) !== intlName(zone, ms)) wrong.push(`${zone} ${new Date(ms).toISOString()}: ${tableName(zone, ms)} vs ${intlName(zone, ms)}`);
      }
    }
    expect(wrong.slice(0, 10), `${wrong.length} wrong`).toEqual([]);
  });

  it('knows the US and French changes of 2026: Chicago on 8 March and 1 November, Paris on 29 March and 25 October', () => {
    // US: second Sunday of March at 02:00 CST (08:00Z), first Sunday of November at 02:00 CDT (07:00Z).
    expect(offsetMinutes('America/Chicago', Date.parse('2026-03-08T07:59:00Z'))).toBe(-360);
    expect(offsetMinutes('America/Chicago', Date.parse('2026-03-08T08:00:00Z'))).toBe(-300);
    expect(zoneAbbreviation('America/Chicago', Date.parse('2026-11-01T06:59:00Z'))).toBe('CDT');
    expect(zoneAbbreviation('America/Chicago', Date.parse('2026-11-01T07:00:00Z'))).toBe('CST');
    // EU: last Sunday of March and of October at 01:00 UTC.
    expect(offsetMinutes('Europe/Paris', Date.parse('2026-03-29T00:59:00Z'))).toBe(60);
    expect(offsetMinutes('Europe/Paris', Date.parse('2026-03-29T01:00:00Z'))).toBe(120);
    expect(zoneAbbreviation('Europe/Paris', Date.parse('2026-10-25T01:00:00Z'))).toBe('CET');
  });

  it('leaves instants outside its years and zones it does not hold to Intl', () => {
    expect(tableOffset('America/Chicago', Date.UTC(2050, 6, 1))).toBeUndefined();
    expect(tableOffset('america/chicago', Date.UTC(2026, 6, 1))).toBeUndefined();
    // Intl still answers them: Chicago keeps daylight time in July 2050 under today's rules.
    expect(offsetMinutes('America/Chicago', Date.UTC(2050, 6, 1))).toBe(-300);
    expect(offsetMinutes('america/chicago', Date.UTC(2026, 6, 1))).toBe(-300);
  });
});
