// State laws and HIPAA entities (exempt / deemed / no carve-out), personal-information definitions and encryption.
import { describe, expect, it } from 'vitest';
import { categoryOf, readCategories } from '../../bot/model/data-categories.ts';
import { compute, find, makeIncident } from './helpers.ts';

// A hospital (HIPAA covered entity) with unsecured PHI; discovery Monday 2026-03-02 09:00 CST.
// HIPAA individual notice: 60 days after discovery = Mar 2 + 29 = Mar 31, + 30 = Apr 30, + 1 = 2026-05-01.
const NOW = '2026-03-03T12:00:00Z';
const hospital = (code: string, patch: Parameters<typeof makeIncident>[0] = {}) =>
  makeIncident({
    discoveredAt: '2026-03-02T09:00:00-06:00',
    affected: { total: 1500, byJurisdiction: { [code]: 1500 } },
    dataCategories: ['name', 'dob', 'diagnosis'],
    ...patch,
  });

describe('HIPAA treatment per state', () => {
  it.each([
    ['US-AZ', /A\.R\.S\. 18-552/], // statute does not apply to a HIPAA CE/BA that complies with HIPAA
    ['US-NM', /57-12C-8/], // act does not apply to persons subject to HIPAA
    ['US-TN', /47-18-2107/], // section does not apply to entities subject to HIPAA (2016 amendment)
    ['US-WI', /134\.98/], // health plans and providers complying with 45 CFR 164
    ['US-IA', /715C\.2/], // HIPAA-compliant entities exempt since 2019-01-01
    ['US-KY', /365\.732/], // does not apply to persons subject to HIPAA
  ])('%s exempts a HIPAA covered entity, and binds an organization outside HIPAA', (code, citation) => {
    // With an SSN in the breach: these definitions (e.g. Iowa Code 715C.1(11), KRS 365.732(1)(c)) leave medical data out,
    // so name + diagnosis alone would be not applicable for that reason instead.
    const ssn = { dataCategories: ['name', 'ssn', 'diagnosis'] };
    const own = find(compute(hospital(code, ssn), NOW), `${code}-BREACH:individuals`);
    expect(own.status).toBe('not_applicable');
    expect(own.basis).toMatch(/does not apply to a HIPAA-regulated covered entity/);
    expect(own.basis).toMatch(citation);
    expect(find(compute(hospital(code, { ...ssn, organization: { role: 'controller' } }), NOW), `${code}-BREACH:individuals`).status).toBe('pending');
  });

  it('deemed (CT): the HIPAA notice satisfies the notice to residents; the AG is still owed, no later than residents', () => {
    const list = compute(hospital('US-CT'), NOW);
    const own = find(list, 'US-CT-BREACH:individuals');
    expect(own.status).toBe('not_applicable');
    expect(own.basis).toMatch(/HIPAA-compliant notice \(US-HIPAA-164\.404-INDIVIDUALS\) is deemed to satisfy/);
    // Residents are told through the HIPAA notice, due 2026-05-01: the AG notice is due no later than that.
    expect(find(list, 'US-CT-BREACH:attorney_general')).toMatchObject({ status: 'pending', dueDate: '2026-05-01' });
  });

  it('deemed needs PHI: a breach of employee data (phiInvolved false) owes the CT notice to residents in full', () => {
    const o = find(compute(hospital('US-CT', { phiInvolved: false, dataCategories: ['name', 'ssn'] }), NOW), 'US-CT-BREACH:individuals');
    expect(o).toMatchObject({ status: 'pending', dueDate: '2026-05-01' });
    expect(o.basis).toMatch(/no PHI involved/);
  });

  it('IL: deemed for the Act when the AG gets a copy within 5 business days of the HHS notice', () => {
    // HHS notice sent Thu 2026-04-30: Fri May 1 (1), Mon 4 (2), Tue 5 (3), Wed 6 (4), Thu 7 (5) → 2026-05-07.
    const notices = [{ obligation: 'US-HIPAA-164.408-HHS-500PLUS', sentAt: '2026-04-30T10:00:00-05:00' }];
    const list = compute(hospital('US-IL', { notices }), '2026-05-01T12:00:00Z');
    expect(find(list, 'US-IL-BREACH:hhs_copy')).toMatchObject({ status: 'due_soon', dueDate: '2026-05-07' });
    expect(find(list, 'US-IL-BREACH:individuals').status).toBe('not_applicable');
    expect(find(list, 'US-IL-BREACH:attorney_general').status).toBe('not_applicable');
  });

  it('WA: a covered entity with PHI owes the AG on the HITECH 60-day timeline, not 30 days (RCW 19.255.030(1))', () => {
    const list = compute(hospital('US-WA'), NOW);
    expect(find(list, 'US-WA-BREACH:attorney_general')).toMatchObject({ status: 'pending', dueDate: '2026-05-01' });
    expect(find(list, 'US-WA-BREACH:attorney_general').basis).toMatch(/HITECH \(60-day\) timeline/);
    expect(find(list, 'US-WA-BREACH:individuals').status).toBe('not_applicable');
    // Outside HIPAA: 30 days → 2026-04-01.
    expect(find(compute(hospital('US-WA', { organization: { role: 'controller' } }), NOW), 'US-WA-BREACH:attorney_general').dueDate).toBe('2026-04-01');
  });

  it('WA: the carve-out covers covered entities, not business associates: a BA tells the owner immediately (19.255.010(2))', () => {
    const o = find(compute(hospital('US-WA', { organization: { role: 'business_associate' } }), NOW), 'US-WA-BREACH:owner');
    expect(o).toMatchObject({ kind: 'immediate', dueAt: '2026-03-02T23:59:59.999-06:00', citation: 'RCW 19.255.010(2)' });
  });

  it('no carve-out (TX, NJ): the notices are owed in full by a hospital', () => {
    // TX: 60 days after determination (counted from discovery when none is recorded) → 2026-05-01.
    expect(find(compute(hospital('US-TX'), NOW), 'US-TX-BREACH:individuals')).toMatchObject({ status: 'pending', dueDate: '2026-05-01' });
    // NJ: N.J.S.A. 56:8-161 counts name + SSN (not medical data) as personal information, so the breach here includes an SSN.
    expect(find(compute(hospital('US-NJ', { dataCategories: ['name', 'ssn', 'diagnosis'] }), NOW), 'US-NJ-BREACH:individuals').status).toBe('pending');
  });

  it('OH and MD keep their doubt visible, with a lowered verification level', () => {
    const oh = find(compute(hospital('US-OH', { dataCategories: ['name', 'ssn'] }), NOW), 'US-OH-BREACH:individuals');
    expect(oh).toMatchObject({ status: 'not_applicable', verification: 'unverified' });
    expect(oh.basis).toMatch(/doubt/);
    const md = find(compute(hospital('US-MD'), NOW), 'US-MD-BREACH:attorney_general');
    expect(md.verification).toBe('unverified');
    expect(md.caveats.join(' ')).toMatch(/Doubt: whether the HIPAA deeming clause/);
  });
});

