// 42 CFR Part 2 programs that are not HIPAA covered entities: 2.16(b) (2024 rule, 89 FR 12472) applies 45 CFR part 160
// and subpart D of part 164 to "Part 2 programs" for breaches of unsecured Part 2 records "in the same manner" as to
// covered entities: patients (164.404), HHS (164.408), media (164.406). Nothing in the reference text gives lawful
// holders or qualified service organizations a 2.16(b) notice of their own, so none is invented for them.
import { describe, expect, it } from 'vitest';
import { compute, find, ids, makeIncident } from './helpers.ts';
import { draftNotice } from '../../bot/drafts/draft-notice.ts';

// Discovery Mon 2026-03-02 09:00 CST (after the 2026-02-16 compliance date).
// 164.404(b) "in no case later than 60 calendar days after discovery": Mar 2 + 29 = Mar 31, + 30 = Apr 30, + 1 = May 1.
const DISCOVERED = '2026-03-02T09:00:00-06:00';
const DUE = '2026-05-01';
const NOW = '2026-03-03T12:00:00Z';
const PART2 = ['US-42CFR2-2.16-INDIVIDUALS', 'US-42CFR2-2.16-HHS', 'US-42CFR2-2.16-MEDIA:US-TX'];

type Role = 'controller' | 'business_associate' | 'processor' | 'phr_vendor';
const program = (role: Role, patch: Parameters<typeof makeIncident>[0] = {}) =>
  makeIncident({
    discoveredAt: DISCOVERED,
    // Not a HIPAA entity: no PHI in the HIPAA sense, yet Part 2 records were breached.
    phiInvolved: false,
    dataCategories: ['name', 'part2_records'],
    affected: { total: 600, byJurisdiction: { 'US-TX': 600 } },
    ...patch,
    organization: { role, part2Program: true, ...patch.organization },
  });

describe('a Part 2 program that is not a HIPAA covered entity owes the 2.16(b) notices', () => {
  it.each(['controller', 'business_associate', 'processor', 'phr_vendor'] as const)('%s flagged as a Part 2 program: patients, HHS and Texas media by 2026-05-01', (role) => {
    const list = compute(program(role), NOW);
    for (const id of PART2) {
      expect(find(list, id), id).toMatchObject({ status: 'pending', dueDate: DUE, dueAt: `${DUE}T23:59:59.999-05:00`, verification: 'verified_secondary' });
    }
    // The HIPAA covered-entity notices stay out: the organization is not a covered entity.
    expect(ids(list).filter((id) => /^US-HIPAA-164\.40[468]/.test(id))).toEqual([]);
    expect(find(list, 'US-42CFR2-2.16-INDIVIDUALS').basis).toMatch(/a Part 2 program \(organization\.part2Program\)/);
  });

  it('HHS: filed as a Part 2 breach on the OCR portal, separately from HIPAA (OCR accepts them since 2026-02-16)', () => {
    const hhs = find(compute(program('controller'), NOW), 'US-42CFR2-2.16-HHS');
    expect(hhs.recipient).toMatch(/filed as a Part 2 breach, separately from HIPAA reports/);
    expect(hhs.filing?.form).toMatch(/42 CFR Part 2 Breach/);
    expect(hhs.caveats.join(' ')).toMatch(/filed with HHS separately from any HIPAA breach report/);
  });

  it('fewer than 500 patients: HHS log within 60 days after the end of 2026 → 2027-03-01; 500 Texans (not > 500): no media notice', () => {
    // Dec 31 2026 + 60: Jan 31 (31 days), Feb 28 (28 more, 2027 is not a leap year) = 59, + 1 = Mar 1 2027.
    const small = compute(program('controller', { affected: { total: 40, byJurisdiction: { 'US-TX': 40 } } }), NOW);
    expect(find(small, 'US-42CFR2-2.16-HHS').dueDate).toBe('2027-03-01');
    expect(find(small, 'US-42CFR2-2.16-MEDIA:US-TX').status).toBe('not_applicable');
    // Exactly 500 Texans: 164.408 "500 or more" → HHS with the patients' notice (2026-05-01); 164.406 "more than 500": no media.
    const boundary = compute(program('controller', { affected: { total: 500, byJurisdiction: { 'US-TX': 500 } } }), NOW);
    expect(find(boundary, 'US-42CFR2-2.16-HHS').dueDate).toBe(DUE);
    expect(find(boundary, 'US-42CFR2-2.16-MEDIA:US-TX').status).toBe('not_applicable');
    // 501 Texans: more than 500 → media by 2026-05-01.
    const over = compute(program('controller', { affected: { total: 501, byJurisdiction: { 'US-TX': 501 } } }), NOW);
    expect(find(over, 'US-42CFR2-2.16-MEDIA:US-TX')).toMatchObject({ status: 'pending', dueDate: DUE });
  });

  it('the same 164.412 law-enforcement delay applies "in the same manner": oral statement 2026-03-10 → tolled to 2026-04-09', () => {
    // Oral statement Tue 2026-03-10: at most 30 days → end of 2026-04-09; upper bound 2026-05-01 + 30 = 2026-05-31.
    const delay = { form: 'oral' as const, agency: 'FBI', official: 'SA Doe', statedAt: '2026-03-10T10:00:00-05:00', until: null };
    const o = find(compute(program('controller', { lawEnforcementDelays: [delay] }), '2026-03-12T12:00:00Z'), 'US-42CFR2-2.16-INDIVIDUALS');
    expect(o).toMatchObject({ status: 'tolled', dueDate: '2026-05-31', tolledUntil: '2026-04-09T23:59:59.999-05:00' });
  });
});

