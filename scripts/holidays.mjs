// Writes data/holidays/public-holidays.json: the public holidays of every calendar the rules count business days in,
// for the years breachdesk counts in, from date-holidays. The engine reads the table (a small JSON file) instead of
// loading date-holidays' calendars of every country on each one-shot command; years or calendars outside the table
// still go to date-holidays. tests/deadlines/holiday-table.test.ts fails when the table and date-holidays disagree.
// The table is date-holidays' own list; the engine applies each statute's differences on top (bot/deadlines/holiday-law.ts).
// Usage: node scripts/holidays.mjs
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2040;

/** Every `holidays` calendar named in data/rules. */
export function calendarsInRules() {
  const found = new Set();
  for (const file of readdirSync(join(ROOT, 'data', 'rules')).filter((f) => f.endsWith('.json'))) {
    for (const m of readFileSync(join(ROOT, 'data', 'rules', file), 'utf8').matchAll(/"holidays":\s*"([^"]+)"/g)) found.add(m[1]);
  }
  return [...found].sort();
}

/** date-holidays' public holidays of `calendar` in `year`, date → name, as the engine reads them. */
export function publicHolidaysOf(Holidays, calendar, year) {
  const [country, state] = calendar.split('-');
  const hd = state ? new Holidays(country, state) : new Holidays(country);
  const days = {};
  for (const h of hd.getHolidays(year)) if (h.type === 'public' && !(h.date.slice(0, 10) in days)) days[h.date.slice(0, 10)] = h.name;
  return days;
}

if (process.argv[1] === import.meta.filename) {
  const Holidays = createRequire(import.meta.url)('date-holidays');
  const calendars = {};
  for (const calendar of calendarsInRules()) {
    calendars[calendar] = {};
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) calendars[calendar][year] = publicHolidaysOf(Holidays, calendar, year);
  }
  const version = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'date-holidays', 'package.json'), 'utf8')).version;
  writeFileSync(join(ROOT, 'data', 'holidays', 'public-holidays.json'), `${JSON.stringify({ source: `date-holidays ${version}`, firstYear: FIRST_YEAR, lastYear: LAST_YEAR, calendars })}\n`);
}
