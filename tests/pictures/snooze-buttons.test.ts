// A Snooze button is a promise that the snooze it runs is accepted: none on a notice that gets no reminders
// (needs facts: an encrypted laptop whose key may not have been taken; the SEC 8-K of an organization not yet asked).
import { describe, expect, it } from 'vitest';
import { replyToBlocks } from '../../adapters/slack/render-blocks.ts';
import { replyToCard } from '../../adapters/teams/render-card.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { vendorBreachFacts } from './fixtures.ts';

const NOW = '2025-03-01T12:00:00Z';

/** Every command a button or menu of the rendered message runs. */
function commandsIn(json: unknown): string[] {
  const found: string[] = [];
  JSON.stringify(json, (key, value) => {
    if ((key === 'value' || key === 'breachdesk') && typeof value === 'string') found.push(value);
    return value;
  });
  return found;
}

describe('Snooze buttons', () => {
  it('are offered only where the snooze is accepted, on Slack and Teams, in English and French', async () => {
    const laptop = usHospitalFacts({ title: 'Stolen encrypted laptop', dataEncrypted: true, keyCompromised: null, affected: { total: 1200, byJurisdiction: { 'US-IN': 700, 'US-TX': 500 } } });
    for (const lang of ['en', 'fr'] as const) {
      const { bot } = createTestBot(NOW, [makeIncident('BR-1', laptop), makeIncident('BR-2', vendorBreachFacts())]);
      const say = (text: string) => bot.handle({ text, actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack' });
      await say(`lang ${lang}`);
      for (const command of ['deadlines BR-1', 'deadlines BR-2', 'due']) {
        const reply = await say(command);
        const snoozes = new Set([...commandsIn(replyToBlocks(reply, { source: command }).blocks), ...commandsIn(replyToCard(reply))].filter((c) => c.startsWith('snooze ')));
        if (command === 'deadlines BR-1') expect([...snoozes]).toEqual([]);
        if (command === 'deadlines BR-2') expect(snoozes.size).toBeGreaterThan(0);
        for (const snooze of snoozes) {
          const answer = await say(`${snooze} --reason "testing the button"`);
          expect({ snooze, outcome: answer.outcome, text: answer.text }).toMatchObject({ outcome: 'ok' });
        }
      }
    }
  });
});
