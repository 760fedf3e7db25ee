// A second privacy officer's scenarios, driven as a user does (import, then deadlines --json), every date derived by
// hand from the rule text in regulations.md and regulations-update-2026-12.md.
import { describe, it } from 'vitest';
import { checkScenario, usFacts, type Scenario } from './run-scenario.ts';

const sec = (determinedAt: string) => usFacts({
  materialityDeterminedAt: determinedAt,
  organization: { timezone: 'America/New_York', secRegistrant: true },
});
const french = (awareAt: string) => ({
  title: 'CHU', discoveredAt: awareAt, phiInvolved: null, dataEncrypted: false, gdprRisk: 'high',
  dataCategories: ['name', 'diagnosis'], affected: { total: 1000, byJurisdiction: { FR: 1000 } },
  organization: { name: 'CHU', role: 'controller', country: 'FR', timezone: 'Europe/Paris', frHealthEstablishment: true, frOse: false, nis2Entity: false },
});

const scenarios: Scenario[] = [
  {
    // Form 8-K Item 1.05, 4 business days (GI B.1; 5 U.S.C. 6103): determination Wed 2026-11-25; Thu 11-26 Thanksgiving
    // skipped; Fri 11-27 (1; the day after Thanksgiving is not a federal holiday), Mon 11-30 (2), Tue 12-01 (3), Wed 12-02 (4).
    name: 'SEC 8-K across Thanksgiving', facts: sec('2026-11-25T16:00:00-05:00'), now: '2026-11-26T12:00:00Z',
    expect: { 'US-SEC-8K-1.05': { status: 'due_soon', dueDate: '2026-12-02', verification: 'verified_secondary' } },
  },
  {
    // Determination on Saturday 2026-07-04 (Independence Day, observed Fri 07-03): GI B.1, the count "shall begin to run
    // on, and include, the first business day thereafter": Mon 07-06 (1), Tue (2), Wed (3), Thu 2026-07-09 (4).
    name: 'SEC 8-K determined on a Saturday holiday', facts: sec('2026-07-04T10:00:00-04:00'), now: '2026-07-04T15:00:00Z',
    expect: { 'US-SEC-8K-1.05': { dueDate: '2026-07-09', basis: /GI B\.1/ } },
  },
  {
    // GDPR Art. 33(1), 72 continuous hours: aware 2026-10-23 10:00 CEST (08:00Z) → 2026-10-26 08:00Z = 09:00 CET (summer
    // time ends 2026-10-25). CSP L.1111-8-2 "sans délai": the same day, 2026-10-23 23:59:59.999 CEST.
    name: 'CNIL 72 h across the end of summer time; ARS/ANS the same day', facts: french('2026-10-23T10:00:00+02:00'), now: '2026-10-23T09:00:00Z',
    expect: {
      'FR-CNIL-GDPR-33': { kind: 'instant', dueAt: '2026-10-26T09:00:00.000+01:00', verification: 'verified_primary_text' },
      'FR-CSP-L1111-8-2-SSI': { kind: 'immediate', dueAt: '2026-10-23T23:59:59.999+02:00' },
    },
  },
  {
    // Aware 2026-03-27 10:00 CET (09:00Z) → 2026-03-30 09:00Z = 11:00 CEST (summer time from 2026-03-29).
    name: 'CNIL 72 h across the start of summer time', facts: french('2026-03-27T10:00:00+01:00'), now: '2026-03-27T10:00:00Z',
    expect: { 'FR-CNIL-GDPR-33': { dueAt: '2026-03-30T11:00:00.000+02:00' } },
  },
  {
    // 164.408(c): fewer than 500, 60 days after the end of 2027: Jan 31 (31) + Feb 29 (2028 is a leap year: 60) = 2028-02-29.
    name: 'HHS annual log in a leap year',
    facts: usFacts({ discoveredAt: '2027-05-01T10:00:00-05:00' }), now: '2027-05-02T12:00:00Z',
    expect: { 'US-HIPAA-164.408-HHS-LT500': { status: 'pending', dueDate: '2028-02-29' } },
    absent: [],
  },
  {
    // Exactly 500 in total (300 TX + 200 OK): 164.408(b) "500 or more" → HHS with the individual notice, 2026-03-02 + 60
    // = 2026-05-01; 164.406 "more than 500 residents of a State": no State has more → no media notice.
    name: 'HIPAA 500: HHS yes, media no',
    facts: usFacts({ affected: { total: 500, byJurisdiction: { 'US-TX': 300, 'US-OK': 200 } } }), now: '2026-03-03T12:00:00Z',
    expect: {
      'US-HIPAA-164.408-HHS-500PLUS': { status: 'pending', dueDate: '2026-05-01' },
      'US-HIPAA-164.408-HHS-LT500': { status: 'not_applicable' },
      'US-HIPAA-164.406-MEDIA:US-TX': { status: 'not_applicable' },
      'US-HIPAA-164.406-MEDIA:US-OK': { status: 'not_applicable' },
    },
  },
  {
    // Business associate, discovery 2026-06-15 (Los Angeles): 164.410 60 days: Jun 15 + 15 = Jun 30, + 31 = Jul 31 (46),
    // + 14 = 2026-08-14. Maintainer → owner: FL 501.171(6) and MD 14-3504(c) 10 days → 2026-06-25; CA 1798.82(b),
    // WA 19.255.010(2), TX 521.053(c) immediately → same day. No resident notice of its own.
    name: 'business associate: 60 days to the covered entity, shorter State clocks to the owner',
    facts: usFacts({
      discoveredAt: '2026-06-15T09:00:00-07:00', dataCategories: ['name', 'ssn', 'diagnosis'],
      affected: { total: 210, byJurisdiction: { 'US-CA': 100, 'US-WA': 50, 'US-FL': 30, 'US-MD': 20, 'US-TX': 10 } },
      organization: { role: 'business_associate', timezone: 'America/Los_Angeles' },
    }),
    now: '2026-06-15T17:00:00Z',
    expect: {
      'US-HIPAA-164.410-BA-TO-CE': { dueDate: '2026-08-14', verification: 'verified_primary_text' },
      'US-FL-BREACH:owner': { dueDate: '2026-06-25' },
      'US-MD-BREACH:owner': { dueDate: '2026-06-25', verification: 'unverified' },
      'US-CA-BREACH:owner': { kind: 'immediate', dueAt: '2026-06-15T23:59:59.999-07:00' },
      'US-WA-BREACH:owner': { kind: 'immediate' },
      'US-TX-BREACH:owner': { kind: 'immediate' },
    },
    absent: ['US-HIPAA-164.404-INDIVIDUALS', 'US-TX-BREACH:individuals', 'US-CA-BREACH:individuals'],
  },
  {
    // Washington, HIPAA covered entity with PHI, 600 WA residents: RCW 19.255.030(1) deems the HITECH notice compliant for
    // residents; the AG notice follows the HITECH (60-day) timeline: 2026-04-10 + 60 = Apr 30 (20), May 31 (51), Jun 9.
    name: 'Washington AG on the HITECH timeline',
    facts: usFacts({ discoveredAt: '2026-04-10T10:00:00-05:00', affected: { total: 600, byJurisdiction: { 'US-WA': 600 } } }), now: '2026-04-11T12:00:00Z',
    expect: {
      'US-WA-BREACH:attorney_general': { dueDate: '2026-06-09', basis: /RCW 19\.255\.030\(1\)/ },
      'US-WA-BREACH:individuals': { status: 'not_applicable' },
    },
  },
  {
    // Vermont 9 V.S.A. 2435: AG preliminary notice within 14 business days of discovery (Vermont holidays): discovery
    // Mon 2026-08-31; Sep 1-4 (4), Mon 09-07 Labor Day skipped, Sep 8-11 (8), 14-18 (13), Mon 2026-09-21 (14).
    // Residents 45 days: Aug 31 + 30 = Sep 30, + 15 = 2026-10-15.
    name: 'Vermont 14 business days across Labor Day',
    facts: usFacts({ discoveredAt: '2026-08-31T10:00:00-05:00', affected: { total: 10, byJurisdiction: { 'US-VT': 10 } } }), now: '2026-09-01T12:00:00Z',
    expect: {
      'US-VT-BREACH:attorney_general': { dueDate: '2026-09-21', basis: /Labor Day/ },
      'US-VT-BREACH:individuals': { dueDate: '2026-10-15' },
    },
  },
  {
    // Puerto Rico 10 L.P.R.A. 4051 ff.: DACO within 10 days of detection: 2026-04-10 + 10 = 2026-04-20 (unverified).
    name: 'Puerto Rico DACO 10 days',
    facts: usFacts({ discoveredAt: '2026-04-10T10:00:00-05:00', affected: { total: 20, byJurisdiction: { 'US-PR': 20 } } }), now: '2026-04-11T12:00:00Z',
    expect: { 'US-PR-BREACH:attorney_general': { dueDate: '2026-04-20', verification: 'unverified' } },
  },
  {
    // Cal. H&S 1280.15, 15 business days after detection on Wed 2026-03-25 (California holidays): Mar 26, 27 (2), 30 (3),
    // Tue 03-31 Cesar Chavez Day skipped, Apr 1-3 (6), 6-10 (11), 13-16 (15) → 2026-04-16. Civ. 1798.82 (SB 446):
    // residents within 30 days of discovery: Mar 25 + 6 = Mar 31, + 24 = 2026-04-24.
    name: 'California licensed clinic across Cesar Chavez Day',
    facts: usFacts({
      discoveredAt: '2026-03-25T09:00:00-07:00', dataCategories: ['name', 'diagnosis'],
      affected: { total: 10, byJurisdiction: { 'US-CA': 10 } },
      organization: { timezone: 'America/Los_Angeles', caHealthFacility: true },
    }),
    now: '2026-03-26T12:00:00Z',
    expect: {
      'US-CA-BREACH:hs1280.15_cdph': { dueDate: '2026-04-16', basis: /César Chávez Day/ },
      'US-CA-BREACH:hs1280.15_patients': { dueDate: '2026-04-16' },
      'US-CA-BREACH:individuals': { dueDate: '2026-04-24' },
    },
  },
  {
    // Texas 521.053 (SB 768): AG within 30 days of the determination (2026-04-12) when 250 or more → 2026-05-12;
    // residents by the 60th day → Apr 12 + 18 = Apr 30, + 31 = May 31 (49), + 11 = 2026-06-11. Exactly 250: "250 or more".
    name: 'Texas from the determination, 250 residents',
    facts: usFacts({
      discoveredAt: '2026-04-10T10:00:00-05:00', breachDeterminedAt: '2026-04-12T10:00:00-05:00',
      affected: { total: 250, byJurisdiction: { 'US-TX': 250 } },
    }),
    now: '2026-04-13T12:00:00Z',
    expect: {
      'US-TX-BREACH:attorney_general': { dueDate: '2026-05-12', verification: 'verified_primary_text' },
      'US-TX-BREACH:individuals': { dueDate: '2026-06-11' },
    },
  },
  {
    // Encrypted laptop, key status not recorded: HIPAA (HHS guidance under 164.402) and the Texas safe harbor
    // (521.002(a)(2)) hold only if the key was not taken: needs facts with the running dates (2026-05-04 + 60 = 2026-07-03;
    // Texas AG + 30 = 2026-06-03).
    name: 'encryption safe harbor, key unknown',
    facts: usFacts({ discoveredAt: '2026-05-04T10:00:00-05:00', dataEncrypted: true, keyCompromised: null, affected: { total: 800, byJurisdiction: { 'US-TX': 800 } } }),
    now: '2026-05-05T12:00:00Z',
    expect: {
      'US-HIPAA-164.404-INDIVIDUALS': { status: 'needs_facts', dueDate: '2026-07-03' },
      'US-TX-BREACH:attorney_general': { status: 'needs_facts', dueDate: '2026-06-03' },
    },
  },
  {
    // Encrypted laptop, key not taken: secured PHI (164.402) and Texas safe harbor: not applicable, with reasons.
    name: 'encryption safe harbor, key safe',
    facts: usFacts({ discoveredAt: '2026-05-04T10:00:00-05:00', dataEncrypted: true, keyCompromised: false, affected: { total: 800, byJurisdiction: { 'US-TX': 800 } } }),
    now: '2026-05-05T12:00:00Z',
    expect: {
      'US-HIPAA-164.404-INDIVIDUALS': { status: 'not_applicable', basis: /secured PHI/ },
      'US-TX-BREACH:individuals': { status: 'not_applicable', basis: /encrypted and the key was not taken/ },
    },
  },
  {
    // Oklahoma SB 626 applies to breaches discovered on or after 2026-01-01: discovered 2025-12-20, no AG notice, no
    // HIPAA exemption (the earlier law).
    name: 'Oklahoma before SB 626',
    facts: usFacts({ discoveredAt: '2025-12-20T10:00:00-06:00', affected: { total: 600, byJurisdiction: { 'US-OK': 600 } } }), now: '2025-12-21T12:00:00Z',
    expect: { 'US-OK-BREACH:individuals': { status: 'pending', kind: 'none_fixed', basis: /before SB 626/ } },
    absent: ['US-OK-BREACH:attorney_general'],
  },
  {
    // Oklahoma after SB 626, covered entity, 600 residents: AG within 60 days after notifying residents (upper bound from
    // the HIPAA deadline 2026-04-10 + 60 = 2026-06-09, + 60 = Jun 30 (21), Jul 31 (52), 2026-08-08); resident notice
    // exempt by HIPAA compliance when the AG is notified.
    name: 'Oklahoma after SB 626',
    facts: usFacts({ discoveredAt: '2026-04-10T10:00:00-05:00', affected: { total: 600, byJurisdiction: { 'US-OK': 600 } } }), now: '2026-04-11T12:00:00Z',
    expect: {
      'US-OK-BREACH:attorney_general': { dueDate: '2026-08-08' },
      'US-OK-BREACH:individuals': { status: 'not_applicable' },
    },
  },
  {
    // Indiana's personal information excludes medical data (update table, IN row): name + diagnosis owes nothing there;
    // the HIPAA notices stand.
    name: 'Indiana: name + diagnosis is not personal information',
    facts: usFacts({ dataCategories: ['name', 'diagnosis'], affected: { total: 100, byJurisdiction: { 'US-IN': 100 } } }), now: '2026-03-03T12:00:00Z',
    expect: {
      'US-IN-BREACH:individuals': { status: 'not_applicable' },
      'US-HIPAA-164.404-INDIVIDUALS': { status: 'pending', dueDate: '2026-05-01' },
    },
  },
  {
    // D.C. Code 28-3852 (2020): AG when 50 or more DC residents, no later than the residents; 18 months of identity-theft
    // protection for SSN. Upper bound: the HIPAA deadline 2026-05-01.
    name: 'District of Columbia: 50 residents, SSN',
    facts: usFacts({ affected: { total: 50, byJurisdiction: { 'US-DC': 50 } } }), now: '2026-03-03T12:00:00Z',
    expect: {
      'US-DC-BREACH:attorney_general': { status: 'pending', dueDate: '2026-05-01' },
      'US-DC-BREACH:credit_monitoring': { basis: /18 months/ },
    },
  },
];

describe('privacy officer scenarios, second set', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    await checkScenario(s);
  });
});
