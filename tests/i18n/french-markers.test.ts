// A French reader running the main commands finds no English in breachdesk's own words (rule texts excluded: recipients,
// citations, bases and caveats come from data/rules, translated separately).
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../bot/reply.ts';
import { shortRecipient } from '../../bot/views/deadlines-view.ts';
import { createTestBot, makeIncident } from '../helpers/test-bot.ts';
import { frenchHospitalFacts } from '../pictures/fixtures.ts';

// Words that only an English answer has (whole words, as written: command names like `deadlines`, `next` are the same in French).
const ENGLISH_MARKERS = [
  'affected', 'overdue', 'Due within', 'investigating', 'pending', 'Recorded on', 'Usage', 'Example', 'Unknown command', 'Nothing',
  'Next', 'No incident', 'Deadlines', 'Mark done', 'Snooze', 'snoozed', 'acknowledged', 'response team', 'access log', 'timeline',
  'entries', 'Opened', 'Tracking', 'chain intact', 'Added to', 'Linked', 'Unlinked', 'Who', 'Examples', 'Missing', 'commands',
  'immediately', 'due soon', 'in \\d+d', 'Coverage', 'coverage of', 'Noted', 'deadline', 'reminders', 'notice',
];
const MARKER = new RegExp(`\\b(${ENGLISH_MARKERS.join('|')})\\b`);

// Each command a French response team typically runs, in order (changes included). `help set` is left out: it lists the
// words people type (affected.total, investigating…), the same in every language; help-catalogue.test.ts covers it.
const COMMANDS = [
  'help', 'help due', 'help done', 'list', 'show BR-1', 'due', 'due --within 30d', 'deadlines BR-1',
  'snooze BR-1 ssi --for 1d --reason courrier', 'ack BR-1 ssi', 'done BR-1 ssi --note "portail ARS"',
  'snooze BR-1 cnil --for 1d --reason "attente du DPO"', 'ack BR-1 cnil', 'link BR-1', 'log BR-1 appel à la CNIL',
  'set BR-1 status investigating', 'set BR-1 status investigating', 'set BR-1 affected 800000', 'members BR-1', 'member add BR-1 slack:U0ANA00002',
  'access BR-1', 'verify BR-1', 'coverage FR', 'task add BR-1 prévenir l’assureur', 'clock add BR-1 --to assureur --within 48h --basis "police cyber art. 4"',
  'delay BR-1 --oral --agency "police judiciaire" --official "commandant X"', 'export BR-1 --format md', 'unlink BR-1',
  'liste', 'show BR-9', 'done BR-1', 'done BR-1 ssi --at', 'snooze BR-1 cnil', 'delay BR-1', 'member add BR-1', 'show',
];

/** Everything a surface shows of a reply: text, card title, fields, sections, buttons, list lines. */
function shown(reply: Reply): string {
  const c = reply.card;
  const parts = [reply.text, c?.title, c?.subtitle, c?.footer, ...(c?.fields ?? []).flatMap((f) => [f.label, f.value])];
  for (const s of c?.sections ?? []) parts.push(s.heading, s.text, ...(s.buttons ?? []).map((b) => b.label));
  for (const g of c?.list ?? []) parts.push(g.heading, ...g.items.flatMap((i) => [i.text, ...(i.buttons ?? []).map((b) => b.label)]));
  parts.push(...(c?.buttons ?? []).map((b) => b.label));
  return parts.filter(Boolean).join('\n');
}

describe('a French organization, command by command', () => {
  it('reads no English marker word outside the rule texts', async () => {
    // The deployment serves the French hospital: its default organization is French, so answers about no incident are French too.
    const t = createTestBot('2025-02-21T08:00:00Z', [makeIncident('BR-1', frenchHospitalFacts())], { defaultOrganization: { name: 'Groupe hospitalier Exemple', role: 'controller', country: 'FR' } });
    const ask = (text: string) => t.bot.handle({ text, actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack', channel: { platform: 'slack', id: 'C1', name: 'cellule-crise' } });
    // The rule texts of this incident, as the engine gives them, are taken out before looking.
    const rows = JSON.parse((await ask('deadlines BR-1 --json')).text) as { recipient: string; citation: string; basis: string }[];
    const ruleTexts = rows.flatMap((r) => [r.recipient, shortRecipient(r.recipient), r.citation, r.basis]).sort((a, b) => b.length - a.length);
    const found: string[] = [];
    for (const command of COMMANDS) {
      let text = shown(await ask(command));
      for (const rule of ruleTexts) text = text.split(rule).join(' ');
      // Command words and ids (`done BR-1 …`, `--within`) are the same in every language.
      text = text.replace(/`[^`]*`/g, ' ').replace(/--[\w-]+/g, ' ').replace(/\b[A-Z]{2,}(-[\w.:]+)+/g, ' ');
      for (const line of text.split('\n')) {
        const hit = MARKER.exec(line);
        if (hit) found.push(`${command}: "${hit[0]}" in ${line.trim()}`);
      }
    }
    expect(found).toEqual([]);
  });
});
