// Vendor discovery rule (agent vs independent contractor) and 45 CFR 164.412 law-enforcement delays.
import { describe, expect, it } from 'vitest';
import { compute, find, makeIncident } from './helpers.ts';

const INDIVIDUALS = 'US-HIPAA-164.404-INDIVIDUALS';

describe('vendor discovery rule for a covered entity', () => {
  const vendor = (isAgent: boolean, discoveredAt: string | null, notifiedUsAt: string | null) => ({
    name: 'EHR vendor', role: 'business_associate' as const, isAgent, discoveredAt, notifiedUsAt,
  });

  it.each([
    {
      name: 'agent: its discovery is imputed, earliest of its discovery and ours',
      // Vendor discovered 2025-02-20; we found out 2025-03-15. Feb 20 + 60 = Apr 21.
      own: '2025-03-15T10:00:00-05:00', v: vendor(true, '2025-02-20T08:00:00-06:00', '2025-03-15T10:00:00-05:00'),
      dueDate: '2025-04-21', event: 'discovery by EHR vendor (our agent; imputed to us)',
    },
    {
      name: 'independent contractor: from its notice to us (or our own earlier discovery)',
      // Its notice 2025-03-15 = our discovery. Mar 15 + 16 = Mar 31, + 30 = Apr 30, + 14 = May 14 → 60 days.
      own: '2025-03-15T10:00:00-05:00', v: vendor(false, '2025-02-20T08:00:00-06:00', '2025-03-15T10:00:00-05:00'),
      dueDate: '2025-05-14', event: 'discovery',
    },
    {
      name: 'independent contractor, our own knowledge earlier than its notice',
      // Our discovery 2025-03-01 precedes its notice of 03-15. Mar 1 + 30 = Mar 31, + 30 = Apr 30.
      own: '2025-03-01T10:00:00-06:00', v: vendor(false, '2025-02-20T08:00:00-06:00', '2025-03-15T10:00:00-05:00'),
      dueDate: '2025-04-30', event: 'discovery',
    },
    {
      name: 'independent contractor whose notice came first',
      // Its notice 2025-03-10 is earlier than our discovery record of 03-20. Mar 10 + 21 = Mar 31, + 30 = Apr 30, + 9 = May 9.
      own: '2025-03-20T10:00:00-05:00', v: vendor(false, null, '2025-03-10T10:00:00-05:00'),
      dueDate: '2025-05-09', event: 'notice from EHR vendor',
    },
  ])('$name', ({ own, v, dueDate, event }) => {
    const o = find(compute(makeIncident({ discoveredAt: own, vendor: v }), '2025-03-21T00:00:00Z'), INDIVIDUALS);
    expect(o.dueDate).toBe(dueDate);
    expect(o.trigger?.event).toBe(event);
    expect(o.basis).toMatch(/EHR vendor is (our agent|an independent contractor)/);
  });

  it('agent without a recorded discovery date: our own discovery, with a warning', () => {
    const o = find(compute(makeIncident({ vendor: vendor(true, null, null) }), '2025-03-01T00:00:00Z'), INDIVIDUALS);
    expect(o.dueDate).toBe('2025-04-21');
    expect(o.basis).toMatch(/vendor\.discoveredAt/);
  });
});