describe('whether the organization is a Part 2 program is unknown: needs facts, whatever its HIPAA role', () => {
  it.each(['controller', 'business_associate', 'processor'] as const)('%s with SUD treatment records and part2Program unanswered: needs facts, clock shown', (role) => {
    const list = compute(program(role, { organization: { part2Program: null }, dataCategories: ['name', 'sud_treatment'] }), NOW);
    for (const id of PART2) expect(find(list, id), id).toMatchObject({ status: 'needs_facts', dueDate: DUE });
    const basis = find(list, 'US-42CFR2-2.16-INDIVIDUALS').basis;
    // Lawful holders and QSOs: the text gives them no 2.16(b) notice, and breachdesk says so instead of inventing one.
    expect(basis).toMatch(/a lawful holder or a qualified service organization holding a program's records is not given it by 2\.16\(b\)/);
    expect(basis).toMatch(/set BR-1 part2 yes\|no/);
    expect(basis).toMatch(/if it applies, 60 calendar days after discovery on 2026-03-02/);
  });

  it('no data categories recorded and part2Program unanswered, not a covered entity: asked too', () => {
    const list = compute(program('controller', { organization: { part2Program: null }, dataCategories: [] }), NOW);
    for (const id of PART2) expect(find(list, id), id).toMatchObject({ status: 'needs_facts', dueDate: DUE });
    expect(find(list, PART2[0]!).basis).toMatch(/^not answered yet whether the organization is a 42 CFR Part 2 program/);
  });

  it('negative cases: part2Program no, a recorded list without Part 2 data, or discovery before 2026-02-16 → no Part 2 notice owed', () => {
    // A qualified service organization (here a processor) holding a program's Part 2 records, not a program itself:
    // each notice not applicable, saying why; nothing invented for the QSO.
    const qso = compute(program('processor', { organization: { part2Program: false } }), NOW);
    for (const id of PART2) expect(find(qso, id), id).toMatchObject({ status: 'not_applicable', dueDate: null, dueAt: null });
    expect(find(qso, PART2[0]!).basis).toMatch(/a lawful holder or a qualified service organization holding a program's records is not given one by 2\.16\(b\)/);
    expect(ids(qso).filter((id) => id.startsWith('US-42CFR2'))).toEqual(PART2.slice().sort());
    expect(ids(compute(program('controller', { organization: { part2Program: null }, dataCategories: ['name', 'ssn'] }), NOW)).filter((id) => id.startsWith('US-42CFR2'))).toEqual([]);
    // Discovered Fri 2026-02-13: before the compliance date, so 2.16(b) as amended did not yet require notices.
    const early = find(compute(program('controller', { discoveredAt: '2026-02-13T09:00:00-06:00' }), NOW), 'US-42CFR2-2.16-INDIVIDUALS');
    expect(early.status).toBe('not_applicable');
  });

  it('in French, the question keeps its no-break space before the colon', () => {
    const list = compute(program('controller', { organization: { part2Program: null }, dataCategories: ['sud_treatment'] }), NOW, { lang: 'fr' });
    const basis = find(list, 'US-42CFR2-2.16-INDIVIDUALS').basis;
    expect(basis).toMatch(/si l’organisme est lui-même un programme 42 CFR Part 2 \(organization\.part2Program\u00a0: set BR-1 part2 oui\|non\), à qui le 42 CFR 2\.16\(b\)/);
    expect(basis).not.toMatch(/not answered/);
  });
});

describe('the HHS field sheet of a Part 2 breach', () => {
  it('names the Part 2 form and the program (not a covered entity), and reads the patients notice date', () => {
    const incident = program('controller', { notices: [{ obligation: 'US-42CFR2-2.16-INDIVIDUALS', sentAt: '2026-03-20T10:00:00-05:00' }] });
    const o = find(compute(incident, '2026-03-21T12:00:00Z'), 'US-42CFR2-2.16-HHS');
    const text = draftNotice(incident, o, 'en', new Date('2026-03-21T12:00:00Z'))!.text;
    expect(text).toMatch(/Form: 42 CFR Part 2 breach \(filed separately from any HIPAA breach report\)/);
    expect(text).toMatch(/Section 1 - Part 2 program\n {2}Name: Test Hospital/);
    expect(text).not.toMatch(/health plan, health-care provider or clearinghouse/);
    expect(text).toMatch(/Date individual notice provided: March 20, 2026/);
  });
});
