// All 54 US jurisdictions: each has a rule, and its notice to residents follows the statute's timing.
import { describe, expect, it } from 'vitest';
import { coverageRows } from '../../bot/deadlines/coverage.ts';
import { US_JURISDICTIONS } from '../../bot/deadlines/jurisdictions.ts';
import { compute, find, makeIncident, rules } from './helpers.ts';

// Discovery Monday 2026-03-02 09:00 CST, no determination recorded (so counted from discovery). By hand:
// +30 days: Mar 2 + 29 = Mar 31, + 1 = Apr 1. +45: Mar 31 + 16 = Apr 16. +60: Mar 31 + 30 = Apr 30, + 1 = May 1.
const DISCOVERED = '2026-03-02T09:00:00-06:00';
const NOW = '2026-03-03T12:00:00Z';
const D30 = '2026-04-01';
const D45 = '2026-04-16';
const D60 = '2026-05-01';

// An organization outside HIPAA (role controller), so every statute applies in full; name + SSN is covered everywhere.
const outsideHipaa = (code: string, residents = 1500) =>
  makeIncident({
    discoveredAt: DISCOVERED,
    organization: { role: 'controller' },
    affected: { total: residents, byJurisdiction: { [code]: residents } },
    dataCategories: ['name', 'ssn'],
  });

// Timing of the notice to residents, from the statute wording in the December 2026 table (null: no day count).
const INDIVIDUALS: Record<string, string | null> = {
  AL: D45, // "within 45 days" of the determination of a breach (Ala. Code 8-38-5)
  AK: null, // "most expeditious time possible and without unreasonable delay" (45.48.010)
  AZ: D45, // within 45 days after the determination (A.R.S. 18-552)
  AR: null, // "most expedient time and manner possible" (4-110-105)
  CA: D30, // SB 446: 30 calendar days after discovery, for breaches from 2026-01-01 (1798.82(a))
  CO: D30, // "not later than thirty days after the date of determination" (6-1-716)
  CT: D60, // "not later than sixty days after the discovery" (36a-701b(b))
  DE: D60, // "not later than 60 days after determination" (12B-102)
  DC: null, // "most expedient time possible and without unreasonable delay" (28-3852)
  FL: D30, // "no later than 30 days after the determination" (501.171(4))
  HI: null, ID: null, IL: null, IA: null, KS: null, KY: null,
  IN: D45, // "not more than forty-five (45) days after the discovery" (24-4.9-3-3)
  LA: D60, // "no later than sixty days from the discovery" (51:3074)
  ME: D30, // "not more than 30 days after becoming aware" (1348)
  MD: D45, // "not later than 45 days after the business discovers or is notified" (14-3504, HB 962)
  MA: null, MI: null, MN: null, MS: null, MO: null, MT: null, NE: null, NV: null, NH: null, NJ: null,
  NM: D45, // "not later than forty-five calendar days following discovery" (57-12C-6)
  NY: D30, // S2659B: "within thirty days after the breach has been discovered" (899-aa(2))
  NC: null, ND: null,
  OH: D45, // "not later than forty-five days following its discovery" (1349.19(B))
  OK: null,
  OR: D45, // "not later than 45 days after discovering or receiving notification" (646A.604(3))
  PA: null,
  RI: D45, // "not later than forty-five (45) calendar days after confirmation" (11-49.3-4)
  SC: null,
  SD: D60, // "not later than sixty days from the discovery" (22-40-20)
  TN: D45, // "no later than forty-five (45) days from the discovery" (47-18-2107(b))
  TX: D60, // "not later than the 60th day after the date on which the person determines" (521.053(b))
  UT: null,
  VT: D45, // "not later than 45 days after the discovery" (9 V.S.A. 2435(b)(1))
  VA: null,
  WA: D30, // "no more than thirty calendar days after the breach was discovered" (19.255.010(8))
  WV: null,
  WI: D45, // "within a reasonable time not to exceed 45 days" (134.98(3)(a))
  WY: null, PR: null, VI: null, GU: null,
};

