// Legal scenarios a privacy officer meets, US side: expected deadlines derived by hand from the statute text in the
// comments, checked through `import` + `deadlines --json` (the command registry, as the chat front doors run it).
import { describe, it } from 'vitest';
import { checkScenario, usFacts, type Scenario } from './run-scenario.ts';

// 60 calendar days after Mon 2026-03-02 (45 CFR 164.404(b)): Mar 2 + 29 = Mar 31, + 30 = Apr 30, + 1 = May 1.
// Chicago is on CDT (-05:00) from 2026-03-08, so the last moment is 2026-05-01T23:59:59.999-05:00.
const MAY1 = { dueDate: '2026-05-01', dueAt: '2026-05-01T23:59:59.999-05:00' };
// 30 calendar days after 2026-03-02: Mar 2 + 29 = Mar 31, + 1 = Apr 1.
const APR1 = { dueDate: '2026-04-01', dueAt: '2026-04-01T23:59:59.999-05:00' };
const tx = (n: number, patch: Record<string, unknown> = {}) => usFacts({ affected: { total: n, byJurisdiction: { 'US-TX': n } }, ...patch });

const scenarios: Scenario[] = [
  {
    name: 'covered entity, 6 States, name + diagnosis (no SSN)',
    facts: usFacts({
      dataCategories: ['name', 'diagnosis'],
      affected: { total: 1200, byJurisdiction: { 'US-TX': 300, 'US-IN': 400, 'US-CA': 200, 'US-WA': 100, 'US-NJ': 150, 'US-AZ': 50 } },
    }),
    now: '2026-03-05T12:00:00Z',
    expect: {
      'US-HIPAA-164.404-INDIVIDUALS': { status: 'pending', ...MAY1, citation: '45 CFR 164.404' },
      // 1,200 ≥ 500: HHS contemporaneously, same 60 days (164.408(b)); no State has more than 500 residents (164.406).
      'US-HIPAA-164.408-HHS-500PLUS': { status: 'pending', ...MAY1 },
      'US-HIPAA-164.408-HHS-LT500': { status: 'not_applicable' },
      'US-HIPAA-164.406-MEDIA:US-TX': { status: 'not_applicable' },
      // Tex. Bus. & Com. 521.002(a)(2) counts name + health condition; 521.053(i): AG within 30 days if ≥ 250 residents.
      'US-TX-BREACH:attorney_general': { status: 'pending', ...APR1, verification: 'verified_primary_text' },
      'US-TX-BREACH:individuals': { status: 'pending', ...MAY1 }, // 521.053(b): 60 days, no HIPAA carve-out
      // Ind. Code 24-4.9-2-10 and N.J.S.A. 56:8-161 do not count medical data: name + diagnosis owes nothing there.
      'US-IN-BREACH:individuals': { status: 'not_applicable', basis: /not personal information/ },
      'US-NJ-BREACH:individuals': { status: 'not_applicable', basis: /not personal information/ },
      'US-NJ-BREACH:state_police': { status: 'not_applicable' },
      // Cal. Civ. 1798.82(a)(2) (SB 446): 30 calendar days from discovery; AG only over 500 residents (1798.82(f)).
      'US-CA-BREACH:individuals': { status: 'pending', ...APR1 },
      'US-CA-BREACH:attorney_general': { status: 'not_applicable' },
      // H&S 1280.15 binds licensed facilities only: not answered, so asked, never silently dropped.
      'US-CA-BREACH:hs1280.15_cdph': { status: 'needs_facts', basis: /caHealthFacility/ },
      // RCW 19.255.030(1): HITECH-compliant covered entity deemed compliant; AG only over 500 residents.
      'US-WA-BREACH:individuals': { status: 'not_applicable' },
      'US-WA-BREACH:attorney_general': { status: 'not_applicable' },
      // A.R.S. 18-552(M): the statute does not apply to a HIPAA covered entity.
      'US-AZ-BREACH:individuals': { status: 'not_applicable', basis: /HIPAA/ },
    },
  },
  {
    name: 'HHS boundary: 499 go to the annual log',
    facts: tx(499),
    now: '2026-03-05T12:00:00Z',
    expect: {
      // 164.408(c): within 60 days after the end of 2026: Jan 31 + Feb 28 = 59 days → 2027-03-01 (CST, -06:00).
      'US-HIPAA-164.408-HHS-LT500': { status: 'pending', dueDate: '2027-03-01', dueAt: '2027-03-01T23:59:59.999-06:00' },
      'US-HIPAA-164.408-HHS-500PLUS': { status: 'not_applicable' },
    },
  },
  {
    name: 'HHS boundary: 500 is "500 or more"; media needs MORE than 500 residents of a State',
    facts: tx(500),
    now: '2026-03-05T12:00:00Z',
    expect: {
      'US-HIPAA-164.408-HHS-500PLUS': { status: 'pending', ...MAY1 },
      'US-HIPAA-164.408-HHS-LT500': { status: 'not_applicable' },
      'US-HIPAA-164.406-MEDIA:US-TX': { status: 'not_applicable' },
    },
  },
  {
    name: 'HHS/media boundary: 501 residents of Texas owe the media notice',
    facts: tx(501),
    now: '2026-03-05T12:00:00Z',
    expect: { 'US-HIPAA-164.406-MEDIA:US-TX': { status: 'pending', ...MAY1 } },
  },
  {
    name: 'Texas AG boundary: 249 residents, no AG notice (521.053(i): "at least 250")',
    facts: tx(249),
    now: '2026-03-05T12:00:00Z',
    expect: { 'US-TX-BREACH:attorney_general': { status: 'not_applicable' } },
  },
  {
    name: 'Texas AG boundary: 250 residents, AG within 30 days',
    facts: tx(250),
    now: '2026-03-05T12:00:00Z',
    expect: { 'US-TX-BREACH:attorney_general': { status: 'pending', ...APR1 } },
  },
  {
    name: 'encrypted, key not taken: secured PHI (164.402) and Texas safe harbor (521.002)',
    facts: tx(501, { dataEncrypted: true, keyCompromised: false }),
    now: '2026-03-05T12:00:00Z',
    expect: {
      'US-HIPAA-164.404-INDIVIDUALS': { status: 'not_applicable', basis: /encrypted/ },
      'US-HIPAA-164.406-MEDIA:US-TX': { status: 'not_applicable' },
      'US-TX-BREACH:individuals': { status: 'not_applicable', basis: /encrypted/ },
    },
  },
  {
    name: 'encrypted, key taken too: every notice owed',
    facts: tx(501, { dataEncrypted: true, keyCompromised: true }),
    now: '2026-03-05T12:00:00Z',
    expect: {
      'US-HIPAA-164.404-INDIVIDUALS': { status: 'pending', ...MAY1, basis: /keyCompromised/ },
      'US-HIPAA-164.406-MEDIA:US-TX': { status: 'pending', ...MAY1 },
      'US-TX-BREACH:individuals': { status: 'pending', ...MAY1 },
    },
  },
  {
    name: 'Oklahoma, discovered 2026-01-01 00:30 (SB 626 in force)',
    facts: usFacts({ discoveredAt: '2026-01-01T00:30:00-06:00', affected: { total: 600, byJurisdiction: { 'US-OK': 600 } } }),
    now: '2026-01-05T12:00:00Z',
    expect: {
      // HIPAA: Jan 1 + 30 = Jan 31, + 28 = Feb 28 (58), + 2 = Mar 2. SB 626: AG (≥ 500) within 60 days after notifying
      // residents: upper bound Mar 2 + 29 = Mar 31, + 30 = Apr 30, + 1 = May 1. The HIPAA notice exempts the resident notice.
      'US-HIPAA-164.404-INDIVIDUALS': { dueDate: '2026-03-02' },
      'US-OK-BREACH:attorney_general': { status: 'pending', dueDate: '2026-05-01' },
      'US-OK-BREACH:individuals': { status: 'not_applicable', basis: /HIPAA/ },
    },
  },
  {
    name: 'Oklahoma, discovered 2025-12-31 23:30 (before SB 626): residents only, no AG',
    facts: usFacts({ discoveredAt: '2025-12-31T23:30:00-06:00', affected: { total: 600, byJurisdiction: { 'US-OK': 600 } } }),
    now: '2026-01-05T12:00:00Z',
    expect: { 'US-OK-BREACH:individuals': { status: 'pending', kind: 'none_fixed', basis: /before SB 626/ } },
    absent: ['US-OK-BREACH:attorney_general'],
  },
  {
    name: 'California, discovered 2025-12-31 (before SB 446): no day count; AG sample copy with the notice',
    facts: usFacts({ discoveredAt: '2025-12-31T10:00:00-08:00', organization: { timezone: 'America/Los_Angeles', caHealthFacility: false }, affected: { total: 600, byJurisdiction: { 'US-CA': 600 } } }),
    now: '2026-01-05T12:00:00Z',
    expect: {
      'US-CA-BREACH:individuals': { status: 'pending', kind: 'none_fixed', basis: /before SB 446/ },
      'US-CA-BREACH:hs1280.15_cdph': { status: 'not_applicable' },
    },
  },
  {
    name: 'California, discovered 2026-01-01 (SB 446): 30 days, AG 15 days after the notice',
    facts: usFacts({ discoveredAt: '2026-01-01T10:00:00-08:00', organization: { timezone: 'America/Los_Angeles', caHealthFacility: true }, affected: { total: 600, byJurisdiction: { 'US-CA': 600 } } }),
    now: '2026-01-05T12:00:00Z',
    expect: {
      // Jan 1 + 30 = Jan 31 (PST, -08:00); AG upper bound Jan 31 + 15 = Feb 15.
      'US-CA-BREACH:individuals': { status: 'pending', dueDate: '2026-01-31', dueAt: '2026-01-31T23:59:59.999-08:00' },
      'US-CA-BREACH:attorney_general': { status: 'pending', dueDate: '2026-02-15' },
      // H&S 1280.15: 15 business days from Thu Jan 1 (a holiday): Jan 2 (1), 5-9 (6), 12-16 (11), Mon 19 MLK Day skipped,
      // 20-23 (15) → 2026-01-23.
      'US-CA-BREACH:hs1280.15_cdph': { status: 'pending', dueDate: '2026-01-23' },
      'US-CA-BREACH:hs1280.15_patients': { status: 'pending', dueDate: '2026-01-23' },
    },
  },
];

describe('US legal scenarios', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    await checkScenario(s);
  });
});
