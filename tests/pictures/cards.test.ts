// Pictures of the cards people see, drawn by the official Adaptive Cards renderer in headless Chromium (kept under
// test-artifacts/screenshots), and the promise behind them: every notice of a 20-notice incident is reachable.
import { describe, expect, it } from 'vitest';
import { replyToBlocks, SLACK_LIMITS } from '../../adapters/slack/render-blocks.ts';
import { replyToCard } from '../../adapters/teams/render-card.ts';
import type { Reply } from '../../bot/reply.ts';
import type { Incident } from '../../bot/model/incident-schema.ts';
import { computeObligations } from '../../bot/deadlines/engine.ts';
import { loadRules } from '../../bot/deadlines/load-rules.ts';
import { reminderReply } from '../../bot/scheduler/reminder-message.ts';
import { languageFor } from '../../bot/i18n/index.ts';
import { createTestBot, makeIncident } from '../helpers/test-bot.ts';
import { adaptiveCardProblems } from '../teams/helpers/validate-card.ts';
import { frenchHospitalFacts, vendorBreachFacts } from './fixtures.ts';
import { screenshotCards } from './screenshot.ts';

const NOW = '2025-03-01T12:00:00Z';

function world() {
  const t = createTestBot(NOW, [makeIncident('BR-1', vendorBreachFacts()), makeIncident('BR-2', frenchHospitalFacts())]);
  const say = (text: string) => t.bot.handle({ text, actor: { id: 'U-SAM', name: 'Sam' }, platform: 'teams' });
  return { ...t, say };
}

/** Every obligation id a Teams card leads to: in-place details, a line that opens its own card, or a button. */
function teamsReachable(card: unknown): { ids: Set<string>; more?: string } {
  const ids = new Set<string>();
  let more: string | undefined;
  JSON.stringify(card, (key, value) => {
    if (key === 'breachdesk' && typeof value === 'string') {
      const only = /--only (\S+)/.exec(value);
      if (only) ids.add(only[1]!);
      if (/--from \d+$/.test(value)) more = value;
    }
    if (key === 'text' && typeof value === 'string') {
      const id = /^(?:Obligation id|Identifiant): (\S+)$/.exec(value);
      if (id) ids.add(id[1]!);
    }
    return value;
  });
  return { ids, ...(more ? { more } : {}) };
}

/** A reminder as the scheduler would post it for one step of one notice (the first open one when none is named). */
function reminderFor(incident: Incident | undefined, obligation: string | undefined, step: string, escalation: boolean): Reply {
  const now = new Date(NOW);
  // In the organization's language, as the scheduler computes them.
  const all = computeObligations(incident!, loadRules(), now, { lang: languageFor(incident!.organization) });
  const o = obligation ? all.find((x) => x.obligation === obligation)! : all.find((x) => x.status === 'overdue')!;
  const channel = { platform: 'teams' as const, id: 'c1', linkedAt: NOW, linkedBy: 'Sam' };
  return reminderReply(incident!, { key: 'k', incidentId: incident!.id, obligation: o, step: { id: step, fireAt: now.getTime(), overdue: escalation }, channel, plannedAt: now.getTime(), late: false, escalation, records: [] }, 4, now);
}

async function contractIds(say: (t: string) => Promise<Reply>, id: string): Promise<string[]> {
  return (JSON.parse((await say(`deadlines ${id} --json`)).text) as Array<{ obligation: string }>).map((o) => o.obligation);
}

describe('every notice is reachable', () => {
  it('on Teams: each card fits, is valid, and "Show more" pages lead to every notice', async () => {
    const { say } = world();
    const all = await contractIds(say, 'BR-1');
    expect(all.length).toBeGreaterThanOrEqual(20);
    const reached = new Set<string>();
    let command: string | undefined = 'deadlines BR-1';
    for (let page = 0; command && page < 10; page++) {
      const card = replyToCard(await say(command))!;
      expect(JSON.stringify(card).length).toBeLessThanOrEqual(18_000);
      expect(adaptiveCardProblems(card)).toEqual([]);
      const { ids, more } = teamsReachable(card);
      for (const id of ids) reached.add(id);
      command = more;
    }
    expect([...reached].sort()).toEqual([...all].sort());
  });

  it('on Slack: one message within Block Kit limits; every notice has a line and a details entry', async () => {
    const { say } = world();
    const all = await contractIds(say, 'BR-1');
    const reply = await say('deadlines BR-1');
    const { blocks } = replyToBlocks(reply, { source: 'deadlines BR-1' });
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    const json = JSON.stringify(blocks);
    expect(json).not.toMatch(/more obligations/);
    const options = blocks.flatMap((b) => ('elements' in b ? (b.elements as Array<{ type: string; options?: Array<{ value: string }> }>) : []))
      .flatMap((e) => (e.type === 'static_select' ? e.options ?? [] : []));
    expect(options.map((o) => o.value.replace('deadlines BR-1 --only ', '')).sort()).toEqual([...all].sort());
    // Every notice is named in the message itself: open ones one line each, folded ones (not applicable) on one line of names.
    const rows = JSON.parse((await say('deadlines BR-1 --json')).text) as Array<{ recipient: string; status: string }>;
    const sectionText = blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : [])).join('\n');
    for (const row of rows) expect(sectionText).toContain(row.recipient.replace(/\s*\(.*$/, '').slice(0, 50));
    const openLines = sectionText.split('\n').filter((l) => /^(🔴|🟠|🔵|⏸️|❔|⛔)/u.test(l));
    expect(openLines).toHaveLength(rows.filter((r) => r.status !== 'done' && r.status !== 'not_applicable').length);
    for (const b of blocks) if (b.type === 'section' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
  });
});

describe('pictures (official renderer, headless Chromium)', () => {
  it('draws the deadlines, details, reminder and summary cards in English and French', async () => {
    const t = world();
    const { say, bot } = t;
    const deadlines = replyToCard(await say('deadlines BR-1'))!;
    // The details of the first notice shown expanded, as after a click.
    const expanded = JSON.parse(JSON.stringify(deadlines).replace(/"isVisible":false/g, '"isVisible":true'));
    const french = replyToCard(await say('deadlines BR-2'))!;
    const summary = replyToCard(await say('summary BR-1'))!;
    const resume = replyToCard(await say('summary BR-2'))!;
    const details = replyToCard(await say('deadlines BR-1 hipaa individuals'))!;
    const reminder = replyToCard(reminderFor(await t.store.get('BR-1'), 'US-HIPAA-164.404-INDIVIDUALS', 'before:P7D', false))!;
    const rappel = replyToCard(reminderFor(await t.store.get('BR-2'), undefined, 'overdue:2', true))!;
    const shots = await screenshotCards([
      { name: 'deadlines-teams', card: deadlines },
      { name: 'deadlines-teams-expanded', card: expanded },
      { name: 'deadlines-teams-fr', card: french },
      { name: 'details-teams', card: details },
      { name: 'summary-teams', card: summary },
      { name: 'summary-teams-fr', card: resume },
      { name: 'reminder-teams', card: reminder },
      { name: 'reminder-teams-fr-escalation', card: rappel },
    ]);
    for (const shot of shots) expect(shot.height).toBeGreaterThan(100);
    expect(bot).toBeDefined();
  }, 120_000);
});
