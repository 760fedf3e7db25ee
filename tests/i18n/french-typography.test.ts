// French typography: a no-break space before ":" (U+00A0) and before ";", "?", "!" (U+202F), and inside « guillemets »,
// in every French string a reader sees: the catalogues, the French rule texts, filing guidance and plans, and whole
// French answers as the core and the Slack and Teams renderers write them (the words assembled around the catalogue).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../bot/i18n/index.ts';
import { usageFr } from '../../bot/i18n/usage-fr.ts';
import { labelled } from '../../bot/i18n/format.ts';
import { DEFAULT_RULES_DIR } from '../../bot/deadlines/load-rules.ts';
import type { Reply } from '../../bot/reply.ts';
import { mapReplyText } from '../../adapters/safe-text.ts';
import { replyToBlocks } from '../../adapters/slack/render-blocks.ts';
import { replyToCard, replyToFallbackText } from '../../adapters/teams/render-card.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { frenchHospitalFacts } from '../pictures/fixtures.ts';
import { frenchTypographyProblems, stringsIn } from '../helpers/french-typography.ts';

const problemsIn = (strings: Array<[string, string]>, asWritten: readonly string[] = []) =>
  strings.flatMap(([path, s]) => frenchTypographyProblems(s, asWritten).map((p) => `${path}: ${p}`));

describe('the typography check itself', () => {
  it.each([
    ['Statut : clos', /plain space before ":"/],
    ['Statut: clos', /"t" before ":"/],
    ['Statut\u202f: clos', /U\+202F before ":"/],
    ['oui ; non', /plain space before ";"/],
    ['Données chiffrées ?', /plain space before "\?"/],
    ['Attention\u00a0!', /U\+00A0 before "!"/],
    ['« Sans délai »', /no U\+00A0 after "«"/],
    ['«\u00a0Sans délai »', /no U\+00A0 before "»"/],
    ['Statut \u00a0: clos', /space before the no-break space/],
  ])('flags %j', (text, problem) => {
    expect(frenchTypographyProblems(text).join('\n')).toMatch(problem);
  });

  it.each([
    'Statut\u00a0: clos ; non'.replace(' ;', '\u202f;'),
    'Échéance\u00a0: 20/02/2025 23:59 CET',
    'Portail https://signalement.social-sante.gouv.fr/?x=1 et mailto:dpo@example.fr',
    '`set BR-1 commander <nom>` ou `deadlines BR-1 --only a:b`',
    'Dépôt {{count}}:{{total}} à 2025-02-20T09:00-06:00, teams:<id> ou slack:<id>',
    ':warning: Voir <!here> et <@U123>',
    'a::b',
    '«\u00a0Sans délai\u00a0»\u00a0: non\u202f? Oui\u202f!',
  ])('accepts %j', (text) => {
    expect(frenchTypographyProblems(text)).toEqual([]);
  });

  it('labelled() writes the French colon the way the check wants', () => {
    expect(frenchTypographyProblems(labelled('fr', 'Échéance', '20/02/2025'))).toEqual([]);
    expect(labelled('fr', 'Échéance', '20/02/2025')).toBe('Échéance\u00a0: 20/02/2025');
  });
});

describe('French strings as written', () => {
  it('the French catalogue (views, answers, help, engine sentences)', () => {
    expect(problemsIn(stringsIn(catalogue('fr')))).toEqual([]);
  });

  const ruleOverlays = readdirSync(join(DEFAULT_RULES_DIR, 'fr')).filter((n) => n.endsWith('.json')).sort();
  it.each(ruleOverlays)('the French rule texts of %s', (name) => {
    const texts = JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, 'fr', name), 'utf8')).texts as Record<string, string>;
    expect(problemsIn(Object.entries(texts))).toEqual([]);
  });

  // The French twin of each field: `toFr`, `notesFr` (filing), `fr` (plans); the English beside it is not checked.
  const frenchFields = (node: unknown, path = ''): Array<[string, string]> =>
    node !== null && typeof node === 'object'
      ? Object.entries(node).flatMap(([k, v]) => (k === 'fr' || k.endsWith('Fr') ? stringsIn(v, `${path}${k}`) : frenchFields(v, `${path}${k}.`)))
      : [];
  const dataDir = join(DEFAULT_RULES_DIR, '..');
  const dataFiles = ['filing', 'plans'].flatMap((d) => readdirSync(join(dataDir, d)).filter((n) => n.endsWith('.json')).map((n) => `${d}/${n}`)).sort();
  it.each(dataFiles)('the French fields of %s', (name) => {
    const strings = frenchFields(JSON.parse(readFileSync(join(dataDir, name), 'utf8')));
    expect(strings.length).toBeGreaterThan(0);
    expect(problemsIn(strings)).toEqual([]);
  });
});

describe('French usage lines as written', () => {
  it('bot/i18n/usage-fr.ts', () => {
    expect(problemsIn(stringsIn(usageFr))).toEqual([]);
  });
});