describe('every one of the 54 US jurisdictions is encoded', () => {
  it('has one US-XX-BREACH rule per jurisdiction and no NOT COVERED row in coverage', () => {
    const codes = Object.keys(US_JURISDICTIONS);
    expect(codes).toHaveLength(54);
    for (const code of codes) expect(rules.rules.some((r) => r.id === `${code}-BREACH`)).toBe(true);
    const rows = coverageRows(rules).filter((r) => r.jurisdiction.startsWith('US-'));
    expect(rows.filter((r) => r.rules.length === 0)).toEqual([]);
    expect(rows.every((r) => r.checked === '2026-12-01')).toBe(true);
  });

  it.each(Object.entries(INDIVIDUALS))('US-%s: notice to residents', (code, due) => {
    const o = find(compute(outsideHipaa(`US-${code}`), NOW), `US-${code}-BREACH:individuals`);
    expect(o.citation.length).toBeGreaterThan(0);
    if (due === null) expect(o).toMatchObject({ kind: 'none_fixed', dueAt: null, status: 'pending' });
    else expect(o).toMatchObject({ kind: 'date', dueDate: due, status: 'pending' });
  });

  it('Georgia is listed, as not applicable to a typical organization, with the reason', () => {
    const o = find(compute(outsideHipaa('US-GA'), NOW), 'US-GA-BREACH:individuals');
    expect(o.status).toBe('not_applicable');
    expect(o.basis).toMatch(/information brokers and government data collectors/);
  });

  it('New Jersey: the State Police before customers; Utah: AG and Utah Cyber Center; Arizona: AG and AZ Homeland Security', () => {
    const nj = find(compute(outsideHipaa('US-NJ'), NOW), 'US-NJ-BREACH:state_police');
    expect(nj.recipient).toMatch(/Division of State Police/);
    expect(nj.caveats.join(' ')).toMatch(/BEFORE customers/);
    // N.J.S.A. 56:8-163(c)(1): "in advance of the disclosure to the customer". Customers not told yet: their own deadline
    // bounds it (no day count for NJ customers, so none here either); told on 2026-03-10 at 10:00 CDT: that moment.
    expect(nj).toMatchObject({ kind: 'none_fixed', dueAt: null });
    const told = makeIncident({ ...outsideHipaa('US-NJ'), notices: [{ obligation: 'US-NJ-BREACH:individuals', sentAt: '2026-03-10T10:00:00-05:00' }] });
    expect(find(compute(told, '2026-03-11T12:00:00Z'), 'US-NJ-BREACH:state_police')).toMatchObject({ kind: 'instant', dueDate: null, dueAt: '2026-03-10T10:00:00.000-05:00', status: 'overdue' });
    expect(find(compute(outsideHipaa('US-UT', 500), NOW), 'US-UT-BREACH:regulator').recipient).toBe('Utah Cyber Center');
    // AZ: AG and AZDOHS if more than 1,000 residents, 45 days after determination → Apr 16.
    const az = compute(outsideHipaa('US-AZ', 1001), NOW);
    expect(find(az, 'US-AZ-BREACH:regulator')).toMatchObject({ dueDate: D45, recipient: 'Director of the Arizona Department of Homeland Security' });
    expect(find(az, 'US-AZ-BREACH:attorney_general').dueDate).toBe(D45);
  });
});

describe('thresholds at the boundary (residents of that jurisdiction)', () => {
  it.each([
    // DC: AG if at least 50 DC residents (28-3852(b-1)).
    { id: 'US-DC-BREACH:attorney_general', code: 'US-DC', below: 49, at: 50 },
    // TX: CRAs if more than 10,000 (521.053(h)).
    { id: 'US-TX-BREACH:consumer_reporting_agencies', code: 'US-TX', below: 10000, at: 10001 },
    // NY: CRAs if more than 5,000 (899-aa(8)(b)).
    { id: 'US-NY-BREACH:consumer_reporting_agencies', code: 'US-NY', below: 5000, at: 5001 },
    // PA (Act 33): CRAs from 500.
    { id: 'US-PA-BREACH:consumer_reporting_agencies', code: 'US-PA', below: 499, at: 500 },
    // ND: AG if more than 250.
    { id: 'US-ND-BREACH:attorney_general', code: 'US-ND', below: 250, at: 251 },
    // MN: CRAs within 48 hours if more than 500 (325E.61 subd. 2).
    { id: 'US-MN-BREACH:consumer_reporting_agencies', code: 'US-MN', below: 500, at: 501 },
    // AL, MD: more than 1,000 / at least 1,000 to the CRAs.
    { id: 'US-AL-BREACH:consumer_reporting_agencies', code: 'US-AL', below: 1000, at: 1001 },
    { id: 'US-MD-BREACH:consumer_reporting_agencies', code: 'US-MD', below: 999, at: 1000 },
  ])('$id: $below → not applicable, $at → owed', ({ id, code, below, at }) => {
    expect(find(compute(outsideHipaa(code, below), NOW), id).status).toBe('not_applicable');
    expect(find(compute(outsideHipaa(code, at), NOW), id).status).not.toBe('not_applicable');
  });

  it('MN: the CRA notice is due 48 hours after discovering the circumstances (325E.61 subd. 2), whenever residents are notified', () => {
    const notices = [{ obligation: 'US-MN-BREACH:individuals', sentAt: '2026-03-10T10:00:00-05:00' }];
    const incident = { ...outsideHipaa('US-MN', 600), notices };
    // Discovery 2026-03-02 09:00 CST + 48 h = 2026-03-04 09:00 CST; the residents' notice of 2026-03-10 does not move it.
    expect(find(compute(incident, '2026-03-03T00:00:00Z'), 'US-MN-BREACH:consumer_reporting_agencies')).toMatchObject({ kind: 'instant', dueAt: '2026-03-04T09:00:00.000-06:00' });
  });
});