describe('personal-information definitions gate state obligations', () => {
  it.each(['US-MA', 'US-IN', 'US-LA', 'US-ME'])('%s excludes medical data: name + diagnosis owes no notice', (code) => {
    const list = compute(hospital(code, { organization: { role: 'controller' }, dataCategories: ['name', 'diagnosis'] }), NOW);
    const o = find(list, `${code}-BREACH:individuals`);
    expect(o.status).toBe('not_applicable');
    expect(o.basis).toMatch(/\(diagnosis, name\) is not personal information/);
    expect(find(compute(hospital(code, { organization: { role: 'controller' }, dataCategories: ['name', 'ssn'] }), NOW), `${code}-BREACH:individuals`).status).toBe('pending');
  });

  it('a state that counts medical data (TX) owes the notice for name + diagnosis', () => {
    const o = find(compute(hospital('US-TX', { dataCategories: ['Patient name', 'diagnoses'] }), NOW), 'US-TX-BREACH:individuals');
    expect(o.status).toBe('pending');
    expect(o.basis).toMatch(/name \+ diagnosis is personal information/);
  });

  it('an unrecognised category is kept and flagged: the definition cannot be checked, so the fact is asked', () => {
    const o = find(compute(hospital('US-IN', { organization: { role: 'controller' }, dataCategories: ['name', 'blood type'] }), NOW), 'US-IN-BREACH:individuals');
    expect(o.status).toBe('needs_facts');
    expect(o.basis).toMatch(/not recognised: "blood type" \(state definitions cannot be checked for it\)/);
  });

  it('no categories recorded: the notice is shown, with the assumption said', () => {
    const o = find(compute(hospital('US-IN', { organization: { role: 'controller' }, dataCategories: [] }), NOW), 'US-IN-BREACH:individuals');
    expect(o.status).toBe('pending');
    expect(o.basis).toMatch(/data categories not recorded/);
  });

  it('the vocabulary reads English and French aliases and keeps unknown words', () => {
    expect(['date of birth', 'Date de naissance', 'données de santé', 'numéro de sécurité sociale', 'Social Security Number', 'SUD treatment'].map(categoryOf)).toEqual(
      ['dob', 'dob', 'medical', 'nir', 'ssn', 'sud_treatment'],
    );
    expect(readCategories(['name', 'shoe size'])).toEqual({ known: new Set(['name']), unknown: ['shoe size'] });
  });
});

describe('encryption safe harbor, with and without the key', () => {
  it('encrypted and the key not taken: no TX notice and no HIPAA notice', () => {
    const list = compute(hospital('US-TX', { dataEncrypted: true, keyCompromised: false }), NOW);
    expect(find(list, 'US-TX-BREACH:individuals')).toMatchObject({ status: 'not_applicable' });
    expect(find(list, 'US-TX-BREACH:individuals').basis).toMatch(/encrypted and the key was not taken/);
    expect(find(list, 'US-HIPAA-164.404-INDIVIDUALS').status).toBe('not_applicable');
  });

  it('encrypted but the key was taken too (keyCompromised): both are owed', () => {
    const list = compute(hospital('US-TX', { dataEncrypted: true, keyCompromised: true }), NOW);
    expect(find(list, 'US-TX-BREACH:individuals')).toMatchObject({ status: 'pending', dueDate: '2026-05-01' });
    expect(find(list, 'US-TX-BREACH:individuals').basis).toMatch(/key or credentials were also taken/);
    expect(find(list, 'US-HIPAA-164.404-INDIVIDUALS')).toMatchObject({ status: 'pending', dueDate: '2026-05-01' });
  });
});
