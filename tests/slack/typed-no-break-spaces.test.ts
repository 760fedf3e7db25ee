// What people type is stored as typed, French no-break spaces included (U+00A0 before ":", U+202F before ";" "?" "!"):
// through a signed Slack slash command as through the terminal, unquoted or quoted, and the export gives them back.
// Before, the command splitter counted them as word breaks (JavaScript's \s) and `log` joined its words with plain
// spaces on every front door; the Slack adapter and the mrkdwn escaping never touched them (they escape & < > only).
import { afterEach, describe, expect, it } from 'vitest';
import { createTestBot, makeIncident } from '../helpers/test-bot.ts';
import { frenchHospitalFacts } from '../pictures/fixtures.ts';
import { startHarness, type SlackHarness } from './harness.ts';
import { postToApp, slashBody } from './signed-request.ts';
import { commandWords } from '../../commands/registry.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const NOTE = 'Appel de l’ARS\u00a0: dossier ouvert\u202f; rappel demain\u202f? Oui\u202f!';

describe('no-break spaces typed in a command', () => {
  it('stay inside the word they were typed in; other spaces still split words', () => {
    expect(commandWords(`log BR-2 ${NOTE}`)).toEqual(['log', 'BR-2', 'Appel', 'de', 'l’ARS\u00a0:', 'dossier', 'ouvert\u202f;', 'rappel', 'demain\u202f?', 'Oui\u202f!']);
    expect(commandWords('set BR-2 affected 262\u00a0831')).toEqual(['set', 'BR-2', 'affected', '262\u00a0831']);
    expect(commandWords('\u00a0log\u00a0 BR-2  x')).toEqual(['log', 'BR-2', 'x']);
    expect(commandWords('log BR-2 "a\u00a0: b"')).toEqual(['log', 'BR-2', 'a\u00a0: b']);
  });

  it('are stored as typed from Slack and from the terminal, and the Markdown export gives them back', async () => {
    const testBot = createTestBot('2025-02-21T08:00:00Z', [makeIncident('BR-2', frenchHospitalFacts())]);
    h = await startHarness({ testBot });
    const slash = (text: string) => postToApp(h!.eventsUrl, slashBody(text, h!.fake.responseUrl()));
    expect((await slash(`log BR-2 ${NOTE}`)).status).toBe(200);
    expect((await slash('set BR-2 title Vol du compte EPR\u00a0: accès')).status).toBe(200);
    await testBot.bot.handle({ text: `log BR-2 ${NOTE} (terminal)`, actor: { id: 'sam', name: 'Sam' }, platform: 'terminal' });
    const stored = (await testBot.store.get('BR-2'))!;
    expect(stored.title).toBe('Vol du compte EPR\u00a0: accès');
    const notes = stored.timeline.filter((e) => e.action === 'note').map((e) => e.text);
    expect(notes).toEqual([NOTE, `${NOTE} (terminal)`]);
    const md = await testBot.bot.handle({ text: 'export BR-2 --format md', actor: { id: 'sam', name: 'Sam' }, platform: 'terminal' });
    const text = Buffer.from(md.file!.content).toString('utf8');
    // The Markdown escapes "!" as it escapes every mark a viewer would read as markup.
    expect(text).toContain('Appel de l’ARS\u00a0: dossier ouvert\u202f; rappel demain\u202f? Oui\u202f\\!');
    expect(text).toContain('# BR-2: Vol du compte EPR\u00a0: accès');
  });
});
