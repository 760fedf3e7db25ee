// GDPR Art. 33/34, UK GDPR, NIS2 Art. 23 and the French rules: hour clocks across DST, risk gates, scope.
import { describe, expect, it } from 'vitest';
import { compute, find, ids, makeIncident } from './helpers.ts';
import type { Obligation } from '../../bot/deadlines/types.ts';

const eu = (country: string, timezone: string, patch = {}) =>
  makeIncident({
    organization: { role: 'controller', country, timezone },
    discoveredAt: '2025-03-29T10:00:00+01:00',
    affected: { total: 100, byJurisdiction: { [country]: 100 } },
    phiInvolved: null,
    dataEncrypted: null,
    ...patch,
  });

describe('72-hour clocks: exact instant + 72 h, continuous through DST and weekends', () => {
  it.each([
    // 10:00+01:00 = 09:00Z Sat; + 72 h = Tue 2025-04-01 09:00Z; EU summer time since 2025-03-30 01:00Z → 11:00+02:00.
    { id: 'FR-CNIL-GDPR-33', country: 'FR', zone: 'Europe/Paris', discoveredAt: '2025-03-29T10:00:00+01:00', dueAt: '2025-04-01T11:00:00.000+02:00' },
    { id: 'EU-GDPR-33-SA', country: 'DE', zone: 'Europe/Berlin', discoveredAt: '2025-03-29T10:00:00+01:00', dueAt: '2025-04-01T11:00:00.000+02:00' },
    // 09:00+01:00 (BST) = 08:00Z Fri; + 72 h = Mon 2025-10-27 08:00Z; UK back on GMT since 2025-10-26 → 08:00+00:00.
    { id: 'UK-GDPR-33-ICO', country: 'GB', zone: 'Europe/London', discoveredAt: '2025-10-24T09:00:00+01:00', dueAt: '2025-10-27T08:00:00.000+00:00' },
  ])('$id', ({ id, country, zone, discoveredAt, dueAt }) => {
    const o = find(compute(eu(country, zone, { discoveredAt }), discoveredAt), id);
    expect(o).toMatchObject({ kind: 'instant', dueDate: null, dueAt, status: 'pending' });
  });

  it('due_soon within 24 h, overdue after', () => {
    const incident = eu('FR', 'Europe/Paris');
    expect(find(compute(incident, '2025-03-31T12:00:00+02:00'), 'FR-CNIL-GDPR-33').status).toBe('due_soon');
    expect(find(compute(incident, '2025-04-01T11:00:00.001+02:00'), 'FR-CNIL-GDPR-33').status).toBe('overdue');
  });
});

describe('GDPR scope and risk', () => {
  it.each([
    { gdprRisk: null, sa: 'pending', ds: 'needs_facts' },
    { gdprRisk: 'unlikely', sa: 'not_applicable', ds: 'not_applicable' },
    { gdprRisk: 'risk', sa: 'pending', ds: 'not_applicable' },
    { gdprRisk: 'high', sa: 'pending', ds: 'pending' },
  ] as const)('gdprRisk $gdprRisk → SA $sa, data subjects $ds', ({ gdprRisk, sa, ds }) => {
    const list = compute(eu('DE', 'Europe/Berlin', { gdprRisk }), '2025-03-29T12:00:00+01:00');
    expect(find(list, 'EU-GDPR-33-SA').status).toBe(sa);
    expect(find(list, 'EU-GDPR-34-DS')).toMatchObject({ status: ds, kind: 'none_fixed', dueAt: null });
  });

  it('a French controller notifies the CNIL, not a generic EU SA row', () => {
    const list = ids(compute(eu('FR', 'Europe/Paris'), '2025-03-29T12:00:00+01:00'));
    expect(list).toContain('FR-CNIL-GDPR-33');
    expect(list).not.toContain('EU-GDPR-33-SA');
  });

  it('a processor owes its controller "without undue delay" (no fixed hours)', () => {
    const list = compute(eu('DE', 'Europe/Berlin', { organization: { role: 'processor', country: 'DE', timezone: 'Europe/Berlin' } }), '2025-03-29T12:00:00+01:00');
    expect(find(list, 'EU-GDPR-33-PROCESSOR')).toMatchObject({ kind: 'none_fixed', status: 'pending', dueAt: null });
    expect(ids(list)).not.toContain('EU-GDPR-33-SA');
  });

  it('US-only organization: no GDPR, UK, NIS2 or French rows; EU residents bring GDPR in', () => {
    const usOnly = ids(compute(makeIncident(), '2025-03-01T00:00:00Z'));
    expect(usOnly.filter((id) => /^(EU|UK|FR)-/.test(id))).toEqual([]);
    const withFr = compute(makeIncident({ affected: { total: 1010, byJurisdiction: { 'US-IN': 1000, FR: 10 } } }), '2025-02-21T00:00:00Z');
    expect(find(withFr, 'EU-GDPR-33-SA').basis).toMatch(/affected residents of FR \(the organization is based in US\)/);
    expect(ids(withFr)).not.toContain('UK-GDPR-33-ICO');
  });
});