describe('French answers as a reader gets them', () => {
  // A French hospital (BR-2, answers in French by its country) and an American one read in French (`lang fr`).
  const world = () => createTestBot('2025-02-21T08:00:00Z', [makeIncident('BR-1', usHospitalFacts()), makeIncident('BR-2', frenchHospitalFacts())]);
  const COMMANDS = [
    'deadlines BR-2', 'deadlines BR-2 --only FR-CNIL-GDPR-33', 'next BR-2', 'summary BR-2', 'show BR-2', 'due', 'list', 'members BR-2',
    'help', 'help deadlines', 'help set', 'coverage FR',
    'draft BR-2 FR-CNIL-GDPR-33', 'draft BR-2 EU-GDPR-34-DS', 'draft BR-2 FR-CSP-L1111-8-2-SSI',
    'deadlines BR-1', 'summary BR-1', 'next BR-1', 'show BR-1',
    // A US organization's drafts are in English unless asked for in French.
    'draft BR-1 US-HIPAA-164.404-INDIVIDUALS --lang fr', 'draft BR-1 US-HIPAA-164.408-HHS-500PLUS --lang fr', 'draft BR-1 US-HIPAA-164.406-MEDIA:US-IN --lang fr',
    'draft BR-1 US-IN-BREACH:attorney_general --lang fr', 'draft BR-1 US-SEC-8K-1.05 --lang fr',
    'set BR-2 affected -5', 'set BR-2 affected lots', 'set BR-2 gdpr-risk peut-être', 'set BR-2 discovered 02/03/2025', 'set BR-2 nothing 1',
    'done BR-2 nothing-like-this', 'deadlines BR-9', 'set BR-2 affected 800000',
    // Refusals, usage lines and argument errors of the commands a French reader uses most.
    'draft BR-2 FR-NIS1-OSE-ANSSI', 'done BR-2', 'done BR-2 FR-CNIL-GDPR-33 --at 2030-01-01T00:00Z', 'snooze BR-2 FR-CNIL-GDPR-33',
    'snooze BR-2 FR-CNIL-GDPR-33 --for 5q --reason x', 'snooze BR-2 FR-CSP-L1111-8-2-SSI --for 1d --reason x', 'ack BR-2 nothing-like-this',
    'delay BR-2 --oral', 'delay BR-2 --oral --agency FBI', 'member add BR-2', 'member add BR-2 slack:@here', 'member remove BR-2 slack:U0ZZZ00001',
    'set BR-2', 'set BR-2 affected', 'set BR-2 title', 'unlink BR-2', 'export BR-2 --format doc', 'export BR-2 --format pdf', 'clock add BR-2',
    'clock add BR-2 --to Assureur --basis "Police 7.2" --within 5q', 'log BR-2 --zzz', 'lang de', 'help snooze', 'help clock', 'help new', 'help zz',
  ];

  // Every text a person reads in a reply, then in the Slack blocks and the Teams card made from it.
  function readTexts(reply: Reply): string[] {
    const texts: string[] = [];
    mapReplyText(reply, (s) => (texts.push(s), s));
    const rendered = [JSON.stringify(replyToBlocks(reply)), JSON.stringify(replyToCard(reply) ?? {})];
    for (const json of rendered) {
      JSON.parse(json, (key, value) => {
        if (typeof value === 'string' && ['text', 'title', 'value', 'placeholder'].includes(key)) texts.push(value);
        return value;
      });
    }
    texts.push(replyToFallbackText(reply));
    return texts;
  }

  it.each(COMMANDS)('`%s`', async (command) => {
    const t = world();
    const say = (text: string) => t.bot.handle({ text, actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack' });
    await say('lang fr');
    // Citations are quoted as the rules write them ("CSP art. L.1111-8-2; D.1111-16-2"): references, not French prose.
    const citations = (await Promise.all(['BR-1', 'BR-2'].map(async (id) => JSON.parse((await say(`deadlines ${id} --json`)).text))))
      .flatMap((d) => stringsIn(d).filter(([path]) => /(^|\.)citation$/.test(path)).map(([, s]) => s));
    expect(citations.length).toBeGreaterThan(5);
    const reply = await say(command);
    expect(reply.lang ?? 'fr', reply.text).toBe('fr');
    expect(reply.text.length).toBeGreaterThan(0);
    const texts = readTexts(reply);
    expect(problemsIn(texts.map((s, i) => [`${command} #${i}`, s]), citations)).toEqual([]);
  });
});

describe('French drafts write the apostrophe as ’', () => {
  it('in every draft of a French and an American organization, read in French', async () => {
    const t = createTestBot('2025-02-21T08:00:00Z', [makeIncident('BR-1', usHospitalFacts()), makeIncident('BR-2', frenchHospitalFacts())]);
    const say = async (text: string) => (await t.bot.handle({ text, actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack' })).text;
    const straight: string[] = [];
    let drafts = 0;
    for (const id of ['BR-1', 'BR-2']) {
      for (const o of JSON.parse(await say(`deadlines ${id} --json`)) as Array<{ obligation: string; status: string }>) {
        if (o.status === 'not_applicable') continue;
        const text = await say(`draft ${id} ${o.obligation} --lang fr`);
        if (!text.includes('breachdesk ne fournit pas de conseil juridique')) continue;
        drafts++;
        // Outside code spans (commands to type) and the organization's and people's own words (none with an apostrophe here).
        for (const m of text.replace(/`[^`\n]*`/g, '').matchAll(/.{0,30}\p{L}'\p{L}.{0,10}/gu)) straight.push(`${id} ${o.obligation}: ${m[0]}`);
      }
    }
    expect(drafts).toBeGreaterThan(8);
    expect(straight).toEqual([]);
  });
});
