// The holiday table (data/holidays/public-holidays.json, written by scripts/holidays.mjs) must be what date-holidays
// itself says, for every calendar the rules count business days in: the engine reads the table instead of the library.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const table = JSON.parse(readFileSync(join(ROOT, 'data', 'holidays', 'public-holidays.json'), 'utf8')) as { firstYear: number; lastYear: number; calendars: Record<string, Record<string, Record<string, string>>> };
const HolidaysClass = createRequire(import.meta.url)('date-holidays') as typeof Holidays;

const rulesCalendars = [...new Set(readdirSync(join(ROOT, 'data', 'rules')).filter((f) => f.endsWith('.json')).flatMap((f) => [...readFileSync(join(ROOT, 'data', 'rules', f), 'utf8').matchAll(/"holidays":\s*"([^"]+)"/g)].map((m) => m[1]!)))].sort();

describe('holiday table', () => {
  it('covers every calendar the rules name, over the years people record (2015 to 2040)', () => {
    expect(rulesCalendars.length).toBeGreaterThan(3);
    expect(Object.keys(table.calendars).sort()).toEqual(rulesCalendars);
    expect(table.firstYear).toBeLessThanOrEqual(2015);
    expect(table.lastYear).toBeGreaterThanOrEqual(2040);
  });

  it.each(rulesCalendars)('%s: every year is date-holidays’ own list of public holidays (rerun scripts/holidays.mjs if not)', (calendar) => {
    const [country, state] = calendar.split('-');
    const hd = state ? new HolidaysClass(country!, state) : new HolidaysClass(country!);
    for (let year = table.firstYear; year <= table.lastYear; year++) {
      const live: Record<string, string> = {};
      for (const h of hd.getHolidays(year)) if (h.type === 'public' && !(h.date.slice(0, 10) in live)) live[h.date.slice(0, 10)] = h.name;
      expect(table.calendars[calendar]![String(year)], `${calendar} ${year}`).toEqual(live);
    }
  });

  it('knows the days a count skips, e.g. US Thanksgiving 2025 (fourth Thursday of November: 27th)', () => {
    expect(table.calendars.US!['2025']!['2025-11-27']).toBe('Thanksgiving Day');
  });
});
