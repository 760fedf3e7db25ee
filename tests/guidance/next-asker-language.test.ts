// `next` about one incident is in the asker's `lang`, else its organization's language (README, Languages).
import { describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

describe('next follows the asker\'s language', () => {
  it('answers in French to a person who chose `lang fr`, for a US incident', async () => {
    const { bot } = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts({ dataEncrypted: true, keyCompromised: null }))]);
    const say = (text: string) => bot.handle({ text, actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack' });
    expect((await say('next BR-1')).card?.title).toMatch(/^Next steps · BR-1/);
    await say('lang fr');
    const reply = await say('next BR-1');
    expect(reply.card?.title).toMatch(/^À faire · BR-1/);
    expect(reply.text).toContain('faits manquants, si la notification est due');
    expect(reply.text).not.toContain('needs facts, if owed');
    // `--lang` still wins.
    expect((await say('next BR-1 --lang en')).card?.title).toMatch(/^Next steps/);
  });
});
