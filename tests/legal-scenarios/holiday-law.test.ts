// Business days count only the legal holidays of the statute behind each calendar (bot/deadlines/holiday-law.ts), not
// every day date-holidays calls public: a working day counted as a holiday would put the deadline later than the law
// allows. Dates derived by hand in the comments; run through `import` + `deadlines --json`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicHolidays } from '../../bot/deadlines/business-days.ts';
import { HOLIDAY_LAWS } from '../../bot/deadlines/holiday-law.ts';
import { weekday } from '../../bot/deadlines/time.ts';
import { checkScenario, usFacts, type Scenario } from './run-scenario.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const rulesCalendars = [...new Set(readdirSync(join(ROOT, 'data', 'rules')).filter((f) => f.endsWith('.json')).flatMap((f) => [...readFileSync(join(ROOT, 'data', 'rules', f), 'utf8').matchAll(/"holidays":\s*"([^"]+)"/g)].map((m) => m[1]!)))].sort();
const YEARS = Array.from({ length: 2040 - 2015 + 1 }, (_, i) => 2015 + i);
const SUBSTITUTE = / \(substitute day\)$/;

/** Every name a calendar gives over 2015–2040 (substitute days under their holiday's name). */
function namesOf(calendar: string): Set<string> {
  return new Set(YEARS.flatMap((y) => [...publicHolidays(calendar, y).values()].map((n) => n.replace(SUBSTITUTE, ''))));
}
/** The holidays of a calendar moved from a Saturday to the Friday before. */
function fridaySubstitutes(calendar: string): string[] {
  return YEARS.flatMap((y) => [...publicHolidays(calendar, y)].filter(([d, n]) => SUBSTITUTE.test(n) && weekday(d) === 5).map(([d]) => d));
}

const ny = { timezone: 'America/New_York' };

