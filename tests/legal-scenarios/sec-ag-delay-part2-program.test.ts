// Through the commands, as a user: a US SUD treatment program that is not a HIPAA covered entity (42 CFR 2.16(b)) and
// an SEC registrant whose 8-K is delayed by the US Attorney General (Form 8-K Item 1.05(c)), never by the FBI.
import { describe, expect, it } from 'vitest';
import { runScenario, usFacts, type Row } from './run-scenario.ts';

// Discovery Mon 2026-03-02 09:00 CST. Materiality determined Tue 2026-03-03 10:00 CST: 4 business days
// Wed 03-04 (1), Thu 03-05 (2), Fri 03-06 (3), Mon 2026-03-09 (4) (no federal holiday). Chicago is on CDT from 2026-03-08.
// Part 2 (2.16(b) → 164.404/406/408): discovery + 60 = Mar 2 + 29 = Mar 31, + 30 = Apr 30, + 1 = 2026-05-01.
const NOW = '2026-03-04T12:00:00Z';
const SEC = 'US-SEC-8K-1.05';
const facts = (patch: Record<string, unknown> = {}) => usFacts({
  materialityDeterminedAt: '2026-03-03T10:00:00-06:00',
  phiInvolved: false,
  dataCategories: ['name', 'part2_records'],
  affected: { total: 600, byJurisdiction: { 'US-TX': 600 } },
  ...patch,
  organization: { role: 'controller', secRegistrant: true, part2Program: true },
});
const rowsOf = async (say: (t: string) => Promise<{ text: string }>) => JSON.parse((await say('deadlines BR-1 --json')).text) as Row[];
const row = (rows: Row[], id: string) => rows.find((r) => r.obligation === id)!;

describe('a Part 2 program that is not a covered entity, imported', () => {
  it('gets patients, HHS (Part 2 form) and Texas media by 2026-05-01, and next and summary list them', async () => {
    const { rows, say } = await runScenario(facts(), NOW);
    for (const id of ['US-42CFR2-2.16-INDIVIDUALS', 'US-42CFR2-2.16-HHS', 'US-42CFR2-2.16-MEDIA:US-TX']) {
      expect(row(rows, id), id).toMatchObject({ status: 'pending', dueDate: '2026-05-01', verification: 'verified_secondary' });
    }
    expect(row(rows, 'US-42CFR2-2.16-HHS').filing?.portal).toBe('https://ocrportal.hhs.gov/ocr/breach');
    expect(rows.map((r) => r.obligation)).not.toContain('US-HIPAA-164.404-INDIVIDUALS');
    expect((await say('next BR-1')).text).toMatch(/each patient whose Part 2 records were breached · 42 CFR 2\.16\(b\); 45 CFR 164\.404/);
    expect((await say('summary BR-1')).text).toMatch(/HHS Secretary \(OCR breach portal, filed as a Part 2 breach, separately from HIPAA reports\): due 2026-05-01/);
  });

  it('the program question unanswered with SUD records: needs facts in deadlines, answered by set part2 yes', async () => {
    const { say } = await runScenario({ ...facts(), organization: { name: 'Scenario Program', role: 'controller', country: 'US', timezone: 'America/Chicago', secRegistrant: true } }, NOW);
    expect(row(await rowsOf(say), 'US-42CFR2-2.16-INDIVIDUALS')).toMatchObject({ status: 'needs_facts', dueDate: '2026-05-01' });
    await say('set BR-1 part2 yes');
    expect(row(await rowsOf(say), 'US-42CFR2-2.16-INDIVIDUALS')).toMatchObject({ status: 'pending', dueDate: '2026-05-01' });
  });
});

describe('Form 8-K Item 1.05(c) through the delay command', () => {
  it('an FBI written request does not move the 8-K (still 2026-03-09); the confirmation says the SEC clock keeps running', async () => {
    const { say } = await runScenario(facts(), NOW);
    const reply = await say('delay BR-1 --written --agency FBI --official "SAC Roe" --at 2026-03-04T05:00 --until 2026-04-30');
    expect(reply.text).toMatch(/SEC clocks/);
    expect(row(await rowsOf(say), SEC)).toMatchObject({ status: 'due_soon', dueDate: '2026-03-09' });
  });

  it('the Attorney General\'s initial delay to 2026-04-08 (2026-03-09 + 30: Mar 9 + 22 = Mar 31, + 8 = Apr 8) moves it there', async () => {
    const { say } = await runScenario(facts(), NOW);
    const reply = await say('delay BR-1 --written --agency "US Department of Justice" --official "Attorney General" --sec initial --at 2026-03-04T05:00 --until 2026-04-08');
    expect(reply.text).toMatch(/the 8-K \(US-SEC-8K-1\.05\) is now due 2026-04-08 23:59 CDT/);
    expect(reply.text).toMatch(/delays the Form 8-K only/);
    const rows = await rowsOf(say);
    expect(row(rows, SEC)).toMatchObject({ status: 'pending', dueDate: '2026-04-08', dueAt: '2026-04-08T23:59:59.999-05:00' });
    // The Part 2 notices are not moved by the AG's 8-K determination.
    expect(row(rows, 'US-42CFR2-2.16-INDIVIDUALS')).toMatchObject({ status: 'pending', dueDate: '2026-05-01' });
    expect((await say('show BR-1')).text).toMatch(/Form 8-K Item 1\.05\(c\): Attorney General, initial delay \(delays the 8-K only\)/);
  });

  it('without --until: the 8-K needs facts at its undelayed 2026-03-09; --sec with --oral or an unknown step is refused', async () => {
    const { say } = await runScenario(facts(), NOW);
    const reply = await say('delay BR-1 --written --agency "US Department of Justice" --official "Attorney General" --sec initial --at 2026-03-04T05:00');
    expect(reply.text).toMatch(/no end recorded, so the 8-K \(US-SEC-8K-1\.05\) shows its undelayed deadline 2026-03-09 23:59 CDT and needs facts/);
    expect(row(await rowsOf(say), SEC)).toMatchObject({ status: 'needs_facts', dueDate: '2026-03-09' });
    expect((await say('delay BR-1 --oral --agency DOJ --official AG --sec initial')).outcome).toBe('usage');
    expect((await say('delay BR-1 --written --agency DOJ --official AG --sec later')).outcome).toBe('usage');
  });

  it('imported with secItem105c, and a wrong step is refused by name', async () => {
    const delay = { form: 'written', agency: 'US Department of Justice', official: 'Attorney General', statedAt: '2026-03-04T05:00:00-06:00', until: '2026-04-08T23:00:00-05:00', secItem105c: 'initial' };
    const { rows } = await runScenario(facts({ lawEnforcementDelays: [delay] }), NOW);
    expect(row(rows, SEC)).toMatchObject({ dueDate: '2026-04-08' });
    await expect(runScenario(facts({ lawEnforcementDelays: [{ ...delay, secItem105c: 'forever' }] }), NOW)).rejects.toThrow(/secItem105c/);
  });
});
