// A title, a name or a CLI user that holds a line break could start a line that passes for another incident, timeline
// entry or access-log entry: one-line values refuse line breaks (LF, CR, U+2028, U+2029, U+0085), and a multi-line
// note's further lines are marked as its own in `show`.
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../adapters/cli/parse-cli.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const NOW = '2025-03-01T12:00:00Z';
const world = () => {
  const t = createTestBot(NOW, [makeIncident('BR-1', usHospitalFacts())]);
  return { ...t, say: (text: string) => t.bot.handle({ text, actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack' }) };
};
const FORGED = '2025-03-02 10:00 CST · alice (cli) · Counsel approved: no notice owed';

describe('one-line values refuse a line break', () => {
  it.each(['\n', '\r', '\u2028', '\u2029', '\u0085'])('new, set title and set org with %j: refused, nothing changed', async (brk) => {
    const t = world();
    const before = JSON.stringify((await t.store.get('BR-1'))!.title);
    const opened = await t.say(`new "Laptop${brk}BR-7  [closed]  Fake incident" --discovered "2025-02-20 09:00" --tz America/Chicago`);
    expect(opened.outcome).not.toBe('ok');
    expect(opened.text).toContain('The title must be one line: it holds a line break.');
    for (const field of ['title', 'org']) {
      const set = await t.say(`set BR-1 ${field} "T${brk}${FORGED}"`);
      expect(set.outcome).not.toBe('ok');
      expect(set.text).toContain('The value must be one line: it holds a line break.');
    }
    expect(await t.store.ids()).toEqual(['BR-1']);
    expect(JSON.stringify((await t.store.get('BR-1'))!.title)).toBe(before);
  });

  it('import refuses a title with a line break, naming the field', async () => {
    const t = world();
    const reply = await t.say(`import ${JSON.stringify({ ...usHospitalFacts(), title: `T\n${FORGED}` })}`);
    expect(reply.outcome).not.toBe('ok');
    expect(reply.text).toContain('title: must be one line (it holds a line break)');
    expect(await t.store.ids()).toEqual(['BR-1']);
  });

  it('the CLI refuses --as with anything but a local user name, and a global option given twice', () => {
    expect(parseCliArgs(['--as', `eve\n${FORGED}`, 'show', 'BR-1'])).toEqual({ problem: expect.stringMatching(/^--as needs a local user name/) });
    expect(parseCliArgs(['--as', 'alice', '--as', 'eve', 'show', 'BR-1'])).toEqual({ problem: '--as is given twice' });
    expect(parseCliArgs(['--data', 'a.json', '--data=b.json', 'list'])).toEqual({ problem: '--data is given twice' });
    expect(parseCliArgs(['--as', 'alice.smith-2', 'show', 'BR-1'])).toMatchObject({ as: 'alice.smith-2', command: ['show', 'BR-1'] });
  });
});

describe('a note over several lines', () => {
  it('is kept as typed, and `show` marks its further lines as its own', async () => {
    const t = world();
    expect((await t.say(`log BR-1 "call done\u2028    ${FORGED}"`)).outcome).toBe('ok');
    expect((await t.store.get('BR-1'))!.timeline.at(-1)!.text).toBe(`call done\u2028    ${FORGED}`);
    const lines = (await t.say('show BR-1')).text.split('\n');
    const at = lines.findIndex((l) => l.endsWith('· call done'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe(`      ↳     ${FORGED}`);
  });
});