const scenarios: Scenario[] = [
  {
    name: 'NY: the AG copy of the HHS notice, 5 business days across Susan B. Anthony Day (Feb 15, not a GCL § 24 holiday)',
    facts: usFacts({ discoveredAt: '2028-01-20T10:00:00-05:00', organization: ny, affected: { total: 600, byJurisdiction: { 'US-NY': 600 } }, notices: [{ obligation: 'US-HIPAA-164.408-HHS-500PLUS', sentAt: '2028-02-10T10:00:00-05:00' }] }),
    now: '2028-02-11T12:00:00Z',
    expect: {
      // GBL 899-aa(9), 5 business days after the HHS notice of Thu 2028-02-10: Fri 11 (1); Sat 12 Lincoln's birthday,
      // Sun 13; Mon 14 (2); Tue 15 Susan B. Anthony Day, a working day (3); Wed 16 (4); Thu 17 (5). Washington's
      // birthday is Mon 21 (third Monday). Counting Feb 15 would have said Fri 18.
      'US-NY-BREACH:hhs_copy': { dueDate: '2028-02-17' },
    },
  },
  {
    name: 'NY: July 4 on a Saturday stays on the Saturday (GCL § 24 moves only a Sunday holiday)',
    facts: usFacts({ discoveredAt: '2026-06-01T10:00:00-04:00', organization: ny, affected: { total: 600, byJurisdiction: { 'US-NY': 600 } }, notices: [{ obligation: 'US-HIPAA-164.408-HHS-500PLUS', sentAt: '2026-07-01T10:00:00-04:00' }] }),
    now: '2026-07-01T18:00:00Z',
    expect: {
      // From Wed 2026-07-01: Thu 2 (1), Fri 3 (2: the federal observance, not a NY public holiday), Mon 6 (3), Tue 7 (4),
      // Wed 8 (5). Counting Fri 3 would have said Thu 9.
      'US-NY-BREACH:hhs_copy': { dueDate: '2026-07-08' },
    },
  },
  {
    name: 'IL: the AG copy of the HHS notice, 5 business days across May 19 (Malcolm X Day is no Illinois legal holiday)',
    facts: usFacts({ discoveredAt: '2026-04-01T09:00:00-05:00', affected: { total: 600, byJurisdiction: { 'US-IL': 600 } }, notices: [{ obligation: 'US-HIPAA-164.408-HHS-500PLUS', sentAt: '2026-05-15T10:00:00-05:00' }] }),
    now: '2026-05-15T18:00:00Z',
    expect: {
      // 815 ILCS 530/50, from Fri 2026-05-15: Mon 18 (1), Tue 19 (2), Wed 20 (3), Thu 21 (4), Fri 22 (5). Counting May 19
      // would have said Tue 26 (Mon 25 is Memorial Day).
      'US-IL-BREACH:hhs_copy': { dueDate: '2026-05-22' },
    },
  },
  {
    name: 'VT: 14 business days to the AG across June 19 and Friday July 3 (neither a 1 V.S.A. § 371(a) legal holiday as read)',
    facts: usFacts({ discoveredAt: '2026-06-15T09:00:00-04:00', organization: ny, affected: { total: 30, byJurisdiction: { 'US-VT': 30 } } }),
    now: '2026-06-16T12:00:00Z',
    expect: {
      // 9 V.S.A. 2435(b)(3), from Mon 2026-06-15: Tue 16 (1), Wed 17 (2), Thu 18 (3), Fri 19 (4), Mon 22..Fri 26 (5-9),
      // Mon 29 (10), Tue 30 (11), Wed Jul 1 (12), Thu 2 (13), Fri 3 (14: § 371(b) State-office observance of the Saturday
      // July 4, not a legal holiday). Skipping Jun 19 and Jul 3 would have said Tue Jul 7.
      'US-VT-BREACH:attorney_general': { dueDate: '2026-07-03' },
    },
  },
  {
    name: 'IA: 5 business days to the AG after the consumer notice, across Friday July 3 (Iowa Code § 1C.1 moves no holiday)',
    facts: usFacts({ discoveredAt: '2026-06-01T09:00:00-05:00', organization: { role: 'controller' }, phiInvolved: false, affected: { total: 600, byJurisdiction: { 'US-IA': 600 } }, notices: [{ obligation: 'US-IA-BREACH:individuals', sentAt: '2026-07-02T10:00:00-05:00' }] }),
    now: '2026-07-02T18:00:00Z',
    expect: {
      // Iowa Code 715C.5(8), from Thu 2026-07-02: Fri 3 (1), Mon 6 (2), Tue 7 (3), Wed 8 (4), Thu 9 (5). Counting Fri 3
      // would have said Fri 10.
      'US-IA-BREACH:attorney_general': { dueDate: '2026-07-09' },
    },
  },
  {
    name: 'CA H&S 1280.15: 15 business days across Thanksgiving; the day after is no Gov. Code § 6700 holiday',
    facts: usFacts({ discoveredAt: '2026-11-16T09:00:00-08:00', organization: { caHealthFacility: true, timezone: 'America/Los_Angeles' }, affected: { total: 40, byJurisdiction: { 'US-CA': 40 } } }),
    now: '2026-11-17T12:00:00Z',
    expect: {
      // From Mon 2026-11-16: Tue 17..Fri 20 (1-4), Mon 23..Wed 25 (5-7), Thu 26 Thanksgiving skipped, Fri 27 (8), Mon 30
      // (9), Tue Dec 1..Fri 4 (10-13), Mon 7 (14), Tue 8 (15). Skipping Fri 27 would have said Wed Dec 9.
      'US-CA-BREACH:hs1280.15_cdph': { dueDate: '2026-12-08' },
      'US-CA-BREACH:hs1280.15_patients': { dueDate: '2026-12-08' },
    },
  },
];

