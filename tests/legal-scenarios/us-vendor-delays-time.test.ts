// Legal scenarios, US side: vendors, law-enforcement delays, 42 CFR Part 2, time zones and DST. Dates derived by hand
// from the rule text in the comments; run through `import` + `deadlines --json`.
import { describe, it } from 'vitest';
import { checkScenario, usFacts, type Scenario } from './run-scenario.ts';

const ny = { timezone: 'America/New_York' };
const vendor = (isAgent: boolean) => ({
  name: 'EHR vendor', role: 'business_associate', isAgent,
  discoveredAt: '2026-03-01T09:00:00-05:00', notifiedUsAt: '2026-04-20T10:00:00-04:00',
});

const scenarios: Scenario[] = [
  {
    name: 'business associate breach (independent contractor), notice to us 2026-04-20, 499 New Yorkers',
    facts: usFacts({ discoveredAt: '2026-04-20T10:00:00-04:00', organization: { ...ny, nyDfsEntity: false }, vendor: vendor(false), dataCategories: ['name', 'ssn', 'diagnosis'], affected: { total: 499, byJurisdiction: { 'US-NY': 499 } } }),
    now: '2026-04-25T12:00:00Z',
    expect: {
      // 164.404(a)(2) does not impute a non-agent's discovery: 60 days from the notice on Apr 20: Apr 20 + 10 = Apr 30,
      // + 31 = May 31 (41), + 19 = Jun 19.
      'US-HIPAA-164.404-INDIVIDUALS': { status: 'pending', dueDate: '2026-06-19', dueAt: '2026-06-19T23:59:59.999-04:00' },
      'US-HIPAA-164.408-HHS-LT500': { status: 'pending', dueDate: '2027-03-01' },
      // GBL 899-aa(9): the HHS notice goes to the AG within 5 business days of notifying HHS: Mon 2027-03-01 → Mon Mar 8.
      'US-NY-BREACH:hhs_copy': { status: 'pending', dueDate: '2027-03-08' },
      // 899-aa(2)(b): no additional notice to residents for a HIPAA covered entity; DFS only for DFS-covered entities.
      'US-NY-BREACH:individuals': { status: 'not_applicable' },
      'US-NY-BREACH:regulator': { status: 'not_applicable', basis: /DFS/ },
    },
  },
  {
    name: 'business associate as agent: HIPAA counts from its discovery; the Florida clock counts from its notice',
    facts: usFacts({ discoveredAt: '2026-04-20T10:00:00-04:00', organization: ny, vendor: vendor(true), affected: { total: 500, byJurisdiction: { 'US-FL': 500 } } }),
    now: '2026-04-25T12:00:00Z',
    expect: {
      // Agent's discovery imputed (164.404(a)(2)): Mar 1 + 30 = Mar 31, + 30 = Apr 30.
      'US-HIPAA-164.404-INDIVIDUALS': { status: 'due_soon', dueDate: '2026-04-30' },
      // Fla. Stat. 501.171(6)(a): notices "upon receiving notice from a third-party agent"; (3)(a) 30 days:
      // Apr 20 + 10 = Apr 30, + 20 = May 20. The imputation question is named, not decided silently.
      'US-FL-BREACH:attorney_general': { status: 'pending', dueDate: '2026-05-20', basis: /unsettled/ },
    },
  },
  {
    name: 'FBI written delay with an end date (164.412(a)); California clock tolled too (1798.82(c))',
    facts: usFacts({
      discoveredAt: '2026-03-02T09:00:00-08:00', organization: { timezone: 'America/Los_Angeles', caHealthFacility: false },
      affected: { total: 600, byJurisdiction: { 'US-CA': 600 } },
      lawEnforcementDelays: [{ form: 'written', agency: 'FBI', official: 'SA Example', statedAt: '2026-03-20T10:00:00-07:00', until: '2026-05-15T00:00:00-07:00' }],
    }),
    now: '2026-03-25T12:00:00Z',
    expect: {
      // Delay Mar 20 → May 15 = 56 days; original May 1 + 56 = Jun 26, shown as an upper bound and called an interpretation.
      'US-HIPAA-164.404-INDIVIDUALS': { status: 'tolled', dueDate: '2026-06-26', basis: /interpretation/ },
      'US-CA-BREACH:individuals': { status: 'tolled', basis: /1798\.82\(c\)|law-enforcement delay/ },
    },
  },
  {
    name: 'FBI oral delay, no end (164.412(b): at most 30 days); Texas individual notice tolled, Texas AG not',
    facts: usFacts({
      affected: { total: 600, byJurisdiction: { 'US-TX': 600 } },
      lawEnforcementDelays: [{ form: 'oral', agency: 'FBI', official: 'SA Example', statedAt: '2026-03-10T10:00:00-05:00', until: null }],
    }),
    now: '2026-03-25T12:00:00Z',
    expect: {
      // Oral: Mar 10 + 30 = Apr 9; May 1 + 30 = May 31.
      'US-HIPAA-164.404-INDIVIDUALS': { status: 'tolled', dueDate: '2026-05-31', basis: /at most 30 days/ },
      // Tex. Bus. & Com. 521.053(d) delays "the notification required by Subsection (b)" (residents) only.
      'US-TX-BREACH:individuals': { status: 'tolled', basis: /521\.053\(d\)/ },
      'US-TX-BREACH:attorney_general': { status: 'pending', dueDate: '2026-04-01' },
    },
  },
  {
    name: '42 CFR Part 2 program, discovered on the compliance date 2026-02-16',
    facts: usFacts({ discoveredAt: '2026-02-16T09:00:00-05:00', organization: { ...ny, part2Program: true }, dataCategories: ['name', 'sud_treatment'], affected: { total: 700, byJurisdiction: { 'US-PA': 700 } } }),
    now: '2026-03-25T12:00:00Z',
    expect: {
      // 2.16(b) applies 164.404-.408: Feb 16 + 12 = Feb 28, + 31 = Mar 31 (43), + 17 = Apr 17 (EDT).
      'US-42CFR2-2.16-INDIVIDUALS': { status: 'pending', dueDate: '2026-04-17', dueAt: '2026-04-17T23:59:59.999-04:00' },
      'US-42CFR2-2.16-HHS': { status: 'pending', dueDate: '2026-04-17' },
      'US-42CFR2-2.16-MEDIA:US-PA': { status: 'pending', dueDate: '2026-04-17' },
    },
  },
  {
    name: '42 CFR Part 2 program, discovered the day before the compliance date',
    facts: usFacts({ discoveredAt: '2026-02-15T09:00:00-05:00', organization: { ...ny, part2Program: true }, dataCategories: ['name', 'sud_treatment'], affected: { total: 700, byJurisdiction: { 'US-PA': 700 } } }),
    now: '2026-03-25T12:00:00Z',
    expect: {
      'US-42CFR2-2.16-INDIVIDUALS': { status: 'not_applicable', basis: /2026-02-16/ },
      'US-HIPAA-164.404-INDIVIDUALS': { status: 'pending', dueDate: '2026-04-16' },
    },
  },
  {
    name: 'Hawaii, discovered 23:30 local (already the next day in UTC)',
    facts: usFacts({ discoveredAt: '2026-03-01T23:30:00-10:00', organization: { timezone: 'Pacific/Honolulu' }, affected: { total: 1500, byJurisdiction: { 'US-HI': 1500 } } }),
    now: '2026-03-05T12:00:00Z',
    expect: {
      // The day counted is the local Mar 1, not UTC Mar 2: Mar 1 + 30 = Mar 31, + 30 = Apr 30, end of day in Honolulu.
      'US-HIPAA-164.404-INDIVIDUALS': { status: 'pending', dueDate: '2026-04-30', dueAt: '2026-04-30T23:59:59.999-10:00' },
      // HRS 487N-2: HIPAA providers deemed for the resident notice; > 1,000: Office of Consumer Protection and CRAs.
      'US-HI-BREACH:individuals': { status: 'not_applicable' },
      'US-HI-BREACH:regulator': { status: 'pending', kind: 'none_fixed' },
    },
  },
  {
    name: 'DST start: discovered 01:30 CST on 2026-03-08, due in CDT',
    facts: usFacts({ discoveredAt: '2026-03-08T01:30:00-06:00' }),
    now: '2026-03-09T12:00:00Z',
    // Mar 8 + 23 = Mar 31, + 30 = Apr 30 (53), + 7 = May 7.
    expect: { 'US-HIPAA-164.404-INDIVIDUALS': { dueDate: '2026-05-07', dueAt: '2026-05-07T23:59:59.999-05:00' } },
  },
  {
    name: 'DST end: discovered in CDT on 2026-10-01, due in CST',
    facts: usFacts({ discoveredAt: '2026-10-01T10:00:00-05:00' }),
    now: '2026-10-02T12:00:00Z',
    // Oct 1 + 30 = Oct 31, + 30 = Nov 30 (after the 2026-11-01 change to CST).
    expect: { 'US-HIPAA-164.404-INDIVIDUALS': { dueDate: '2026-11-30', dueAt: '2026-11-30T23:59:59.999-06:00' } },
  },
  {
    name: 'time zone not given (bare UTC default): day-counted deadlines need facts',
    facts: usFacts({ discoveredAt: '2026-03-02T09:00:00Z', organization: { timezone: 'UTC' } }),
    now: '2026-03-05T12:00:00Z',
    expect: {
      'US-HIPAA-164.404-INDIVIDUALS': { status: 'needs_facts', basis: /time zone/ },
      'US-TX-BREACH:individuals': { status: 'needs_facts' },
    },
  },
];

describe('US legal scenarios: vendors, delays, Part 2, time', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    await checkScenario(s);
  });
});
