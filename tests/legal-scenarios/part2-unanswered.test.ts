// A US organization (covered entity or not: 42 CFR 2.16(b) binds Part 2 programs) that has not said whether it is a
// Part 2 program and has recorded no data categories at all: nothing answers the question, so the 42 CFR 2.16(b)
// notices are asked, never silently absent. A recorded list without part2_records / sud_treatment answers it; a list
// with them does not (a lawful holder or qualified service organization holds such records without being a program).
import { describe, expect, it } from 'vitest';
import { runScenario, usFacts, type Row } from './run-scenario.ts';

// Discovery Mon 2026-03-02 09:00 CST, after the 2.16(b) compliance date (2026-02-16). 42 CFR 2.16(b) applies 45 CFR
// 164.404/406/408 "in the same manner": 60 days → Mar 2 + 29 = Mar 31, + 30 = Apr 30, + 1 = May 1 → 2026-05-01 (CDT).
const NOW = '2026-03-03T12:00:00Z';
const PART2 = ['US-42CFR2-2.16-INDIVIDUALS', 'US-42CFR2-2.16-HHS', 'US-42CFR2-2.16-MEDIA:US-TX'];
const facts = (patch: Record<string, unknown> = {}) => usFacts({ dataCategories: [], affected: { total: 600, byJurisdiction: { 'US-TX': 600 } }, ...patch });
const row = (rows: Row[], id: string) => rows.find((r) => r.obligation === id);

describe('42 CFR Part 2: program status unanswered and no data categories recorded', () => {
  it('the three Part 2 notices need facts, each with its running 60-day clock', async () => {
    const { rows } = await runScenario(facts(), NOW);
    for (const id of PART2) {
      const o = row(rows, id);
      // HHS: 600 ≥ 500, contemporaneously with the patients' notice, no later than 60 days; media: 600 Texans > 500.
      expect(o, id).toMatchObject({ status: 'needs_facts', dueDate: '2026-05-01', dueAt: '2026-05-01T23:59:59.999-05:00' });
      expect(o!.basis).toMatch(/^not answered yet whether the organization is a 42 CFR Part 2 program \(organization\.part2Program\), and no data categories are recorded/);
      expect(o!.basis).toMatch(/set BR-1 part2 yes\|no/);
      expect(o!.basis).toMatch(/if it applies, 60 calendar days after discovery on 2026-03-02/);
    }
  });

  it('a recorded category list without Part 2 data keeps them absent; part2 no leaves them out, as before; SUD data still asks; yes makes them owed', async () => {
    const listed = await runScenario(facts({ dataCategories: ['name', 'ssn'] }), NOW);
    for (const id of PART2) expect(row(listed.rows, id), id).toBeUndefined();

    const { say } = await runScenario(facts(), NOW);
    const individuals = async () => (JSON.parse((await say('deadlines BR-1 --json')).text) as Row[]).find((r) => r.obligation === PART2[0]);
    await say('set BR-1 part2 no');
    expect(await individuals()).toBeUndefined();
    await say('set BR-1 part2 unknown');
    expect(await individuals()).toMatchObject({ status: 'needs_facts', dueDate: '2026-05-01' });
    await say('set BR-1 data name, ssn');
    expect(await individuals()).toBeUndefined();
    // SUD treatment records breached: still needs facts (is the organization itself a program?), with the same clock.
    await say('set BR-1 data name, substance use disorder treatment');
    expect(await individuals()).toMatchObject({ status: 'needs_facts', dueDate: '2026-05-01' });
    await say('set BR-1 data name');
    await say('set BR-1 part2 yes');
    expect(await individuals()).toMatchObject({ status: 'pending', dueDate: '2026-05-01' });
  });

  it('not asked before the compliance date; asked of an organization that is not a covered entity too', async () => {
    // Discovered Fri 2026-02-13, before 2026-02-16: 2.16(b) as amended did not yet require these notices.
    const early = await runScenario(facts({ discoveredAt: '2026-02-13T09:00:00-06:00' }), NOW);
    for (const id of PART2) expect(row(early.rows, id), id).toBeUndefined();
    // 2.16(b) applies subpart D to "Part 2 programs", not to covered entities only: same question, same 2026-05-01 clock.
    for (const role of ['business_associate', 'controller'] as const) {
      const other = await runScenario(facts({ organization: { role } }), NOW);
      for (const id of PART2) expect(row(other.rows, id), `${role} ${id}`).toMatchObject({ status: 'needs_facts', dueDate: '2026-05-01' });
    }
  });

  it('in French: the question is said in French', async () => {
    const { say } = await runScenario(facts(), NOW);
    await say('lang fr');
    const text = (await say('deadlines BR-1 --only US-42CFR2-2.16-INDIVIDUALS')).text;
    expect(text).toMatch(/l’organisation est-elle un programme 42 CFR Part 2\u202f\? \(organization\.part2Program\)/);
    expect(text).toMatch(/aucune catégorie de données n’est enregistrée/);
    expect(text).not.toMatch(/not answered/);
  });
});
