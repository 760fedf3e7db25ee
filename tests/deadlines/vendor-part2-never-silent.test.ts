// A 15-state vendor breach, 42 CFR Part 2 programs, and never silent (not covered, needs facts), GDPR Art. 33(2).
import { describe, expect, it } from 'vitest';
import { compute, find, ids, makeIncident } from './helpers.ts';

// Discovery Monday 2026-03-02 09:00 CST. +10 days = 2026-03-12; +60 = 2026-05-01 (Mar 31 + 30 = Apr 30, + 1).
const DISCOVERED = '2026-03-02T09:00:00-06:00';
const NOW = '2026-03-03T12:00:00Z';

describe('a business associate breach across 15 States: what the vendor owes the data owner in each', () => {
  const STATES = ['AL', 'AZ', 'CA', 'FL', 'GA', 'IA', 'MD', 'NJ', 'NM', 'NY', 'OR', 'TN', 'TX', 'WA', 'WI'];
  const byJurisdiction = Object.fromEntries(STATES.map((s) => [`US-${s}`, 100]));
  const list = compute(makeIncident({ discoveredAt: DISCOVERED, organization: { role: 'business_associate' }, affected: { total: 1500, byJurisdiction }, dataCategories: ['name', 'ssn'] }), NOW);

  it.each([
    // "within 10 days following the determination" (Ala. 8-38-8; Fla. 501.171(6)) / "not later than 10 days" (Md. 14-3504(c); ORS 646A.604(2)).
    ['AL', { kind: 'date', dueDate: '2026-03-12' }],
    ['FL', { kind: 'date', dueDate: '2026-03-12' }],
    ['MD', { kind: 'date', dueDate: '2026-03-12' }],
    ['OR', { kind: 'date', dueDate: '2026-03-12' }],
    // "immediately following discovery": shown as due by the end of the discovery day.
    ['CA', { kind: 'immediate', dueAt: '2026-03-02T23:59:59.999-06:00' }],
    ['NY', { kind: 'immediate', dueAt: '2026-03-02T23:59:59.999-06:00' }],
    ['TX', { kind: 'immediate', dueAt: '2026-03-02T23:59:59.999-06:00' }],
    ['WA', { kind: 'immediate', dueAt: '2026-03-02T23:59:59.999-06:00' }],
    ['NJ', { kind: 'immediate', verification: 'unverified' }],
    // Wis. Stat. 134.98(2)(bm): the owner is told "as soon as practicable": no day count. Its HIPAA carve-out (3m) is for
    // health plans and providers (covered entities), not their vendors.
    ['WI', { kind: 'none_fixed', dueAt: null, dueDate: null }],
  ])('US-%s owner notice', (state, expected) => {
    expect(find(list, `US-${state}-BREACH:owner`)).toMatchObject({ status: expect.stringMatching(/pending|due_soon|overdue/), ...expected });
  });

  it.each(['AZ', 'IA', 'NM', 'TN', 'GA'])('US-%s: not applicable (HIPAA exemption covers BAs, or GA binds brokers only)', (state) => {
    expect(find(list, `US-${state}-BREACH:owner`).status).toBe('not_applicable');
  });

  it('the vendor owes no notice to residents itself, and HIPAA 164.410 to the covered entity within 60 days', () => {
    expect(ids(list).filter((id) => id.endsWith(':individuals'))).toEqual([]);
    expect(find(list, 'US-HIPAA-164.410-BA-TO-CE').dueDate).toBe('2026-05-01');
  });
});

