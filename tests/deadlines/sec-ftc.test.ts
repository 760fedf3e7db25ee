// SEC Form 8-K Item 1.05 (4 business days, US federal holidays, GI B.1) and the FTC Health Breach Notification Rule.
import { describe, expect, it } from 'vitest';
import { compute, find, ids, makeIncident } from './helpers.ts';

const SEC = 'US-SEC-8K-1.05';
const secIncident = (materialityDeterminedAt: string | null) =>
  makeIncident({ materialityDeterminedAt, organization: { secRegistrant: true, timezone: 'America/New_York' } });

describe('SEC 8-K Item 1.05: 4 business days after the materiality determination', () => {
  it.each([
    // Mon 2025-03-03: Tue (1), Wed (2), Thu (3), Fri 03-07 (4).
    { name: 'plain Monday', at: '2025-03-03T10:00:00-05:00', dueDate: '2025-03-07', offset: '-05:00' },
    // Fri 2025-01-17, Mon 01-20 is Martin Luther King Jr. Day (federal): Tue 21 (1), Wed 22 (2), Thu 23 (3), Fri 24 (4).
    { name: 'Friday before a Monday federal holiday', at: '2025-01-17T16:00:00-05:00', dueDate: '2025-01-24', offset: '-05:00' },
    // Sat 2025-01-18 (GI B.1): the count begins on and includes the first business day after, Tue 01-21
    // (Mon is MLK Day): Tue (1), Wed (2), Thu (3), Fri 01-24 (4).
    { name: 'Saturday before a Monday holiday (GI B.1)', at: '2025-01-18T11:00:00-05:00', dueDate: '2025-01-24', offset: '-05:00' },
    // Sat 2025-03-01 (GI B.1): Mon 03-03 is day 1, Tue (2), Wed (3), Thu 03-06 (4).
    { name: 'Saturday (GI B.1)', at: '2025-03-01T11:00:00-05:00', dueDate: '2025-03-06', offset: '-05:00' },
    // Wed 2025-07-02: Thu 07-03 (1), Fri 07-04 Independence Day skipped, Mon 07 (2), Tue 08 (3), Wed 07-09 (4).
    { name: 'holiday inside the count', at: '2025-07-02T10:00:00-04:00', dueDate: '2025-07-09', offset: '-04:00' },
  ])('$name', ({ at, dueDate, offset }) => {
    const o = find(compute(secIncident(at), at), SEC);
    expect(o).toMatchObject({ kind: 'date', dueDate, verification: 'verified_secondary' });
    // End of the due day in New York: EST (-05:00) before 2025-03-09, EDT (-04:00) in July.
    expect(o.dueAt).toBe(`${dueDate}T23:59:59.999${offset}`);
  });

  it('names the skipped holiday and the GI B.1 start in the basis', () => {
    const o = find(compute(secIncident('2025-01-18T11:00:00-05:00'), '2025-01-18T12:00:00Z'), SEC);
    expect(o.basis).toMatch(/Martin Luther King Jr\. Day/);
    expect(o.basis).toMatch(/not a business day: the count begins on and includes 2025-01-21 \(GI B\.1\)/);
  });

  it('registrant without a determination: needs_facts; not a registrant: not applicable; not answered: needs facts with its clock; outside the US and not a registrant: no SEC row', () => {
    expect(find(compute(secIncident(null), '2025-03-01T00:00:00Z'), SEC)).toMatchObject({ status: 'needs_facts', dueAt: null });
    const determined = { materialityDeterminedAt: '2025-03-03T10:00:00-05:00' };
    // Item 1.05 binds registrants: a US organization that says it is not one gets the row as not applicable, with the reason.
    const notRegistrant = find(compute(makeIncident({ ...determined, organization: { secRegistrant: false } }), '2025-03-04T00:00:00Z'), SEC);
    expect(notRegistrant).toMatchObject({ status: 'not_applicable', dueAt: null });
    expect(notRegistrant!.basis).toMatch(/organization\.secRegistrant/);
    // Not answered (the default): asked, with the clock it would have: Mon 03-03 → Tue, Wed, Thu, Fri 2025-03-07.
    expect(find(compute(makeIncident(determined), '2025-03-04T00:00:00Z'), SEC)).toMatchObject({ status: 'needs_facts', dueDate: '2025-03-07' });
    const french = { organization: { country: 'FR', timezone: 'Europe/Paris', role: 'controller' as const } };
    expect(ids(compute(makeIncident({ ...determined, ...french }), '2025-03-04T00:00:00Z'))).not.toContain(SEC);
    expect(ids(compute(makeIncident({ ...determined, organization: { ...french.organization, secRegistrant: false } }), '2025-03-04T00:00:00Z'))).not.toContain(SEC);
  });
});