describe('mandated credit monitoring is an obligation with its duration', () => {
  it.each([
    // CT: 24 months for SSN (36a-701b(b)(2)(B)); offered with the notice to residents, due by day 60 → May 1.
    { code: 'US-CT', months: 24, data: ['name', 'ssn'], dueDate: D60 },
    // DC: 18 months for SSN or TIN; DC's notice to residents has no day count, so neither has the offer.
    { code: 'US-DC', months: 18, data: ['name', 'tax_id'], dueDate: null },
    // DE: 1 year for SSN, with the notice due 60 days after determination → May 1.
    { code: 'US-DE', months: 12, data: ['name', 'ssn'], dueDate: D60 },
    // PA (Act 33): 12 months for SSN, bank account or driver's licence.
    { code: 'US-PA', months: 12, data: ['name', 'drivers_license'], dueDate: null },
  ])('$code: $months months', ({ code, months, data, dueDate }) => {
    const incident = { ...outsideHipaa(code), dataCategories: data };
    const o = find(compute(incident, NOW), `${code}-BREACH:credit_monitoring`);
    expect(o).toMatchObject({ status: 'pending', dueDate });
    expect(o.basis).toContain(`offer ${months} months`);
  });

  it('not owed when no SSN was breached (CT, name + diagnosis), though the notice to residents is', () => {
    const incident = { ...outsideHipaa('US-CT'), dataCategories: ['name', 'diagnosis'] };
    const list = compute(incident, NOW);
    expect(find(list, 'US-CT-BREACH:credit_monitoring').status).toBe('not_applicable');
    expect(find(list, 'US-CT-BREACH:individuals').status).toBe('pending');
  });
});

describe('a HIPAA carve-out that rests on a notice the head count leaves not owed does not hold', () => {
  // OK 24 O.S. 163 (SB 626): exempt "if the Attorney General is notified", AG owed from 500 residents; Fla. Stat.
  // 501.171(4)(g): deemed compliant if a copy goes to the Department, owed from 500; ORS 646A.604: a covered entity is
  // exempt but sends the Attorney General a copy, owed above 250. Below those counts the residents' notice stays owed.
  const hospital = (code: string, residents: number) => makeIncident({ discoveredAt: DISCOVERED, affected: { total: residents, byJurisdiction: { [code]: residents } }, dataCategories: ['name', 'ssn', 'diagnosis'] });

  it.each([
    // OK: "without unreasonable delay", no day count.
    ['US-OK', 499, 500, { kind: 'none_fixed', dueDate: null }],
    // FL: 30 days after discovery (no determination recorded): Mar 2 + 30 = Apr 1.
    ['US-FL', 499, 500, { kind: 'date', dueDate: D30 }],
    // OR: 45 days after discovery: Mar 2 + 45 = Apr 16.
    ['US-OR', 250, 251, { kind: 'date', dueDate: D45 }],
  ])('%s: %i residents → the residents are owed, with why; %i → deemed', (code, below, at, expected) => {
    const owed = find(compute(hospital(code, below), NOW), `${code}-BREACH:individuals`);
    expect(owed).toMatchObject({ status: 'pending', ...expected });
    expect(owed.basis).toMatch(new RegExp(`the HIPAA carve-out \\(.+\\) holds only with the ${code}-BREACH:attorney_general notice, which is not owed here`));
    expect(find(compute(hospital(code, at), NOW), `${code}-BREACH:individuals`).status).toBe('not_applicable');
  });
});

describe('verification levels follow the December 2026 review’s sources', () => {
  // Its rule: "verified_secondary" needs a secondary source (S: law-firm chart, regulator page) or the primary text
  // (P); the Foley-derived dataset (F) alone, or with the reviewer's recollection (M), is one secondary source at most:
  // unverified (regulations.md, verification levels). These five rows cite F or F,M only.
  it.each(['US-IL', 'US-MA', 'US-MN', 'US-TN', 'US-WI'])('%s: unverified, and its notice to residents says so', (code) => {
    expect(rules.rules.find((r) => r.jurisdiction === code)!.verification).toBe('unverified');
    expect(find(compute(outsideHipaa(code), NOW), `${code}-BREACH:individuals`).verification).toBe('unverified');
  });
});

describe('New York: not notifying after a no-misuse determination is the organization’s call, said beside the notice', () => {
  // N.Y. Gen. Bus. Law 899-aa(2)(a): an inadvertent disclosure by authorized people, misuse reasonably found unlikely:
  // no notice, but the written determination goes to the Attorney General within 10 days when over 500 residents.
  it('the residents’ notice stays owed (30 days: Mar 2 + 30 = Apr 1) and names the 10-day written determination', () => {
    const o = find(compute(outsideHipaa('US-NY', 600), NOW), 'US-NY-BREACH:individuals');
    expect(o).toMatchObject({ status: 'pending', dueDate: D30 });
    expect(o.caveats.join(' ')).toMatch(/more than 500 New York residents it goes to the Attorney General within 10 days/);
  });
});