describe('business-day holidays follow the statute behind each calendar', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    await checkScenario(s);
  });

  it('every calendar the rules count in names its statute', () => {
    expect(Object.keys(HOLIDAY_LAWS).sort()).toEqual(rulesCalendars);
    for (const law of Object.values(HOLIDAY_LAWS)) for (const d of law.differences) expect(d.why.length).toBeGreaterThan(20);
  });

  it('NY (GCL § 24): no Susan B. Anthony Day, no Saturday holiday moved to Friday; a Sunday one moves to Monday; every general election day', () => {
    expect(namesOf('US-NY')).toEqual(new Set(["New Year's Day", 'Martin Luther King Jr. Day', "Lincoln's Birthday", "Washington's Birthday", 'Memorial Day', 'Juneteenth', 'Independence Day', 'Labor Day', 'Columbus Day', 'Election Day', 'Veterans Day', 'Thanksgiving Day', 'Christmas Day']));
    expect(fridaySubstitutes('US-NY')).toEqual([]);
    // Feb 15 2027 is the third Monday of February: Washington's birthday, whatever date-holidays named it first.
    expect(publicHolidays('US-NY', 2027).get('2027-02-15')).toBe("Washington's Birthday");
    expect(publicHolidays('US-NY', 2028).has('2028-02-15')).toBe(false);
    // Sundays: Feb 12 2023 → Mon 13; Nov 11 2029 → Mon 12; Dec 25 2033 → Mon 26.
    for (const day of ['2023-02-13', '2029-11-12', '2033-12-26']) expect(publicHolidays('US-NY', Number(day.slice(0, 4))).has(day), day).toBe(true);
    for (const y of YEARS) expect([...publicHolidays('US-NY', y)].filter(([, n]) => n === 'Election Day').length, String(y)).toBe(1);
  });

  it('IL: no Malcolm X Day, no weekend holiday moved to a weekday, Juneteenth from 2022', () => {
    expect(namesOf('US-IL').has('Malcolm X Day')).toBe(false);
    expect(YEARS.flatMap((y) => [...publicHolidays('US-IL', y).values()].filter((n) => SUBSTITUTE.test(n)))).toEqual([]);
    expect(publicHolidays('US-IL', 2021).has('2021-06-18')).toBe(false);
    expect(publicHolidays('US-IL', 2026).get('2026-06-19')).toBe('Juneteenth');
  });

  it('VT (1 V.S.A. § 371(a)): Bennington Battle Day on August 16, no observed Friday or Monday, Juneteenth not counted', () => {
    for (const y of YEARS) expect([...publicHolidays('US-VT', y)].filter(([, n]) => n === 'Bennington Battle Day').map(([d]) => d)).toEqual([`${y}-08-16`]);
    expect(namesOf('US-VT')).toEqual(new Set(["New Year's Day", 'Martin Luther King Jr. Day', "Presidents' Day", 'Town Meeting Day', 'Memorial Day', 'Independence Day', 'Bennington Battle Day', 'Labor Day', 'Columbus Day', "Indigenous Peoples' Day", 'Veterans Day', 'Thanksgiving Day', 'Christmas Day']));
    expect(YEARS.flatMap((y) => [...publicHolidays('US-VT', y).values()].filter((n) => SUBSTITUTE.test(n)))).toEqual([]);
  });

  it('IA (Iowa Code § 1C.1): exactly its ten legal public holidays, none moved', () => {
    expect(namesOf('US-IA')).toEqual(new Set(["New Year's Day", 'Martin Luther King Jr. Day', "Lincoln's Birthday", "Washington's Birthday", 'Memorial Day', 'Independence Day', 'Labor Day', 'Veterans Day', 'Thanksgiving Day', 'Christmas Day']));
    expect(YEARS.flatMap((y) => [...publicHolidays('US-IA', y).values()].filter((n) => SUBSTITUTE.test(n)))).toEqual([]);
  });

  it('CA (Gov. Code §§ 6700, 6701): no day after Thanksgiving, no Saturday holiday moved to Friday, Juneteenth from 2023', () => {
    expect(namesOf('US-CA').has('Day after Thanksgiving Day')).toBe(false);
    expect(fridaySubstitutes('US-CA')).toEqual([]);
    expect(publicHolidays('US-CA', 2022).has('2022-06-20')).toBe(false);
    expect(publicHolidays('US-CA', 2023).get('2023-06-19')).toBe('Juneteenth');
    // § 6701: March 31 on a Sunday → Monday April 1 (2024).
    expect(publicHolidays('US-CA', 2024).has('2024-04-01')).toBe(true);
  });

  it('US (5 U.S.C. 6103, SEC business days): date-holidays as it is, observed Fridays and Mondays included', () => {
    expect(HOLIDAY_LAWS.US!.differences).toEqual([]);
    expect(publicHolidays('US', 2026).has('2026-07-03')).toBe(true);
  });
});
