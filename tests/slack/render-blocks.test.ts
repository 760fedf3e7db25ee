// The pure Block Kit renderer: every fixture stays within Slack's limits, and every cut says so.
import { describe, expect, it } from 'vitest';
import { clip, splitText } from '../../adapters/slack/mrkdwn.ts';
import { replyToBlocks, SLACK_LIMITS, type SlackMessage } from '../../adapters/slack/render-blocks.ts';
import {
  ALL_REPLIES, deadlinesReply, emptyReply, fifteenFields, jsonReply, longHeader, longPlainText, longSectionText, needsEscaping, oversizedButtons, sixtySections, thirtyButtons, titleOnlyCard,
} from '../fixtures/slack/replies.ts';

type AnyBlock = Record<string, any>;

/** Fails with the offending block if the message breaks any Block Kit limit. */
function expectWithinLimits(message: SlackMessage, maxBlocks: number = SLACK_LIMITS.blocks): void {
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  expect(message.blocks.length).toBeLessThanOrEqual(maxBlocks);
  const actionIds: string[] = [];
  for (const block of message.blocks as AnyBlock[]) {
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    if (block.type === 'section') {
      expect(block.text || block.fields).toBeTruthy();
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect((block.fields ?? []).length).toBeLessThanOrEqual(SLACK_LIMITS.sectionFields);
      for (const f of block.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
    }
    if (block.type === 'context') for (const e of block.elements) expect(e.text.length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
    if (block.type === 'actions') {
      expect(block.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.actionsElements);
      for (const b of block.elements) {
        expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
        expect(b.value.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
        actionIds.push(b.action_id);
      }
    }
  }
  expect(new Set(actionIds).size).toBe(actionIds.length);
}

const ofType = (m: SlackMessage, type: string) => (m.blocks as AnyBlock[]).filter((b) => b.type === type);
const contextText = (m: SlackMessage) => ofType(m, 'context').map((b) => b.elements[0].text).join('\n');

describe('replyToBlocks', () => {
  it.each(Object.entries(ALL_REPLIES))('%s stays within every Block Kit limit', (_name, reply) => {
    expectWithinLimits(replyToBlocks(reply, { source: 'deadlines BR-1' }));
    expectWithinLimits(replyToBlocks(reply, { maxBlocks: 100 }), 100);
  });

  it('never makes the details of a list line, which Slack opens from its menu by command (Teams expands them in the card)', () => {
    const unread = { get text(): string { throw new Error('details read'); } };
    const reply = {
      ...deadlinesReply,
      card: { ...deadlinesReply.card!, list: [{ heading: 'Due 2025-04-21', items: [{ text: 'affected individuals · pending', label: 'affected individuals', details: unread, detailsCommand: 'deadlines BR-1 --only US-HIPAA-164.404-INDIVIDUALS' }] }] },
    };
    // Rendered without reading them: the line's details are reached through the menu's command.
    const menu = ofType(replyToBlocks(reply), 'actions').flatMap((b) => b.elements).find((e: AnyBlock) => e.type === 'static_select');
    expect(menu.options.map((o: AnyBlock) => o.value)).toEqual(['deadlines BR-1 --only US-HIPAA-164.404-INDIVIDUALS']);
  });

  it('is pure: same output twice, input untouched', () => {
    const before = JSON.stringify(deadlinesReply);
    expect(replyToBlocks(deadlinesReply)).toEqual(replyToBlocks(deadlinesReply));
    expect(JSON.stringify(deadlinesReply)).toBe(before);
  });

  it('shows a deadline view with countdown, citation and verification, and command buttons', () => {
    const m = replyToBlocks(deadlinesReply, { source: 'deadlines BR-1' });
    expect(m.blocks[0]).toMatchObject({ type: 'header', text: { text: 'BR-1 · Deadlines' } });
    const first = ofType(m, 'section')[0]!;
    expect(first.text.text).toBe('*Individuals (HIPAA) · due 2025-04-21*\n51 days left · 45 CFR 164.404(b) · verified_primary_text\n60 calendar days after discovery on 2025-02-20');
    expect(first.fields).toEqual([{ type: 'mrkdwn', text: '*Status*\npending' }, { type: 'mrkdwn', text: '*Recipient*\naffected individuals' }]);
    expect(ofType(m, 'actions')[0]!.elements).toEqual([
      { type: 'button', text: { type: 'plain_text', text: 'Mark done', emoji: true }, value: 'done BR-1 US-HIPAA-164.404-INDIVIDUALS', action_id: 'bd:1', style: 'primary' },
      { type: 'button', text: { type: 'plain_text', text: 'Snooze', emoji: true }, value: 'snooze BR-1 US-HIPAA-164.404-INDIVIDUALS 2d', action_id: 'bdr:2' },
    ]);
    expect(contextText(m)).toContain('Not legal advice');
    expect(m.text).toContain('45 CFR 164.404');
  });

  it('cuts 60 obligations to 50 blocks and says how many are missing and where to see them', () => {
    const m = replyToBlocks(sixtySections, { source: 'deadlines BR-1' });
    expect(m.blocks).toHaveLength(50);
    const shown = ofType(m, 'section').length;
    expect(shown).toBeGreaterThan(20);
    expect(contextText(m)).toBe(`… ${60 - shown} more obligations: use \`deadlines BR-1 --json\`.`);
    expect(ofType(m, 'section').at(-1)!.text.text).toContain(`Obligation ${shown}:`);
  });

  it('carries a 5000-character section on in further section blocks, losing nothing', () => {
    const texts = ofType(replyToBlocks(longSectionText, { source: 'show BR-1' }), 'section').map((b) => b.text.text as string);
    // The heading, then the one long line in two pieces (split at the limit: it has no space near it).
    expect(texts[0]).toBe('*Recent timeline*');
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(3000);
    expect(texts.slice(1).join('')).toBe(longSectionText.card!.sections![0]!.text);
  });

  it('cuts a section too long for four blocks visibly, in the answer\'s language, pointing at --json', () => {
    const huge = { ...longSectionText, card: { ...longSectionText.card!, sections: [{ ...longSectionText.card!.sections![0]!, text: 'x'.repeat(20_000) }] } };
    const texts = ofType(replyToBlocks(huge, { source: 'show BR-1' }), 'section').map((b) => b.text.text as string);
    expect(texts).toHaveLength(4);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(3000);
    expect(texts.at(-1)).toMatch(/\n… the rest of this part is too long for one message: use `show BR-1 --json`\.$/);
    const fr = ofType(replyToBlocks({ ...huge, lang: 'fr' }, { source: 'show BR-1' }), 'section').at(-1)!.text.text as string;
    expect(fr).toMatch(/\n… la suite de cette partie est trop longue pour un message\u00a0: utilisez `show BR-1 --json`\.$/);
  });

  it('shortens a 200-character header to 150 with an ellipsis', () => {
    const header = replyToBlocks(longHeader).blocks[0] as AnyBlock;
    expect(header.text.text).toHaveLength(150);
    expect(header.text.text.endsWith('…')).toBe(true);
  });

  it('spreads 15 fields over two sections, losing none', () => {
    const sections = ofType(replyToBlocks(fifteenFields), 'section');
    expect(sections.map((s) => s.fields.length)).toEqual([10, 5]);
    expect(sections.flatMap((s) => s.fields.map((f: AnyBlock) => f.text))).toContain('*Fact 15*\nvalue 15');
  });

  it('spreads 30 buttons over two actions blocks with unique ids', () => {
    const actions = ofType(replyToBlocks(thirtyButtons), 'actions');
    expect(actions.map((a) => a.elements.length)).toEqual([25, 5]);
    expect(actions[1]!.elements.at(-1)).toMatchObject({ value: 'log BR-1 step 30', action_id: 'bd:30' });
  });

  it('clips long button labels and drops a button whose command cannot fit, saying so', () => {
    const m = replyToBlocks(oversizedButtons);
    const [button, ...rest] = ofType(m, 'actions')[0]!.elements;
    expect(button.text.text).toHaveLength(75);
    expect(rest).toEqual([]);
    expect(contextText(m)).toContain('1 button too long to show; type the command instead.');
  });

  it('keeps room for the dropped-button note even when everything else fits exactly', () => {
    const sections = Array.from({ length: 48 }, (_, i) => ({ text: `row ${i + 1}` }));
    const m = replyToBlocks({ outcome: 'ok', visibility: 'private', text: 't', card: { title: 'T', sections, buttons: [{ label: 'x', command: 'z'.repeat(2001) }] } });
    expectWithinLimits(m);
    expect(m.blocks).toHaveLength(50);
    expect(ofType(m, 'section').at(-1)!.text.text).toBe('row 48');
    expect(contextText(m)).toBe('1 button too long to show; type the command instead.');
  });

  it('splits a long plain-text answer into sections at line breaks without losing text', () => {
    const m = replyToBlocks(longPlainText);
    const sections = ofType(m, 'section');
    expect(sections.length).toBeGreaterThan(1);
    expect(sections.map((s) => s.text.text).join('\n')).toBe(longPlainText.text);
  });

  it('shows --json output as a code block', () => {
    expect(ofType(replyToBlocks(jsonReply), 'section')[0]!.text.text).toMatch(/^```\n\[\n[\s\S]*\n```$/);
  });

  it('escapes &, < and >, so a mention or a labelled link in user text shows as typed and is not live', () => {
    const m = replyToBlocks(needsEscaping);
    expect(m.blocks[0]).toMatchObject({ type: 'header', text: { text: 'R&D <lab> breach' } });
    expect(ofType(m, 'section')[0]!.text.text).toBe('*A &amp; B*\nx &lt; y &gt; z, owner &lt;@U0ANA00002&gt;, see &lt;https://www.hhs.gov/hipaa|HHS&gt;');
    expect(m.text).toBe('R&amp;D &lt;lab&gt; breach, ask &lt;@U0ANA00002&gt;');
  });

  it('keeps live only the one user mention an escalation names in its data, never a broadcast', () => {
    const m = replyToBlocks({ ...needsEscaping, text: 'Escalation to <@U0ANA00002|ana> <!channel>', data: { mention: '<@U0ANA00002|ana>' } });
    expect(m.text).toBe('Escalation to <@U0ANA00002> &lt;!channel&gt;');
    const broadcast = replyToBlocks({ ...needsEscaping, text: 'Escalation to <!here>', data: { mention: '<!here>' } });
    expect(broadcast.text).toBe('Escalation to &lt;!here&gt;');
  });

  it('shows the text under the title when a card has no sections or fields', () => {
    expect(replyToBlocks(titleOnlyCard).blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Due within 7 days', emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Nothing due within 7 days across 1 open incidents.' } },
    ]);
  });

  it('marks refusals without a card and never sends an empty fallback', () => {
    expect(replyToBlocks({ outcome: 'refused', visibility: 'private', text: 'No incident BR-9.' }).blocks[0]).toMatchObject({ text: { text: ':warning: No incident BR-9.' } });
    expect(replyToBlocks(emptyReply).text).toBe(' ');
  });
});

describe('text helpers', () => {
  it('clip never splits a surrogate pair or an entity', () => {
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(clip('a &amp; b', 5)).toBe('a …');
  });

  it('splitText hard-splits a line longer than the limit', () => {
    expect(splitText('abcdef\ngh', 4)).toEqual(['abcd', 'ef', 'gh']);
  });
});