describe('42 CFR Part 2 programs (2.16(b) as amended; compliance date 2026-02-16)', () => {
  const program = (patch: Parameters<typeof makeIncident>[0] = {}) =>
    makeIncident({ discoveredAt: DISCOVERED, organization: { part2Program: true }, affected: { total: 600, byJurisdiction: { 'US-TX': 600 } }, ...patch });

  it('owes patients, HHS (separately from HIPAA) and the media: 60 days after discovery → 2026-05-01', () => {
    const list = compute(program(), NOW);
    expect(find(list, 'US-42CFR2-2.16-INDIVIDUALS')).toMatchObject({ status: 'pending', dueDate: '2026-05-01' });
    const hhs = find(list, 'US-42CFR2-2.16-HHS');
    expect(hhs).toMatchObject({ dueDate: '2026-05-01' });
    expect(hhs.recipient).toMatch(/separately from HIPAA/);
    // Media: more than 500 residents of Texas.
    expect(find(list, 'US-42CFR2-2.16-MEDIA:US-TX')).toMatchObject({ dueDate: '2026-05-01' });
  });

  it('fewer than 500: HHS within 60 days after the end of 2026 → 2027-03-01 (Dec 31 + 31 = Jan 31, + 28 = Feb 28, + 1)', () => {
    const list = compute(program({ affected: { total: 40, byJurisdiction: { 'US-TX': 40 } } }), NOW);
    expect(find(list, 'US-42CFR2-2.16-HHS').dueDate).toBe('2027-03-01');
    expect(find(list, 'US-42CFR2-2.16-MEDIA:US-TX').status).toBe('not_applicable');
  });

  it('SUD treatment records with the program question unanswered: needs facts with its clock; not a program: absent; nothing before 2026-02-16', () => {
    // 2.16(b) binds Part 2 programs; the records alone do not say the organization is one (a lawful holder has them too).
    const asked = find(compute(program({ organization: { part2Program: null }, dataCategories: ['name', 'substance use disorder treatment'] }), NOW), 'US-42CFR2-2.16-INDIVIDUALS');
    expect(asked).toMatchObject({ status: 'needs_facts', dueDate: '2026-05-01' });
    expect(asked.basis).toMatch(/^substance use disorder treatment records were breached \(dataCategories\), but not answered yet whether the organization is itself a 42 CFR Part 2 program/);
    expect(asked.basis).toMatch(/if it applies, 60 calendar days after discovery on 2026-03-02/);
    // Not a program, SUD records breached: listed as not applicable, with the reason (no silent absence).
    const notProgram = find(compute(program({ organization: { part2Program: false }, dataCategories: ['name', 'sud_treatment'] }), NOW), 'US-42CFR2-2.16-INDIVIDUALS');
    expect(notProgram).toMatchObject({ status: 'not_applicable', dueDate: null });
    expect(notProgram.basis).toMatch(/^substance use disorder treatment records were breached, but the organization is not a 42 CFR Part 2 program/);
    const early = find(compute(program({ discoveredAt: '2026-02-15T09:00:00-06:00' }), NOW), 'US-42CFR2-2.16-INDIVIDUALS');
    expect(early.status).toBe('not_applicable');
    expect(early.basis).toMatch(/before the 42 CFR 2\.16\(b\) breach-notice compliance date 2026-02-16/);
  });
});

describe('HIPAA carve-outs a statute gives covered entities only (December 2026 review: WI, OH, MI)', () => {
  // Wis. Stat. 134.98(3m): health plans and providers complying with 45 CFR 164; Ohio (SB 126, 2007, one source) and
  // MCL 445.72: "HIPAA covered entities". Discovery 2026-03-02 09:00 CST; "immediately following discovery" is shown as
  // due by the end of that day.
  const byJurisdiction = { 'US-WI': 400, 'US-OH': 400, 'US-MI': 400 };
  const facts = (role: 'covered_entity' | 'business_associate') =>
    makeIncident({ discoveredAt: DISCOVERED, organization: { role }, affected: { total: 1200, byJurisdiction }, dataCategories: ['name', 'ssn'] });

  it.each(['OH', 'MI'])('US-%s: a business associate still owes the data owner, immediately', (state) => {
    expect(find(compute(facts('business_associate'), NOW), `US-${state}-BREACH:owner`)).toMatchObject({ status: 'overdue', kind: 'immediate', dueAt: '2026-03-02T23:59:59.999-06:00' });
  });

  it.each(['WI', 'OH', 'MI'])('US-%s: a covered entity is outside the statute, and told why', (state) => {
    const o = find(compute(facts('covered_entity'), NOW), `US-${state}-BREACH:individuals`);
    expect(o.status).toBe('not_applicable');
    expect(o.basis).toMatch(/does not apply to a HIPAA-regulated covered entity/);
  });
});

