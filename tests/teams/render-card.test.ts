// The pure Adaptive Card renderer, checked with the official adaptivecards parser.
import { describe, expect, it } from 'vitest';
import { MAX_CARD_CHARS, replyToCard, replyToFallbackText } from '../../adapters/teams/render-card.ts';
import { replyToTeamsMessage, textToTeamsXml } from '../../adapters/teams/render-message.ts';
import { ok, type Reply, type ReplySection } from '../../bot/reply.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { adaptiveCardProblems } from './helpers/validate-card.ts';

const section = (i: number): ReplySection => ({
  heading: `BR-${i} · Incident ${i}`,
  text: `triage · Example Hospital · ${i} affected`,
  buttons: [{ label: 'Details', command: `show BR-${i}` }],
});

const cases: [string, Reply][] = [
  ['title only', ok('t', { card: { title: 'Only a title' } })],
  ['fields, subtitle, footer', ok('t', { card: { title: 'T', subtitle: 'sub', fields: [{ label: 'Status', value: 'triage' }, { label: 'Empty', value: '' }], footer: 'foot' } })],
  ['multi-line section text', ok('t', { card: { title: 'T', sections: [{ heading: 'Timeline', text: 'line one\n\nline three' }, {}] } })],
  ['styled and reason buttons', ok('t', {
    card: {
      title: 'Deadlines',
      sections: [
        { heading: 'HHS', buttons: [{ label: 'Mark done', command: 'done BR-1 A', style: 'primary' }, { label: 'Snooze', command: 'snooze BR-1 A', needsReason: true }] },
        { heading: 'Media', buttons: [{ label: 'Snooze', command: 'snooze BR-1 B', needsReason: true }, { label: 'Drop', command: 'x', style: 'danger' }] },
      ],
      buttons: [{ label: 'Snooze all', command: 'snooze BR-1 all', needsReason: true }],
    },
  })],
  ['40 sections', ok('t', { card: { title: 'Many', sections: Array.from({ length: 40 }, (_, i) => section(i + 1)) } })],
  ['huge fields and texts', ok('x'.repeat(50_000), {
    card: {
      title: 'Huge', fields: Array.from({ length: 50 }, (_, i) => ({ label: `f${i}`, value: 'v'.repeat(3_000) })),
      sections: Array.from({ length: 25 }, (_, i) => ({ heading: `s${i}`, text: 'w '.repeat(5_000) })),
    },
  })],
];

describe('replyToCard', () => {
  it.each(cases)('%s: a valid schema 1.5 card within the size budget', (_name, reply) => {
    const card = replyToCard(reply)!;
    expect(card.version).toBe('1.5');
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(JSON.stringify(card).length).toBeLessThanOrEqual(MAX_CARD_CHARS);
    expect(card.fallbackText).toBe(replyToFallbackText(reply));
  });

  it('renders buttons as Action.Submit carrying the command, with Teams styles', () => {
    const card = replyToCard(cases[3]![1])!;
    const json = JSON.stringify(card);
    expect(json).toContain('{"type":"Action.Submit","title":"Mark done","data":{"breachdesk":"done BR-1 A"},"style":"positive"}');
    expect(json).toContain('"style":"destructive"');
  });

  it('asks for a reason in a ShowCard with a unique input named in the submit data', () => {
    const card = replyToCard(cases[3]![1])!;
    const showCards = JSON.stringify(card).match(/"Action.ShowCard"/g) ?? [];
    expect(showCards).toHaveLength(3);
    const snooze = (card.actions as any[])[0];
    expect(snooze.type).toBe('Action.ShowCard');
    const input = snooze.card.body[0];
    expect(input).toMatchObject({ type: 'Input.Text', isRequired: true });
    expect(snooze.card.actions[0].data).toEqual({ breachdesk: 'snooze BR-1 all', breachdeskReasonInput: input.id });
  });

  it('shows 25 sections and says visibly how many were left out', () => {
    const card = replyToCard(cases[4]![1])!;
    const containers = card.body.filter((e) => e.type === 'Container');
    expect(containers).toHaveLength(25);
    expect(JSON.stringify(card.body.at(-1))).toContain('…and 15 more not shown');
  });

  it('returns no card for a text-only reply', () => {
    expect(replyToCard(ok('plain'))).toBeUndefined();
  });

  it('renders the real help, list and show replies as valid cards', async () => {
    const { bot } = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts()), makeIncident('BR-2', usHospitalFacts({ title: 'Lost laptop' }))]);
    for (const text of ['help', 'list', 'show BR-1']) {
      const reply = await bot.handle({ text, actor: { id: 'u', name: 'U' }, platform: 'teams' });
      const card = replyToCard(reply);
      expect(card, text).toBeDefined();
      expect(adaptiveCardProblems(card), text).toEqual([]);
    }
  });
});

describe('replyToTeamsMessage', () => {
  it('sends a card as an attachment with the title as notification summary', () => {
    const message = replyToTeamsMessage(ok('t', { card: { title: 'BR-1 · x' } }));
    expect(message).toMatchObject({ type: 'message', summary: 'BR-1 · x', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }] });
    expect(message.text).toBeUndefined();
  });

  it('escapes text replies and keeps their layout', () => {
    expect(textToTeamsXml('Usage: show <id>\n  Example: `show BR-1` & more')).toBe('Usage: show &lt;id&gt;<br>&nbsp;&nbsp;Example: <code>show BR-1</code> &amp; more');
  });

  it('cuts very long text replies visibly instead of exceeding the Teams message size', () => {
    const message = replyToTeamsMessage(ok('line\n'.repeat(10_000)));
    expect(message.text!.length).toBeLessThanOrEqual(MAX_CARD_CHARS);
    expect(message.text).toContain('cut: Teams messages are limited');
  });
});