describe('164.412 law-enforcement delay on the HIPAA notices', () => {
  // Base: discovery 2025-02-20 (Chicago) → individual notice due 2025-04-21.
  const oral = { form: 'oral' as const, agency: 'FBI', official: 'SA Doe', statedAt: '2025-03-10T15:00:00-05:00', until: null };

  it.each([
    // Oral 2025-03-10: at most 30 days → until end of 2025-04-09 (Mar 10 + 21 = Mar 31, + 9 = Apr 9).
    { name: 'before the statement: normal', now: '2025-03-01T12:00:00Z', status: 'pending', dueDate: '2025-04-21', tolledUntil: null },
    // During: upper bound = Apr 21 + 30 days = May 21 (Apr 21 + 9 = Apr 30, + 21 = May 21).
    { name: 'during: tolled, upper bound shown', now: '2025-03-20T12:00:00Z', status: 'tolled', dueDate: '2025-05-21', tolledUntil: '2025-04-09T23:59:59.999-05:00' },
    { name: 'last minute of the 30-day cap: still tolled', now: '2025-04-09T23:00:00-05:00', status: 'tolled', dueDate: '2025-05-21', tolledUntil: '2025-04-09T23:59:59.999-05:00' },
    // After Apr 9 with the original Apr 21 still ahead: the original deadline stands (6.5 days away → due_soon).
    { name: 'ended before the original deadline: it stands', now: '2025-04-15T12:00:00-05:00', status: 'due_soon', dueDate: '2025-04-21', tolledUntil: null },
    // After the delay and after Apr 21: overdue at once.
    { name: 'ended, original deadline passed: overdue', now: '2025-04-25T12:00:00-05:00', status: 'overdue', dueDate: '2025-04-21', tolledUntil: null },
  ])('oral statement — $name', ({ now, status, dueDate, tolledUntil }) => {
    const o = find(compute(makeIncident({ lawEnforcementDelays: [oral] }), now), INDIVIDUALS);
    expect(o).toMatchObject({ status, dueDate, tolledUntil });
  });

  it('says the upper bound is an interpretation, and after the delay says to notify now', () => {
    const during = find(compute(makeIncident({ lawEnforcementDelays: [oral] }), '2025-03-20T12:00:00Z'), INDIVIDUALS);
    expect(during.basis).toMatch(/upper bound/);
    expect(during.basis).toMatch(/interpretation/);
    expect(during.basis).toMatch(/does not say whether the unused days resume/);
    expect(during.basis).not.toMatch(/regulations\.md/);
    const after = find(compute(makeIncident({ lawEnforcementDelays: [oral] }), '2025-04-25T12:00:00-05:00'), INDIVIDUALS);
    expect(after.basis).toContain('law-enforcement delay ended on 2025-04-09: notify now');
  });

  it('written statement with a period: tolled for the whole period, then overdue', () => {
    // Written 2025-03-01 until 2025-05-31: 91 days (30 + 30 + 31). Upper bound Apr 21 + 91 = Jul 21 (9 + 31 + 30 + 21).
    const written = { form: 'written' as const, agency: 'FBI', official: 'SAC Roe', statedAt: '2025-03-01T09:00:00-06:00', until: '2025-05-31T00:00:00-05:00' };
    const during = find(compute(makeIncident({ lawEnforcementDelays: [written] }), '2025-05-01T12:00:00Z'), INDIVIDUALS);
    expect(during).toMatchObject({ status: 'tolled', dueDate: '2025-07-21', tolledUntil: '2025-05-31T00:00:00.000-05:00' });
    const after = find(compute(makeIncident({ lawEnforcementDelays: [written] }), '2025-06-02T12:00:00Z'), INDIVIDUALS);
    expect(after.status).toBe('overdue');
    expect(after.basis).toContain('ended on 2025-05-31');
  });

  it('oral followed within 30 days by a written statement: the written period governs past the 30-day cap', () => {
    const written = { form: 'written' as const, agency: 'FBI', official: 'SAC Roe', statedAt: '2025-03-25T09:00:00-05:00', until: '2025-06-30T00:00:00-05:00' };
    // 2025-05-15 is after the oral cap (Apr 9) but inside the written period.
    const o = find(compute(makeIncident({ lawEnforcementDelays: [oral, written] }), '2025-05-15T12:00:00Z'), INDIVIDUALS);
    expect(o).toMatchObject({ status: 'tolled', tolledUntil: '2025-06-30T00:00:00.000-05:00' });
  });

  it('a statement made after the deadline passed does not rescue it', () => {
    const late = { ...oral, statedAt: '2025-04-25T09:00:00-05:00' };
    expect(find(compute(makeIncident({ lawEnforcementDelays: [late] }), '2025-04-26T12:00:00Z'), INDIVIDUALS).status).toBe('overdue');
  });

  it('does not toll state, GDPR or SEC clocks', () => {
    const incident = makeIncident({
      lawEnforcementDelays: [oral],
      materialityDeterminedAt: '2025-03-03T10:00:00-06:00',
      // gdprTerritorial: a US hospital the GDPR reaches (Art. 3(2)), so the Art. 33 clock is owed and can be seen untolled.
      organization: { secRegistrant: true, gdprTerritorial: true },
      affected: { total: 1300, byJurisdiction: { 'US-IN': 1000, 'US-TX': 250, DE: 50 } },
    });
    const list = compute(incident, '2025-03-25T12:00:00Z');
    expect(find(list, INDIVIDUALS).status).toBe('tolled');
    // TX AG: Feb 20 + 30 = Mar 22, passed on Mar 25 despite the FBI statement.
    expect(find(list, 'US-TX-BREACH:attorney_general')).toMatchObject({ status: 'overdue', tolledUntil: null });
    expect(find(list, 'EU-GDPR-33-SA')).toMatchObject({ status: 'overdue', tolledUntil: null });
    expect(find(list, 'US-SEC-8K-1.05')).toMatchObject({ status: 'overdue', tolledUntil: null });
  });
});