describe('NIS2 Art. 23 (only for NIS2 entities)', () => {
  const nis2 = (notices: { obligation: string; sentAt: string }[] = []) =>
    eu('DE', 'Europe/Berlin', { organization: { role: 'controller', country: 'DE', timezone: 'Europe/Berlin', nis2Entity: true }, notices });

  it('early warning 24 h, notification 72 h, intermediate on request, recipients without undue delay', () => {
    const list = compute(nis2(), '2025-03-29T12:00:00+01:00');
    // 09:00Z Sat + 24 h = Sun 09:00Z = 11:00+02:00 (summer time from 01:00Z that Sunday).
    expect(find(list, 'EU-NIS2-23-EARLY-WARNING').dueAt).toBe('2025-03-30T11:00:00.000+02:00');
    expect(find(list, 'EU-NIS2-23-NOTIFICATION').dueAt).toBe('2025-04-01T11:00:00.000+02:00');
    expect(find(list, 'EU-NIS2-23-INTERMEDIATE')).toMatchObject({ kind: 'on_request', dueAt: null, status: 'pending' });
    expect(find(list, 'EU-NIS2-23-RECIPIENTS').kind).toBe('none_fixed');
  });

  it.each([
    // No notification recorded: its 72 h due date (2025-04-01 local) + 1 month = 2025-05-01.
    { name: '72 h notice not sent: one month after its deadline', notices: [], dueDate: '2025-05-01' },
    // Notification sent 2025-03-31 (local): + 1 month = 2025-04-30.
    { name: 'one month after the 72 h notice actually sent', notices: [{ obligation: 'EU-NIS2-23-NOTIFICATION', sentAt: '2025-03-31T09:00:00+02:00' }], dueDate: '2025-04-30' },
  ])('final report — $name', ({ notices, dueDate }) => {
    const o = find(compute(nis2(notices), '2025-04-02T00:00:00Z'), 'EU-NIS2-23-FINAL');
    expect(o).toMatchObject({ kind: 'date', dueDate, dueAt: `${dueDate}T23:59:59.999+02:00` });
  });

  const NIS2_ROWS = ['EU-NIS2-23-EARLY-WARNING', 'EU-NIS2-23-FINAL', 'EU-NIS2-23-INTERMEDIATE', 'EU-NIS2-23-NOTIFICATION', 'EU-NIS2-23-RECIPIENTS'];
  const nis2Rows = (list: Obligation[]) => list.filter((o) => o.obligation.includes('NIS2')).sort((a, b) => a.obligation.localeCompare(b.obligation));

  it('an EU organization that has not said whether it is a NIS2 entity: every NIS2 notice needs facts, with its clock', () => {
    const rows = nis2Rows(compute(eu('DE', 'Europe/Berlin'), '2025-03-29T12:00:00+01:00'));
    expect(rows.map((o) => o.obligation)).toEqual(NIS2_ROWS);
    for (const o of rows) {
      expect(o.status).toBe('needs_facts');
      expect(o.basis).toMatch(/organization\.nis2Entity/);
      expect(o.citation).toMatch(/^NIS2 Art\. 23/);
    }
    // Art. 23(4)(a): 24 hours from awareness; discovered 2025-03-29 10:00 Berlin (CET, UTC+1) → 2025-03-30 10:00 CET,
    // which is 11:00 CEST after the clocks went forward that night.
    expect(rows[0]).toMatchObject({ kind: 'instant', dueAt: '2025-03-30T11:00:00.000+02:00' });
  });

  it('an organization that says it is not a NIS2 entity: the notices are not applicable, with the reason', () => {
    const list = compute(eu('DE', 'Europe/Berlin', { organization: { role: 'controller', country: 'DE', timezone: 'Europe/Berlin', nis2Entity: false } }), '2025-03-29T12:00:00+01:00');
    for (const o of nis2Rows(list)) expect(o).toMatchObject({ status: 'not_applicable', basis: expect.stringMatching(/not recorded as an essential or important entity/) });
  });

  it('a NIS2 entity based outside the EU (services offered there, Art. 26) still gets them', () => {
    const us = makeIncident({ organization: { role: 'covered_entity', country: 'US', timezone: 'America/Chicago', nis2Entity: true } });
    expect(nis2Rows(compute(us, '2025-02-21T00:00:00Z')).map((o) => [o.obligation, o.status === 'not_applicable'])).toEqual(NIS2_ROWS.map((id) => [id, false]));
  });
});