describe('a deeming clause that names business associates (IL, PA, ND): the vendor’s notice to the owner stays owed, with the doubt said', () => {
  // 815 ILCS 530/50, 73 P.S. 2305c, N.D.C.C. 51-30-06 deem a HIPAA covered entity or business associate complying with
  // HIPAA to comply; the December 2026 review reads deeming as covering the notice to residents, so the owner notice
  // ("immediately following discovery": Mar 2, by the end of the day) is shown as owed and the doubt goes with it.
  const list = compute(makeIncident({ discoveredAt: DISCOVERED, organization: { role: 'business_associate' }, affected: { total: 1200, byJurisdiction: { 'US-IL': 400, 'US-PA': 400, 'US-ND': 400 } }, dataCategories: ['name', 'ssn'] }), NOW);

  it.each(['IL', 'PA', 'ND'])('US-%s', (state) => {
    const o = find(list, `US-${state}-BREACH:owner`);
    expect(o).toMatchObject({ status: 'overdue', kind: 'immediate', dueAt: '2026-03-02T23:59:59.999-06:00' });
    expect(o.caveats.join(' ')).toMatch(/whether that covers a business associate's notice to the data owner is not settled, so it is shown as owed/);
  });
});

describe('never silent', () => {
  it('residents of Guam and the Virgin Islands, whose rules hold only the owner’s notices: a vendor is told nothing is encoded for it', () => {
    for (const role of ['business_associate', 'processor'] as const) {
      const list = compute(makeIncident({ organization: { role }, affected: { total: 30, byJurisdiction: { 'US-GU': 10, 'US-VI': 12, 'US-TX': 8 } } }), '2025-02-21T00:00:00Z');
      for (const [code, who, citation] of [['US-GU', '10 affected residents of US-GU', '9 G.C.A. ch. 48'], ['US-VI', '12 affected residents of US-VI', '14 V.I.C. 2208-2209']] as const) {
        const o = find(list, `${code}:not_covered`);
        expect(o).toMatchObject({ status: 'not_covered', kind: 'none_fixed', dueAt: null, verification: 'unverified', jurisdiction: code });
        expect(o.basis).toContain(`${who}: breachdesk's ${code} rule (${citation}) holds no notice for a ${role === 'processor' ? 'processor' : 'business associate'}`);
      }
      // Texas has a vendor-to-owner notice: its own rule speaks, nothing to flag.
      expect(find(list, 'US-TX-BREACH:owner').status).not.toBe('not_applicable');
      expect(ids(list)).not.toContain('US-TX:not_covered');
    }
  });

  it('a covered entity with residents of Guam gets Guam’s own notice, no not-covered line', () => {
    const list = compute(makeIncident({ affected: { total: 10, byJurisdiction: { 'US-GU': 10 } } }), '2025-02-21T00:00:00Z');
    expect(find(list, 'US-GU-BREACH:individuals').status).not.toBe('not_covered');
    expect(ids(list)).not.toContain('US-GU:not_covered');
  });

  it('affected residents of a jurisdiction with no rule (American Samoa) and of a country with none (Japan) → not_covered', () => {
    const list = compute(makeIncident({ affected: { total: 30, byJurisdiction: { 'US-TX': 10, 'US-AS': 12, JP: 8 } } }), '2025-02-21T00:00:00Z');
    for (const [id, who] of [['US-AS:not_covered', '12 affected residents of US-AS'], ['JP:not_covered', '8 affected residents of JP']] as const) {
      const o = find(list, id);
      expect(o).toMatchObject({ status: 'not_covered', kind: 'none_fixed', dueAt: null, verification: 'unverified' });
      expect(o.basis).toMatch(new RegExp(`^${who}: breachdesk does not know the breach-notification rules`));
    }
    expect(ids(list)).not.toContain('US-TX:not_covered');
  });

  it('an organization based in a country with no rules is named too', () => {
    const list = compute(makeIncident({ organization: { country: 'BR', role: 'controller', timezone: 'America/Sao_Paulo' }, affected: { total: 5, byJurisdiction: { BR: 5 } } }), '2025-02-21T00:00:00Z');
    expect(find(list, 'BR:not_covered').status).toBe('not_covered');
  });

  it('a time zone that was assumed, not given: day-counted deadlines need the fact', () => {
    const o = find(compute(makeIncident({ organization: { timezoneAssumed: true } }), '2025-02-21T00:00:00Z'), 'US-HIPAA-164.404-INDIVIDUALS');
    expect(o.status).toBe('needs_facts');
    expect(o.basis).toMatch(/time zone was not given \(America\/Chicago assumed\)/);
  });
});

describe('GDPR Art. 33(2): a controller becomes aware when its processor tells it, whatever the HIPAA agent flag says', () => {
  it('an "agent" processor that found the breach earlier does not move the CNIL clock to its own discovery', () => {
    const incident = makeIncident({
      organization: { role: 'controller', country: 'FR', timezone: 'Europe/Paris', frHealthEstablishment: false },
      discoveredAt: '2025-03-10T09:00:00+01:00',
      affected: { total: 10, byJurisdiction: { FR: 10 } },
      vendor: { name: 'Hosting SA', role: 'processor', isAgent: true, discoveredAt: '2025-03-01T09:00:00+01:00', notifiedUsAt: '2025-03-05T09:00:00+01:00' },
    });
    // Processor's notice 2025-03-05 09:00 (earlier than our own awareness on 03-10) + 72 h = 2025-03-08 09:00.
    const o = find(compute(incident, '2025-03-06T00:00:00Z'), 'FR-CNIL-GDPR-33');
    expect(o.dueAt).toBe('2025-03-08T09:00:00.000+01:00');
    expect(o.trigger).toEqual({ event: 'notice from Hosting SA', at: '2025-03-05T09:00:00+01:00' });
  });
});

describe('never silent about people whose US State is unknown', () => {
  it('asks for the breakdown once, for every State law (not only the HIPAA media fan-out)', () => {
    // 40 of 100 affected individuals are assigned to no jurisdiction.
    const list = compute(makeIncident({ affected: { total: 100, byJurisdiction: { 'US-TX': 60 } } }), '2025-02-21T00:00:00Z');
    const o = find(list, 'US:state_unknown');
    expect(o).toMatchObject({ status: 'needs_facts', dueAt: null });
    expect(o.basis).toMatch(/^40 affected individuals have no recorded US State/);
    expect(ids(compute(makeIncident(), '2025-02-21T00:00:00Z'))).not.toContain('US:state_unknown');
  });
});

describe('never silently UTC', () => {
  it('a bare UTC zone (the BREACHDESK_TIMEZONE default) asks for the zone; Etc/UTC is taken as chosen', () => {
    const utc = find(compute(makeIncident({ organization: { timezone: 'UTC' } }), '2025-02-21T00:00:00Z'), 'US-HIPAA-164.404-INDIVIDUALS');
    expect(utc.status).toBe('needs_facts');
    expect(utc.basis).toMatch(/time zone was not given \(UTC assumed\).*Etc\/UTC if UTC is meant/);
    expect(find(compute(makeIncident({ organization: { timezone: 'Etc/UTC' } }), '2025-02-21T00:00:00Z'), 'US-HIPAA-164.404-INDIVIDUALS').status).toBe('pending');
  });

  it('an hour-counted clock needs the zone too: the discovery was typed in it (CNIL, 72 hours; the "sans délai" same-day ones)', () => {
    // A French hospital opened without --tz: "2026-06-10 09:00" was read as 09:00 UTC; in Paris (CEST, +02:00) the same
    // words are 07:00 UTC, and 72 hours later is 2026-06-13 07:00 UTC, two hours before what UTC gives.
    const hospital = (timezone: string, timezoneAssumed: boolean) =>
      makeIncident({ discoveredAt: '2026-06-10T09:00:00Z', organization: { country: 'FR', role: 'controller', timezone, timezoneAssumed, frHealthEstablishment: true }, affected: { total: 3000, byJurisdiction: { FR: 3000 } } });
    const now = '2026-06-10T12:00:00Z';
    const cnil = find(compute(hospital('UTC', true), now), 'FR-CNIL-GDPR-33');
    expect(cnil).toMatchObject({ status: 'needs_facts', kind: 'instant', dueAt: '2026-06-13T09:00:00.000+00:00' });
    expect(cnil.basis).toMatch(/^the organization's time zone was not given \(UTC assumed\): a time typed without an offset was read in UTC/);
    expect(find(compute(hospital('UTC', true), now), 'FR-CSP-L1111-8-2-SSI')).toMatchObject({ status: 'needs_facts', kind: 'immediate' });
    // Given (Europe/Paris), nothing is assumed: the instant stands as recorded.
    expect(find(compute(hospital('Europe/Paris', false), now), 'FR-CNIL-GDPR-33')).toMatchObject({ status: 'pending', dueAt: '2026-06-13T11:00:00.000+02:00' });
  });
});
