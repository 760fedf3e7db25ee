// The words a surface adds (Slack's "… N more", Teams' hidden lines) follow the answer's language: a French reader of
// a US incident gets them in French on the deadlines, summary and next answers, not only on `due`.
import { describe, expect, it } from 'vitest';
import { replyToBlocks } from '../../adapters/slack/render-blocks.ts';
import { createTestBot, makeIncident } from '../helpers/test-bot.ts';
import { vendorBreachFacts } from '../pictures/fixtures.ts';

describe('overflow notes in the answer\'s language', () => {
  it('deadlines, summary and next say their cut in French to a French reader', async () => {
    const { bot } = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', vendorBreachFacts())]);
    const say = (text: string) => bot.handle({ text, actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack' });
    await say('lang fr');
    for (const command of ['deadlines BR-1', 'summary BR-1', 'next BR-1']) {
      const reply = await say(command);
      expect({ command, lang: reply.lang }).toEqual({ command, lang: 'fr' });
      const { blocks } = replyToBlocks(reply, { source: command, maxBlocks: 4 });
      const notes = JSON.stringify(blocks.filter((b) => b.type === 'context'));
      expect({ command, notes }).toMatchObject({ notes: expect.stringMatching(/de plus\u00a0: utilisez/) });
      expect(notes).not.toMatch(/ more \w+: use /);
    }
  });
});