describe('France: CSP L.1111-8-2 and NIS1 OSE are immediate (same-day interpretation)', () => {
  const fr = (org = {}) => eu('FR', 'Europe/Paris', { organization: { role: 'controller', country: 'FR', timezone: 'Europe/Paris', ...org } });

  it('health establishment: due by the end of the discovery day, due_soon until then, overdue after', () => {
    const incident = fr({ frHealthEstablishment: true, frOse: true });
    for (const id of ['FR-CSP-L1111-8-2-SSI', 'FR-NIS1-OSE-ANSSI']) {
      // Discovered 2025-03-29 10:00 Paris (CET) → end of that day 23:59:59.999+01:00.
      const o = find(compute(incident, '2025-03-29T15:00:00+01:00'), id);
      expect(o).toMatchObject({ kind: 'immediate', dueDate: null, dueAt: '2025-03-29T23:59:59.999+01:00', status: 'due_soon' });
      expect(o.basis).toMatch(/same-day interpretation/);
      expect(find(compute(incident, '2025-03-30T08:00:00+02:00'), id).status).toBe('overdue');
    }
  });

  it('French organization recorded as neither a health establishment nor an OSE: CSP and NIS1 listed as not applicable', () => {
    const list = compute(fr({ frHealthEstablishment: false, frOse: false }), '2025-03-29T15:00:00+01:00');
    expect(find(list, 'FR-CSP-L1111-8-2-SSI')).toMatchObject({ status: 'not_applicable', dueAt: null });
    expect(find(list, 'FR-NIS1-OSE-ANSSI')).toMatchObject({ status: 'not_applicable', dueAt: null });
  });

  it('French organization that has not said whether it is an OSE: the ANSSI notice needs facts, never silently absent', () => {
    // Some hospitals are opérateurs de services essentiels (décret 2018-384 art. 11: declare to ANSSI as soon as known).
    const o = find(compute(fr({ frHealthEstablishment: true }), '2025-03-29T15:00:00+01:00'), 'FR-NIS1-OSE-ANSSI');
    expect(o.status).toBe('needs_facts');
    expect(o.basis).toMatch(/not answered yet \(organization\.frOse\)/);
  });

  it('French organization that has not answered frHealthEstablishment: CSP needs facts, never silently n/a', () => {
    const o = find(compute(fr({ frHealthEstablishment: null }), '2025-03-29T15:00:00+01:00'), 'FR-CSP-L1111-8-2-SSI');
    expect(o.status).toBe('needs_facts');
    expect(o.basis).toMatch(/not answered yet \(organization\.frHealthEstablishment\)/);
  });
});