describe('FTC Health Breach Notification Rule (phr_vendor)', () => {
  const phr = (total: number, extra = {}) =>
    makeIncident({ organization: { role: 'phr_vendor' }, affected: { total, byJurisdiction: { 'US-CA': total } }, ...extra });

  it.each([
    // 600 ≥ 500: FTC with the individual notices, no later than discovery + 60 = 2025-04-21.
    { total: 600, dueDate: '2025-04-21', media: 'pending' },
    // 499 < 500: annual log, Dec 31 2025 + 60 = 2026-03-01. 499 residents of CA, not > 500: no media notice.
    { total: 499, dueDate: '2026-03-01', media: 'not_applicable' },
  ])('$total individuals', ({ total, dueDate, media }) => {
    const list = compute(phr(total), '2025-03-01T00:00:00Z');
    expect(find(list, 'US-FTC-HBNR-INDIVIDUALS').dueDate).toBe('2025-04-21');
    expect(find(list, 'US-FTC-HBNR-FTC').dueDate).toBe(dueDate);
    expect(find(list, 'US-FTC-HBNR-MEDIA:US-CA').status).toBe(media);
    expect(ids(list).some((id) => id.startsWith('US-HIPAA'))).toBe(false);
  });

  it('third-party service provider: owed to us, done when it notified us', () => {
    const vendor = { name: 'Cloud host', role: 'third_party_service_provider' as const, isAgent: false, discoveredAt: '2025-02-20T08:00:00-06:00', notifiedUsAt: null };
    // Provider discovered 2025-02-20: + 60 = 2025-04-21.
    expect(find(compute(phr(600, { vendor }), '2025-03-01T00:00:00Z'), 'US-FTC-HBNR-TPSP')).toMatchObject({ dueDate: '2025-04-21', status: 'pending' });
    const notified = phr(600, { vendor: { ...vendor, notifiedUsAt: '2025-03-01T10:00:00-06:00' } });
    expect(find(compute(notified, '2025-03-02T00:00:00Z'), 'US-FTC-HBNR-TPSP')).toMatchObject({ status: 'done', doneAt: '2025-03-01T10:00:00-06:00' });
  });

  it('law-enforcement delay: same structure as HIPAA (16 CFR 318.4)', () => {
    // Oral 2025-03-10: tolled until end of 2025-04-09; upper bound 2025-04-21 + 30 = 2025-05-21.
    const delay = { form: 'oral' as const, agency: 'FBI', official: 'SA Doe', statedAt: '2025-03-10T15:00:00-05:00', until: null };
    const o = find(compute(phr(600, { lawEnforcementDelays: [delay] }), '2025-03-20T00:00:00Z'), 'US-FTC-HBNR-INDIVIDUALS');
    expect(o).toMatchObject({ status: 'tolled', dueDate: '2025-05-21', tolledUntil: '2025-04-09T23:59:59.999-05:00' });
  });

  it('encrypted data: FTC notices not applicable', () => {
    expect(find(compute(phr(600, { dataEncrypted: true, keyCompromised: false }), '2025-03-01T00:00:00Z'), 'US-FTC-HBNR-INDIVIDUALS').status).toBe('not_applicable');
  });
});
