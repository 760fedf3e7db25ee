// State law-enforcement delays on the state's own terms, and dated rule versions on both sides of their effective date.
import { describe, expect, it } from 'vitest';
import { compute, find, ids, makeIncident } from './helpers.ts';

const outside = (code: string, discoveredAt: string, patch: Parameters<typeof makeIncident>[0] = {}, residents = 600) =>
  makeIncident({
    discoveredAt,
    organization: { role: 'controller' },
    affected: { total: residents, byJurisdiction: { [code]: residents } },
    dataCategories: ['name', 'ssn'],
    ...patch,
  });

describe('a recorded law-enforcement delay applies to state clocks whose statute allows it', () => {
  // TX: discovery 2026-03-02; individuals 60 days → 2026-05-01 (Mar 2 + 29 = Mar 31, + 30 = Apr 30, + 1).
  const delayed = (until: string | null) =>
    outside('US-TX', '2026-03-02T09:00:00-06:00', {
      lawEnforcementDelays: [{ form: 'oral', agency: 'FBI', official: 'SA Doe', statedAt: '2026-03-10T10:00:00-05:00', until }],
    });

  it('no end recorded: tolled for as long as law enforcement says, under Tex. 521.053(d), with the original deadline shown', () => {
    const o = find(compute(delayed(null), '2026-03-11T12:00:00Z'), 'US-TX-BREACH:individuals');
    expect(o).toMatchObject({ status: 'tolled', tolledUntil: null, dueDate: '2026-05-01' });
    expect(o.basis).toMatch(/Tex\. Bus\. & Com\. Code 521\.053\(d\)/);
    expect(o.basis).toMatch(/for as long as law enforcement says it would impede/);
  });

  it('an end recorded: upper bound = original deadline + days of delay (no 30-day oral cap, unlike 164.412)', () => {
    // Delay 2026-03-10 → 2026-05-15: Mar 10 → 31 = 21 days, + 30 (April) = 51, + 15 = 66 days.
    // 2026-05-01 + 66: May 1 + 30 = May 31, + 30 = Jun 30, + 6 = 2026-07-06.
    const o = find(compute(delayed('2026-05-15T17:00:00-05:00'), '2026-03-11T12:00:00Z'), 'US-TX-BREACH:individuals');
    expect(o).toMatchObject({ status: 'tolled', dueDate: '2026-07-06', tolledUntil: '2026-05-15T17:00:00.000-05:00' });
  });

  it('the AG clock, which the clause does not name, keeps running; a territory without a known clause (VI) is not delayed', () => {
    // TX AG: 30 days after determination (from discovery) → 2026-04-01.
    expect(find(compute(delayed(null), '2026-03-11T12:00:00Z'), 'US-TX-BREACH:attorney_general')).toMatchObject({ status: 'pending', dueDate: '2026-04-01' });
    const vi = outside('US-VI', '2026-03-02T09:00:00-06:00', { lawEnforcementDelays: [{ form: 'oral', agency: 'FBI', official: 'SA Doe', statedAt: '2026-03-10T10:00:00-05:00', until: null }] });
    expect(find(compute(vi, '2026-03-11T12:00:00Z'), 'US-VI-BREACH:individuals').status).toBe('pending');
  });
});

