// Engine-wide behaviour: contract JSON, ordering, due_soon windows, done notices.
import { describe, expect, it } from 'vitest';
import { toContractJson } from '../../bot/deadlines/engine.ts';
import { compute, find, makeIncident } from './helpers.ts';

describe('toContractJson', () => {
  it('has the 10 design.md keys in contract order, then the optional filing object', () => {
    const [first] = compute(makeIncident(), '2025-03-01T00:00:00Z');
    const json = toContractJson(first!);
    const keys = Object.keys(json);
    expect(keys.slice(0, 10)).toEqual(['obligation', 'rule', 'recipient', 'citation', 'kind', 'dueDate', 'dueAt', 'status', 'verification', 'basis']);
    expect(keys.slice(10).every((k) => k === 'filing' || k === 'contractual')).toBe(true);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('matches the design.md example for the Indiana media notice', () => {
    const incident = makeIncident({ affected: { total: 262000, byJurisdiction: { 'US-IN': 262000 } } });
    const { filing, ...contract } = toContractJson(find(compute(incident, '2025-03-01T00:00:00Z'), 'US-HIPAA-164.406-MEDIA:US-IN')) as unknown as Record<string, unknown>;
    expect((filing as { to: string }).to).toMatch(/prominent media outlets/i);
    expect(contract).toEqual({
      obligation: 'US-HIPAA-164.406-MEDIA:US-IN',
      rule: 'US-HIPAA-164.406-MEDIA',
      recipient: 'prominent media outlets serving US-IN',
      citation: '45 CFR 164.406',
      kind: 'date',
      dueDate: '2025-04-21',
      dueAt: '2025-04-21T23:59:59.999-05:00',
      status: 'pending',
      verification: 'verified_primary_text',
      basis: '60 calendar days after discovery on 2025-02-20; 262000 residents of US-IN > 500',
    });
  });
});

describe('ordering', () => {
  it('soonest dueAt first, then obligations without a deadline, ties by id', () => {
    const incident = makeIncident({ affected: { total: 1300, byJurisdiction: { 'US-IN': 1000, 'US-TX': 300, 'US-IA': 0, 'US-MA': 0 } } });
    const list = compute(incident, '2025-03-01T00:00:00Z');
    const at = list.map((o) => (o.dueAt === null ? Infinity : Date.parse(o.dueAt)));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    // TX AG (Mar 22) before the 45-day Indiana notice (Apr 6) before HIPAA's Apr 21 group, sorted by id within it.
    expect(list.slice(0, 3).map((o) => o.obligation)).toEqual(['US-TX-BREACH:attorney_general', 'US-IN-BREACH:attorney_general', 'US-IN-BREACH:individuals']);
    const apr21 = list.filter((o) => o.dueDate === '2025-04-21').map((o) => o.obligation);
    expect(apr21).toEqual([...apr21].sort());
    expect(list.at(-1)!.dueAt).toBeNull();
  });
});

describe('due_soon windows', () => {
  // Individual notice due 2025-04-21T23:59:59.999-05:00 = 2025-04-22T04:59:59.999Z.
  it.each([
    { now: '2025-04-15T04:59:59.999Z', status: 'due_soon', options: undefined }, // exactly 7 days before
    { now: '2025-04-15T04:59:59.998Z', status: 'pending', options: undefined }, // 1 ms more than 7 days
    { now: '2025-04-01T00:00:00Z', status: 'due_soon', options: { dueSoonDays: 30 } },
    { now: '2025-04-22T04:59:59.999Z', status: 'due_soon', options: undefined }, // the last millisecond
    { now: '2025-04-22T05:00:00.000Z', status: 'overdue', options: undefined },
  ])('day-counted at $now → $status', ({ now, status, options }) => {
    expect(find(compute(makeIncident(), now, options), 'US-HIPAA-164.404-INDIVIDUALS').status).toBe(status);
  });

  it('hour-counted uses dueSoonHours (default 24)', () => {
    const incident = makeIncident({ organization: { role: 'controller', country: 'DE', timezone: 'Europe/Berlin' }, discoveredAt: '2025-06-02T10:00:00+02:00' });
    // 72 h after 08:00Z Jun 2 = 08:00Z Jun 5.
    expect(find(compute(incident, '2025-06-04T08:00:00Z'), 'EU-GDPR-33-SA').status).toBe('due_soon');
    expect(find(compute(incident, '2025-06-04T07:59:59Z'), 'EU-GDPR-33-SA').status).toBe('pending');
    expect(find(compute(incident, '2025-06-03T08:00:00Z', { dueSoonHours: 48 }), 'EU-GDPR-33-SA').status).toBe('due_soon');
  });
});

describe('done notices', () => {
  it('match the qualified id, or the bare rule id for single-obligation rules', () => {
    const incident = makeIncident({
      affected: { total: 1300, byJurisdiction: { 'US-IN': 1000, 'US-TX': 300 } },
      notices: [
        { obligation: 'US-HIPAA-164.404-INDIVIDUALS', sentAt: '2025-03-10T10:00:00-05:00' },
        { obligation: 'US-HIPAA-164.406-MEDIA', sentAt: '2025-03-10T10:00:00-05:00' },
        { obligation: 'US-TX-BREACH', sentAt: '2025-03-10T10:00:00-05:00' },
        { obligation: 'US-TX-BREACH:attorney_general', sentAt: '2025-03-11T10:00:00-05:00' },
      ],
    });
    const list = compute(incident, '2025-03-12T00:00:00Z');
    expect(find(list, 'US-HIPAA-164.404-INDIVIDUALS')).toMatchObject({ status: 'done', doneAt: '2025-03-10T10:00:00-05:00', dueDate: '2025-04-21' });
    // Media fans out per State: a bare rule id does not say which State's outlets were told.
    expect(find(list, 'US-HIPAA-164.406-MEDIA:US-IN').status).toBe('pending');
    expect(find(list, 'US-TX-BREACH:individuals').status).toBe('pending');
    expect(find(list, 'US-TX-BREACH:attorney_general').status).toBe('done');
  });

  it('a notice dated after now is not done yet (replay with a fixed clock)', () => {
    const incident = makeIncident({ notices: [{ obligation: 'US-HIPAA-164.404-INDIVIDUALS', sentAt: '2025-04-01T10:00:00-05:00' }] });
    expect(find(compute(incident, '2025-03-01T00:00:00Z'), 'US-HIPAA-164.404-INDIVIDUALS').status).toBe('pending');
  });

  it('says when a notice went out after the deadline', () => {
    const incident = makeIncident({ notices: [{ obligation: 'US-HIPAA-164.404-INDIVIDUALS', sentAt: '2025-04-25T10:00:00-05:00' }] });
    expect(find(compute(incident, '2025-05-01T00:00:00Z'), 'US-HIPAA-164.404-INDIVIDUALS').basis).toMatch(/sent on 2025-04-25 \(after the deadline\)/);
  });
});

describe('output invariants', () => {
  it('dueDate only for date kinds; every obligation has law, jurisdiction, caveats array', () => {
    const incident = makeIncident({
      organization: { secRegistrant: true, nis2Entity: true },
      affected: { total: 5000, byJurisdiction: { 'US-IN': 1000, 'US-CA': 1000, 'US-NY': 1000, FR: 1000, GB: 1000 } },
    });
    for (const o of compute(incident, '2025-03-01T00:00:00Z')) {
      if (o.kind !== 'date') expect(o.dueDate).toBeNull();
      expect(o.law.length).toBeGreaterThan(0);
      expect(Array.isArray(o.caveats)).toBe(true);
      expect(o.basis.length).toBeGreaterThan(0);
    }
  });
});
