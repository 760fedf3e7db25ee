// A summary of an encrypted laptop (key taken or not unknown) and a US organization not yet asked about the SEC: ten
// needs-facts questions with their bases, over 3,000 characters in one part. Every question stays readable on both
// platforms, in English and French: no cut inside a word, no question silently dropped, no English note in French.
import { describe, expect, it } from 'vitest';
import { replyToBlocks, SLACK_LIMITS } from '../../adapters/slack/render-blocks.ts';
import { MAX_CARD_CHARS, replyToCard } from '../../adapters/teams/render-card.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { adaptiveCardProblems } from '../teams/helpers/validate-card.ts';
import { screenshotCards } from './screenshot.ts';

const NOW = '2025-03-01T12:00:00Z';

function laptop() {
  const facts = usHospitalFacts({ title: 'Stolen encrypted laptop', dataEncrypted: true, keyCompromised: null, affected: { total: 1200, byJurisdiction: { 'US-IN': 700, 'US-CA': 300, 'US-TX': 200 } } });
  const { bot } = createTestBot(NOW, [makeIncident('BR-1', facts)]);
  return (text: string) => bot.handle({ text, actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack' });
}

/** The needs-facts questions of the summary, one a line, as the view wrote them. */
function questions(reply: Awaited<ReturnType<ReturnType<typeof laptop>>>): string[] {
  const section = reply.card!.sections!.find((s) => /Needs facts|Faits manquants/.test(s.heading ?? ''))!;
  return section.text!.split('\n');
}

describe('a long part of a summary', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`on Slack (${lang}): continues in further section blocks, whole lines, every question shown`, async () => {
      const say = laptop();
      await say(`lang ${lang}`);
      const reply = await say('summary BR-1');
      const lines = questions(reply);
      expect(lines.join('\n').length).toBeGreaterThan(SLACK_LIMITS.sectionText);
      const { blocks } = replyToBlocks(reply, { source: 'summary BR-1' });
      expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
      const texts = blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
      for (const text of texts) expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      const shown = texts.join('\n');
      // Each question (escaped as Slack needs) is shown whole.
      for (const line of lines) expect(shown).toContain(line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      expect(shown).not.toMatch(/cut at|…\s*\(/);
    });

    it(`on Teams (${lang}): one valid card within size, every question a whole line`, async () => {
      const say = laptop();
      await say(`lang ${lang}`);
      const reply = await say('summary BR-1');
      const card = replyToCard(reply)!;
      expect(JSON.stringify(card).length).toBeLessThanOrEqual(MAX_CARD_CHARS);
      expect(adaptiveCardProblems(card)).toEqual([]);
      const blocks: string[] = [];
      JSON.stringify(card.body, (key, value) => {
        if (key === 'text' && typeof value === 'string') blocks.push(value);
        return value;
      });
      for (const line of questions(reply)) expect(blocks).toContain(line);
      // Each question starts visibly: its TextBlock is spaced from the previous one, not run on.
      const elements: Array<{ text?: string; spacing?: string }> = [];
      JSON.stringify(card.body, (_key, value) => {
        if (value && typeof value === 'object' && (value as { type?: string }).type === 'TextBlock') elements.push(value as { text: string; spacing?: string });
        return value;
      });
      for (const line of questions(reply).slice(1)) expect(elements.find((e) => e.text === line)?.spacing).toBe('Small');
      expect(blocks.join('\n')).not.toMatch(/more lines/);
    });
  }

  it('draws the French summary of the encrypted laptop', async () => {
    const say = laptop();
    await say('lang fr');
    const [shot] = await screenshotCards([{ name: 'summary-teams-fr-needs-facts', card: replyToCard(await say('summary BR-1')) }]);
    expect(shot!.height).toBeGreaterThan(100);
  }, 60_000);
});