describe('dated rule versions: the version in force on the discovery date applies, and basis says which', () => {
  it('CA SB 446: 30 calendar days from 2026-01-01; before, no day count', () => {
    const before = find(compute(outside('US-CA', '2025-12-31T12:00:00-06:00'), '2026-01-02T12:00:00Z'), 'US-CA-BREACH:individuals');
    expect(before).toMatchObject({ kind: 'none_fixed', dueAt: null });
    expect(before.basis).toMatch(/before SB 446/);
    // 2026-01-01 + 30 = 2026-01-31.
    const after = find(compute(outside('US-CA', '2026-01-01T12:00:00-06:00'), '2026-01-02T12:00:00Z'), 'US-CA-BREACH:individuals');
    expect(after).toMatchObject({ kind: 'date', dueDate: '2026-01-31' });
    expect(after.basis).toMatch(/SB 446: 30 calendar days/);
  });

  it('OK SB 626: AG notice within 60 days after residents, only for breaches discovered from 2026-01-01', () => {
    expect(ids(compute(outside('US-OK', '2025-12-31T12:00:00-06:00'), '2026-01-02T12:00:00Z'))).not.toContain('US-OK-BREACH:attorney_general');
    // Residents told 2026-01-20: + 60 = Jan 20 + 11 = Jan 31, + 28 = Feb 28, + 21 = 2026-03-21.
    const notices = [{ obligation: 'US-OK-BREACH:individuals', sentAt: '2026-01-20T10:00:00-06:00' }];
    const o = find(compute(outside('US-OK', '2026-01-01T12:00:00-06:00', { notices }), '2026-01-21T12:00:00Z'), 'US-OK-BREACH:attorney_general');
    expect(o).toMatchObject({ dueDate: '2026-03-21', status: 'pending' });
  });

  it('OK SB 626: a HIPAA covered entity is exempt from the notice to residents only after 2026-01-01', () => {
    const hospital = (discoveredAt: string) => makeIncident({ discoveredAt, affected: { total: 600, byJurisdiction: { 'US-OK': 600 } } });
    expect(find(compute(hospital('2025-12-31T12:00:00-06:00'), '2026-01-02T12:00:00Z'), 'US-OK-BREACH:individuals').status).toBe('pending');
    expect(find(compute(hospital('2026-01-02T12:00:00-06:00'), '2026-01-03T12:00:00Z'), 'US-OK-BREACH:individuals').status).toBe('not_applicable');
  });

  it('a version before an amendment cites the statute as it stood, not as amended (OK SB 626, PA Act 33)', () => {
    const ok = (discoveredAt: string) => find(compute(outside('US-OK', discoveredAt), '2026-01-15T12:00:00Z'), 'US-OK-BREACH:individuals').citation;
    expect(ok('2025-12-20T09:00:00-06:00')).toBe('24 O.S. 161-166 (before SB 626)');
    expect(ok('2026-01-02T09:00:00-06:00')).toBe('24 O.S. 161-166 (as amended by SB 626)');
    const pa = (discoveredAt: string) => find(compute(outside('US-PA', discoveredAt), '2024-09-27T12:00:00Z'), 'US-PA-BREACH:individuals').citation;
    expect(pa('2024-09-25T12:00:00-05:00')).toBe('73 P.S. 2301-2330 (before Act 33 of 2024)');
    expect(pa('2024-09-26T12:00:00-05:00')).toBe('73 P.S. 2301-2330 (Act 33 of 2024)');
  });

  it('NY S2659B: 30 days from 2024-12-21; before, no day count', () => {
    expect(find(compute(outside('US-NY', '2024-12-20T12:00:00-06:00'), '2024-12-22T12:00:00Z'), 'US-NY-BREACH:individuals')).toMatchObject({ kind: 'none_fixed' });
    // 2024-12-21 + 30: Dec 21 + 10 = Dec 31, + 20 = 2025-01-20.
    expect(find(compute(outside('US-NY', '2024-12-21T12:00:00-06:00'), '2024-12-22T12:00:00Z'), 'US-NY-BREACH:individuals')).toMatchObject({ dueDate: '2025-01-20' });
  });

  it('PA Act 33 (2024-09-26): AG notice and CRAs from 500; before, no AG and CRAs above 1,000', () => {
    const before = compute(outside('US-PA', '2024-09-25T12:00:00-05:00'), '2024-09-27T12:00:00Z');
    expect(ids(before)).not.toContain('US-PA-BREACH:attorney_general');
    expect(find(before, 'US-PA-BREACH:consumer_reporting_agencies').status).toBe('not_applicable');
    const after = compute(outside('US-PA', '2024-09-26T12:00:00-05:00'), '2024-09-27T12:00:00Z');
    expect(find(after, 'US-PA-BREACH:attorney_general').status).toBe('pending');
    expect(find(after, 'US-PA-BREACH:consumer_reporting_agencies').status).toBe('pending');
    expect(find(after, 'US-PA-BREACH:individuals').basis).toMatch(/version in force on discovery \(2024-09-26\): Act 33/);
  });
});
