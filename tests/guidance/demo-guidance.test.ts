// For every obligation of the two demo incidents: where and how to file, a draft with every required element
// (or a placeholder naming the missing fact), and a useful `next` list.
import { describe, expect, it } from 'vitest';
import { demoIncidents } from '../../adapters/demo-data.ts';
import { createTestBot } from '../helpers/test-bot.ts';

const NOW = new Date('2025-03-01T12:00:00Z');

async function demoBot() {
  const t = createTestBot(NOW.toISOString());
  for (const build of demoIncidents(NOW)) await t.store.create(build);
  const say = (text: string) => t.bot.handle({ text, actor: { id: 'U1', name: 'Sam' }, platform: 'slack' });
  return { ...t, say };
}

describe('guidance on the demo incidents', () => {
  it.each(['BR-1', 'BR-2'])('every owed obligation of %s has filing guidance and a draft', async (id) => {
    const { say } = await demoBot();
    const rows = JSON.parse((await say(`deadlines ${id} --json`)).text) as { obligation: string; status: string; filing?: { to: string; method: string; content: string[]; verification: string } }[];
    const owed = rows.filter((r) => r.status !== 'not_applicable');
    expect(owed.length).toBeGreaterThan(2);
    for (const row of owed) {
      expect(row.filing, `${row.obligation} has no filing guidance`).toBeDefined();
      expect(row.filing!.content.length).toBeGreaterThan(0);
      expect(['verified_primary_text', 'verified_secondary', 'unverified']).toContain(row.filing!.verification);
      const drafted = await say(`draft ${id} ${row.obligation}`);
      expect(drafted.outcome, `${row.obligation}: ${drafted.text}`).toBe('ok');
      expect(drafted.text).toMatch(/Where:|Où\u00a0:/);
    }
  });

  it('next for the US demo: deadlines, drafts to write, and plan tasks including the vendor report', async () => {
    const { say } = await demoBot();
    const reply = await say('next BR-1');
    expect(reply.text).toContain('Next deadlines');
    expect(reply.text).toContain('draft BR-1 US-HIPAA-164.404-INDIVIDUALS');
    expect(reply.text).toContain("Request the vendor's written incident report");
    expect(reply.text).toContain('task done BR-1 preserve-evidence');
  });

  it('next for the French demo is in French, with the ARS declaration, the police complaint and the CNIL draft', async () => {
    const { say } = await demoBot();
    const reply = await say('next BR-2');
    expect(reply.text).toContain('À faire');
    expect(reply.text).toContain('Déposer plainte');
    expect(reply.text).toContain('draft BR-2 FR-CNIL-GDPR-33');
    expect(reply.text).toContain('Signaler à l’ARS / CERT Santé');
    // The task count reads as the other headings do, without « tâche(s) ».
    expect(reply.text).toMatch(/Tâches ouvertes du plan de réponse \(\d+\)/);
    expect(reply.text).not.toContain('(s)');
    // Countdowns and dates in French too (the CNIL clock is 72 hours from awareness: still running at NOW).
    expect(reply.text).not.toMatch(/overdue by|\bin \d+ (day|hour)/);
  });

  it('a task marked done goes on the timeline, leaves next, and shows in the summary count', async () => {
    const { say, store } = await demoBot();
    const before = await say('summary BR-1');
    const count = Number(/Open tasks \((\d+)\)/.exec(before.text)![1]);
    expect((await say('task done BR-1 preserve')).outcome).toBe('ok');
    expect((await store.get('BR-1'))!.timeline.at(-1)).toMatchObject({ action: 'task.done', actor: { id: 'U1' } });
    expect((await say('next BR-1')).text).not.toContain('task done BR-1 preserve-evidence');
    expect((await say('summary BR-1')).text).toContain(`Open tasks (${count - 1})`);
    expect((await say('task done BR-1 preserve-evidence')).outcome).toBe('refused');
    const added = await say('task add BR-1 Call the hospital foundation');
    expect(added.text).toContain('TASK-1');
    expect((await say('next BR-1')).text).toContain('Call the hospital foundation');
  });
});

describe('filing guidance for the French OSE declaration', () => {
  it('is the NIS1 declaration to ANSSI (décret 2018-384 art. 11), not the staged NIS2 notices', async () => {
    const { say } = await demoBot();
    const rows = JSON.parse((await say('deadlines BR-2 --json')).text) as { obligation: string; status: string; filing?: { to: string; method: string; content: string[] } }[];
    const anssi = rows.find((r) => r.obligation === 'FR-NIS1-OSE-ANSSI')!;
    // The demo hospital has not said whether it is an opérateur de services essentiels.
    expect(anssi.status).toBe('needs_facts');
    expect(anssi.filing!.to).toMatch(/^ANSSI/);
    expect(anssi.filing!.method).toMatch(/décret n° 2018-384 art\. 11/);
    expect(anssi.filing!.content.join(' ')).not.toMatch(/Early warning|Art\. 23/);
  });
});
