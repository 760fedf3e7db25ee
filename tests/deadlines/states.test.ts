// US state rules: thresholds, determination vs discovery, business-day AG clocks with state holidays, relative clocks.
import { describe, expect, it } from 'vitest';
import { compute, find, ids, makeIncident } from './helpers.ts';

const NOW = '2025-02-21T00:00:00Z';
const withResidents = (byJurisdiction: Record<string, number>, patch = {}) =>
  makeIncident({ affected: { total: Object.values(byJurisdiction).reduce((a, b) => a + b, 0), byJurisdiction }, ...patch });

describe('AG thresholds (discovery 2025-02-20, no determination recorded → counted from discovery)', () => {
  it.each([
    // TX: ≥ 250 residents. AG 30 days after determination: Feb 20 + 8 = Feb 28, + 22 = Mar 22.
    { state: 'US-TX', residents: 249, status: 'not_applicable', dueDate: null },
    { state: 'US-TX', residents: 250, status: 'pending', dueDate: '2025-03-22' },
    // WA: > 500 residents, 30 days after discovery → Mar 22, for an organization outside HIPAA (a covered entity with PHI
    // is on the HITECH 60-day timeline, RCW 19.255.030(1): tests/deadlines/us-hipaa-treatment.test.ts).
    { state: 'US-WA', residents: 500, status: 'not_applicable', dueDate: null, role: 'controller' as const },
    { state: 'US-WA', residents: 501, status: 'pending', dueDate: '2025-03-22', role: 'controller' as const },
    // CO: ≥ 500 residents, 30 days after determination → Mar 22.
    { state: 'US-CO', residents: 499, status: 'not_applicable', dueDate: null },
    { state: 'US-CO', residents: 500, status: 'pending', dueDate: '2025-03-22' },
  ])('$state with $residents residents → AG $status', ({ state, residents, status, dueDate, ...rest }) => {
    const role = 'role' in rest ? rest.role : undefined;
    const list = compute(withResidents({ [state]: residents }, role ? { organization: { role } } : {}), NOW);
    const rule = `${state}-BREACH`;
    expect(find(list, `${rule}:attorney_general`)).toMatchObject({ status, dueDate, jurisdiction: state });
    expect(find(list, `${rule}:individuals`).status).toBe('pending');
  });

  it('TX counts from the recorded determination when there is one', () => {
    // Determination 2025-03-05: AG + 30 = Mar 5 + 26 = Mar 31, + 4 = Apr 4; individuals + 60 = Apr 4 + 30 = May 4.
    const list = compute(withResidents({ 'US-TX': 300 }, { breachDeterminedAt: '2025-03-05T12:00:00-06:00' }), '2025-03-06T00:00:00Z');
    expect(find(list, 'US-TX-BREACH:attorney_general')).toMatchObject({ dueDate: '2025-04-04', trigger: { event: 'breach determination', at: '2025-03-05T12:00:00-06:00' } });
    expect(find(list, 'US-TX-BREACH:individuals').dueDate).toBe('2025-05-04');
  });

  it('no state rows for a State with no affected residents', () => {
    expect(ids(compute(withResidents({ 'US-IN': 10, 'US-TX': 0 }), NOW)).filter((id) => id.startsWith('US-TX'))).toEqual([]);
  });
});

describe('business-day AG clocks use that State\'s holidays', () => {
  it('VT: 14 business days after discovery, skipping Town Meeting Day', () => {
    // From Thu 2025-02-20: Fri 21 (1), Mon 24 (2), Tue 25 (3), Wed 26 (4), Thu 27 (5), Fri 28 (6), Mon Mar 3 (7),
    // Tue Mar 4 = Town Meeting Day (VT holiday) skipped, Wed 5 (8), Thu 6 (9), Fri 7 (10), Mon 10 (11), Tue 11 (12),
    // Wed 12 (13), Thu 13 (14) → 2025-03-13.
    const o = find(compute(withResidents({ 'US-VT': 30 }), NOW), 'US-VT-BREACH:attorney_general');
    expect(o).toMatchObject({ dueDate: '2025-03-13', verification: 'verified_secondary' });
    expect(o.basis).toMatch(/Town Meeting Day/);
  });

  it('VT: or earlier, when consumers are notified first', () => {
    const notices = [{ obligation: 'US-VT-BREACH:individuals', sentAt: '2025-03-05T10:00:00-06:00' }];
    expect(find(compute(withResidents({ 'US-VT': 30 }, { notices }), '2025-03-06T00:00:00Z'), 'US-VT-BREACH:attorney_general').dueDate).toBe('2025-03-05');
  });

  // Iowa exempts HIPAA-compliant entities since 2019 (Iowa Code 715C.2 as amended): the clock is for an organization outside HIPAA.
  it('IA: 5 business days after the consumer notice; none_fixed until that notice is recorded', () => {
    const org = { organization: { role: 'controller' as const } };
    const before = find(compute(withResidents({ 'US-IA': 600 }, org), NOW), 'US-IA-BREACH:attorney_general');
    expect(before).toMatchObject({ kind: 'none_fixed', dueAt: null, status: 'pending' });
    // Notice Thu 2025-07-03; Fri 07-04 Independence Day skipped; Mon 7 (1), Tue 8 (2), Wed 9 (3), Thu 10 (4), Fri 11 (5).
    const notices = [{ obligation: 'US-IA-BREACH:individuals', sentAt: '2025-07-03T10:00:00-05:00' }];
    expect(find(compute(withResidents({ 'US-IA': 600 }, { notices, ...org }), '2025-07-04T00:00:00Z'), 'US-IA-BREACH:attorney_general').dueDate).toBe('2025-07-11');
  });

  it('CA H&S 1280.15: 15 business days to CDPH and the patient, skipping César Chávez Day', () => {
    // From Thu 2025-03-20: Fri 21 (1), Mon 24..Fri 28 (2-6), Mon 31 César Chávez Day (CA) skipped, Tue Apr 1..Fri 4 (7-10),
    // Mon 7..Fri 11 (11-15) → 2025-04-11. Los Angeles is on PDT (-07:00).
    // The 1280.15 lines are listed when California residents are affected (the affected patients here live in California).
    const incident = makeIncident({ discoveredAt: '2025-03-20T09:00:00-07:00', affected: { total: 40, byJurisdiction: { 'US-CA': 40 } }, organization: { caHealthFacility: true, timezone: 'America/Los_Angeles' } });
    const list = compute(incident, '2025-03-21T00:00:00Z');
    for (const id of ['US-CA-BREACH:hs1280.15_cdph', 'US-CA-BREACH:hs1280.15_patients']) {
      expect(find(list, id)).toMatchObject({ dueDate: '2025-04-11', dueAt: '2025-04-11T23:59:59.999-07:00', citation: 'Cal. Health & Safety Code 1280.15' });
    }
  });
});

