// HIPAA 164.404-164.410: 60 calendar days, per-State media threshold, HHS 500 line and annual log, applicability.
import { describe, expect, it } from 'vitest';
import { compute, find, ids, makeIncident } from './helpers.ts';

const NOW = '2025-03-01T12:00:00Z';

describe('HIPAA 164.404 individuals: discovery date in the org zone + 60 calendar days, end of that day', () => {
  it.each([
    {
      name: 'across US DST: offset -06:00 at discovery, -05:00 on the due day',
      // Feb 20 + 8 = Feb 28 (2025 not leap), + 31 = Mar 31, + 21 = Apr 21 → 60 days. Chicago is on CDT (-05:00) after Mar 9.
      zone: 'America/Chicago', discoveredAt: '2025-02-20T09:00:00-06:00', now: NOW,
      dueDate: '2025-04-21', dueAt: '2025-04-21T23:59:59.999-05:00',
    },
    {
      name: 'late evening Pacific: local date 2025-03-01 although UTC is already 03-02',
      // 23:30 PST on Mar 1 = 07:30Z Mar 2. Local date Mar 1: + 30 = Mar 31, + 30 = Apr 30. (UTC would give May 1.)
      zone: 'America/Los_Angeles', discoveredAt: '2025-03-01T23:30:00-08:00', now: '2025-03-03T00:00:00Z',
      dueDate: '2025-04-30', dueAt: '2025-04-30T23:59:59.999-07:00',
    },
    {
      name: 'leap year: 2023-12-31 + 60 = 2024-02-29',
      // Dec 31 + 31 = Jan 31, + 29 = Feb 29 (2024 is a leap year) → 60 days.
      zone: 'America/Chicago', discoveredAt: '2023-12-31T10:00:00-06:00', now: '2024-01-02T12:00:00Z',
      dueDate: '2024-02-29', dueAt: '2024-02-29T23:59:59.999-06:00',
    },
    {
      name: 'weekend: due day on a Sunday stays (no roll-forward)',
      // Feb 19 + 9 = Feb 28, + 31 = Mar 31, + 20 = Apr 20 2025, a Sunday (Easter). Not moved to Monday Apr 21.
      zone: 'America/Chicago', discoveredAt: '2025-02-19T09:00:00-06:00', now: NOW,
      dueDate: '2025-04-20', dueAt: '2025-04-20T23:59:59.999-05:00',
    },
  ])('$name', ({ zone, discoveredAt, now, dueDate, dueAt }) => {
    const o = find(compute(makeIncident({ discoveredAt, organization: { timezone: zone } }), now), 'US-HIPAA-164.404-INDIVIDUALS');
    expect(o).toMatchObject({ kind: 'date', dueDate, dueAt, status: 'pending', citation: '45 CFR 164.404', verification: 'verified_primary_text' });
    expect(o.basis).toContain(`60 calendar days after discovery on ${discoveredAt.slice(0, 10)}`);
    expect(o.caveats.join(' ')).toMatch(/outer limit/);
  });
});

describe('HIPAA 164.406 media: more than 500 residents of one State, one obligation per State', () => {
  it.each([
    // Strictly more than 500 (164.406(a)): 500 is not enough, 501 is.
    { residents: 500, status: 'not_applicable', dueDate: null },
    { residents: 501, status: 'pending', dueDate: '2025-04-21' },
  ])('$residents residents of US-CA → $status', ({ residents, status, dueDate }) => {
    const list = compute(makeIncident({ affected: { total: residents, byJurisdiction: { 'US-CA': residents } } }), NOW);
    const o = find(list, 'US-HIPAA-164.406-MEDIA:US-CA');
    expect(o).toMatchObject({ status, dueDate, jurisdiction: 'US-CA', recipient: 'prominent media outlets serving US-CA' });
  });

  it('writes the basis as design.md shows it', () => {
    const list = compute(makeIncident({ affected: { total: 262000, byJurisdiction: { 'US-IN': 262000 } } }), NOW);
    expect(find(list, 'US-HIPAA-164.406-MEDIA:US-IN').basis).toBe('60 calendar days after discovery on 2025-02-20; 262000 residents of US-IN > 500');
  });

  it('counts per State, not the total: 400 + 400 in two States owes no media notice', () => {
    const list = compute(makeIncident({ affected: { total: 800, byJurisdiction: { 'US-TX': 400, 'US-OK': 400 } } }), NOW);
    expect(find(list, 'US-HIPAA-164.406-MEDIA:US-TX').status).toBe('not_applicable');
    expect(find(list, 'US-HIPAA-164.406-MEDIA:US-OK').status).toBe('not_applicable');
  });

  it('asks for the per-State breakdown when more than 500 individuals have no recorded State', () => {
    const list = compute(makeIncident({ affected: { total: 900, byJurisdiction: {} } }), NOW);
    expect(find(list, 'US-HIPAA-164.406-MEDIA:unknown').status).toBe('needs_facts');
  });
});