describe('relative AG clocks', () => {
  it('CA AG: 15 days after the consumer notice (30-day consumer clock from 2026-01-01)', () => {
    const base = { discoveredAt: '2026-01-10T10:00:00-06:00' };
    // Individuals: Jan 10 + 30 = Feb 9. AG before the consumer notice: upper bound Feb 9 + 15 = Feb 24.
    const list = compute(withResidents({ 'US-CA': 501 }, base), '2026-01-11T00:00:00Z');
    expect(find(list, 'US-CA-BREACH:individuals').dueDate).toBe('2026-02-09');
    expect(find(list, 'US-CA-BREACH:attorney_general')).toMatchObject({ dueDate: '2026-02-24', status: 'pending' });
    expect(find(list, 'US-CA-BREACH:attorney_general').basis).toMatch(/upper bound/);
    // Consumer notice sent Feb 2: + 15 = Feb 17.
    const sent = withResidents({ 'US-CA': 501 }, { ...base, notices: [{ obligation: 'US-CA-BREACH:individuals', sentAt: '2026-02-02T10:00:00-06:00' }] });
    expect(find(compute(sent, '2026-02-03T00:00:00Z'), 'US-CA-BREACH:attorney_general').dueDate).toBe('2026-02-17');
  });

  it('CA before SB 446 (discovery in 2025): no day count for consumers, AG waits for their notice', () => {
    const list = compute(withResidents({ 'US-CA': 501 }), NOW);
    expect(find(list, 'US-CA-BREACH:individuals')).toMatchObject({ kind: 'none_fixed', dueAt: null });
    expect(find(list, 'US-CA-BREACH:attorney_general')).toMatchObject({ kind: 'none_fixed', dueAt: null, status: 'pending' });
  });

  it('DE AG (> 500): no later than the resident notice', () => {
    // Individuals: determination (= discovery) Feb 20 + 60 = Apr 21; AG bounded by it; once residents are told on Mar 15, that day.
    expect(find(compute(withResidents({ 'US-DE': 600 }), NOW), 'US-DE-BREACH:attorney_general').dueDate).toBe('2025-04-21');
    const notices = [{ obligation: 'US-DE-BREACH:individuals', sentAt: '2025-03-15T10:00:00-05:00' }];
    expect(find(compute(withResidents({ 'US-DE': 600 }, { notices }), '2025-03-16T12:00:00Z'), 'US-DE-BREACH:attorney_general')).toMatchObject({
      dueDate: '2025-03-15', status: 'overdue',
    });
  });

  it('NY: HIPAA covered entity sends the AG a copy of the HHS notice within 5 business days', () => {
    // HHS notice Tue 2025-04-01: Wed 2 (1), Thu 3 (2), Fri 4 (3), Mon 7 (4), Tue 8 (5) → 2025-04-08.
    const notices = [{ obligation: 'US-HIPAA-164.408-HHS-500PLUS', sentAt: '2025-04-01T10:00:00-05:00' }];
    const o = find(compute(withResidents({ 'US-NY': 800 }, { notices }), '2025-04-02T00:00:00Z'), 'US-NY-BREACH:hhs_copy');
    expect(o).toMatchObject({ dueDate: '2025-04-08', verification: 'verified_primary_text' });
  });
});

describe('business associates', () => {
  it('owe the data owner under state law (TX: immediately), not residents or the AG', () => {
    const list = compute(withResidents({ 'US-TX': 300 }, { organization: { role: 'business_associate' } }), '2025-02-20T18:00:00Z');
    // Discovered 2025-02-20 09:00 CST → end of that day, 23:59:59.999-06:00.
    expect(find(list, 'US-TX-BREACH:owner')).toMatchObject({ kind: 'immediate', dueAt: '2025-02-20T23:59:59.999-06:00', status: 'due_soon' });
    expect(ids(list)).not.toContain('US-TX-BREACH:individuals');
  });
});

describe('unverified rows say so', () => {
  // The December 2026 update rates AZ med-high (verified_secondary); Indiana (Foley chart + recollection, medium) stays unverified.
  it('IN carries the unverified badge and caveat', () => {
    const o = find(compute(withResidents({ 'US-IN': 2000 }), NOW), 'US-IN-BREACH:attorney_general');
    expect(o.verification).toBe('unverified');
    expect(o.caveats.join(' ')).toMatch(/Unverified rule/);
  });
});