describe('HIPAA 164.408 HHS: 500 or more with the individual notice; fewer than 500 in the annual log', () => {
  it.each([
    // 499 < 500: annual log, 60 days after Dec 31 2025: Jan 31 = +31, Feb 28 = +59, Mar 1 = +60 → 2026-03-01 (a Sunday, kept).
    { total: 499, plus: 'not_applicable', lt: 'pending', ltDue: '2026-03-01', plusDue: null },
    // 500 ≥ 500: HHS notice by the individual-notice deadline, discovery + 60 = 2025-04-21.
    { total: 500, plus: 'pending', lt: 'not_applicable', ltDue: null, plusDue: '2025-04-21' },
  ])('$total individuals', ({ total, plus, lt, ltDue, plusDue }) => {
    const list = compute(makeIncident({ affected: { total, byJurisdiction: { 'US-IN': total } } }), NOW);
    expect(find(list, 'US-HIPAA-164.408-HHS-500PLUS')).toMatchObject({ status: plus, dueDate: plusDue });
    expect(find(list, 'US-HIPAA-164.408-HHS-LT500')).toMatchObject({ status: lt, dueDate: ltDue });
  });

  it('annual log for a 2027 breach is due 2028-02-29 (leap year)', () => {
    // Dec 31 2027 + 31 = Jan 31 2028, + 29 = Feb 29 2028 (leap) → 60 days.
    const incident = makeIncident({ discoveredAt: '2027-06-10T10:00:00-05:00', affected: { total: 20, byJurisdiction: { 'US-IN': 20 } } });
    expect(find(compute(incident, '2027-06-11T00:00:00Z'), 'US-HIPAA-164.408-HHS-LT500')).toMatchObject({
      dueDate: '2028-02-29', dueAt: '2028-02-29T23:59:59.999-06:00',
    });
  });

  it('is due contemporaneously: once the individual notice went out, HHS is due that day', () => {
    // Individual notice sent 2025-03-10 (local), earlier than the 2025-04-21 outer bound.
    const incident = makeIncident({ notices: [{ obligation: 'US-HIPAA-164.404-INDIVIDUALS', sentAt: '2025-03-10T10:00:00-05:00' }] });
    const hhs = find(compute(incident, '2025-03-10T20:00:00Z'), 'US-HIPAA-164.408-HHS-500PLUS');
    expect(hhs).toMatchObject({ dueDate: '2025-03-10', status: 'due_soon' });
  });
});

describe('HIPAA applicability', () => {
  const HIPAA_CE = ['US-HIPAA-164.404-INDIVIDUALS', 'US-HIPAA-164.406-MEDIA:US-IN', 'US-HIPAA-164.408-HHS-500PLUS', 'US-HIPAA-164.408-HHS-LT500'];

  it('encrypted PHI: every HIPAA notice is listed as not_applicable with the reason', () => {
    const list = compute(makeIncident({ dataEncrypted: true, keyCompromised: false }), NOW);
    for (const id of HIPAA_CE) {
      expect(find(list, id)).toMatchObject({ status: 'not_applicable', dueDate: null, dueAt: null });
      expect(find(list, id).basis).toContain('PHI was encrypted (secured PHI): no HIPAA notice required, 45 CFR 164.402');
    }
  });

  it('low-probability risk assessment: not_applicable, naming the assessment', () => {
    const assessment = (conclusion: string, decidedAt: string) => ({
      factors: { natureAndExtent: 'names only', unauthorizedPerson: 'another hospital', acquiredOrViewed: 'not opened', mitigation: 'deleted' },
      conclusion, decidedBy: 'privacy.officer', decidedAt,
    });
    const low = makeIncident({ riskAssessments: [assessment('low_probability', '2025-02-25T10:00:00-06:00')] });
    const o = find(compute(low, NOW), 'US-HIPAA-164.404-INDIVIDUALS');
    expect(o.status).toBe('not_applicable');
    expect(o.basis).toMatch(/risk assessment of 2025-02-25 by privacy\.officer found a low probability/);
    // A later presumed_breach conclusion reverses it: the latest assessment counts.
    const reversed = makeIncident({
      riskAssessments: [assessment('low_probability', '2025-02-25T10:00:00-06:00'), assessment('presumed_breach', '2025-02-27T10:00:00-06:00')],
    });
    expect(find(compute(reversed, NOW), 'US-HIPAA-164.404-INDIVIDUALS').status).toBe('pending');
  });

  it('PHI involvement unknown: needs_facts, the running deadline still shown', () => {
    const o = find(compute(makeIncident({ phiInvolved: null }), NOW), 'US-HIPAA-164.404-INDIVIDUALS');
    expect(o).toMatchObject({ status: 'needs_facts', dueDate: '2025-04-21' });
    expect(o.basis).toMatch(/phiInvolved/);
  });

  it('a business associate owes the covered entity (164.410), not the CE notices', () => {
    const list = compute(makeIncident({ organization: { role: 'business_associate' } }), NOW);
    // Same arithmetic as 164.404: 2025-02-20 + 60 = 2025-04-21.
    expect(find(list, 'US-HIPAA-164.410-BA-TO-CE')).toMatchObject({ dueDate: '2025-04-21', recipient: 'the covered entity' });
    expect(ids(list)).not.toContain('US-HIPAA-164.404-INDIVIDUALS');
  });

  it('a controller outside HIPAA gets no HIPAA rows at all', () => {
    const list = compute(makeIncident({ organization: { role: 'controller' } }), NOW);
    expect(ids(list).filter((id) => id.startsWith('US-HIPAA'))).toEqual([]);
  });
});
