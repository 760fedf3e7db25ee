// Rule texts in French: every user-facing text of data/rules has a rendering in data/rules/fr/, the overlays are
// validated like the rules, and a French organization's answers carry no English rule text while --json stays English.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeObligations, toContractJson } from '../../bot/deadlines/engine.ts';
import { DEFAULT_RULES_DIR, InvalidRulesError, loadRules, parseRuleFileData } from '../../bot/deadlines/load-rules.ts';
import { userFacingTexts } from '../../bot/deadlines/rule-texts.ts';
import { createTestBot, makeIncident } from '../helpers/test-bot.ts';
import { frenchHospitalFacts } from '../pictures/fixtures.ts';

const ruleFiles = readdirSync(DEFAULT_RULES_DIR).filter((n) => n.endsWith('.json')).sort();
const overlay = (name: string): Record<string, string> => JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, 'fr', name), 'utf8')).texts;
const englishTexts = (name: string) => userFacingTexts(parseRuleFileData(readFileSync(join(DEFAULT_RULES_DIR, name), 'utf8'), name));

describe('French rule texts (data/rules/fr/)', () => {
  // Every rule file, found by listing the folder: a new rule file without its French overlay fails here.
  it.each(ruleFiles)('%s: every user-facing text has a French rendering, and no rendering is left over', (name) => {
    const fr = overlay(name);
    const english = englishTexts(name);
    expect(english.length).toBeGreaterThan(0);
    expect(english.filter((text) => !(text in fr)), 'English texts without French').toEqual([]);
    // A rendering whose English text changed or went away would never be shown: it must be updated, not kept.
    const used = new Set(english);
    expect(Object.keys(fr).filter((text) => !used.has(text)), 'renderings of texts no rule has').toEqual([]);
  });

  it('keeps citations as written and never renders a text as empty', () => {
    const fr = Object.fromEntries(ruleFiles.flatMap((n) => Object.entries(overlay(n))));
    expect(fr['the controller']).toBe('le responsable du traitement');
    expect(fr['affected data subjects']).toBe('les personnes concernées');
    expect(fr['Loi 2018-133 art. 7; décret 2018-384 art. 11']).toContain('2018-133');
    for (const [english, text] of Object.entries(fr)) expect(text.trim(), english).not.toBe('');
  });

  function rulesCopy(edit: (dir: string) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'breachdesk-rule-texts-'));
    mkdirSync(join(dir, 'fr'));
    for (const name of ruleFiles) {
      copyFileSync(join(DEFAULT_RULES_DIR, name), join(dir, name));
      copyFileSync(join(DEFAULT_RULES_DIR, 'fr', name), join(dir, 'fr', name));
    }
    edit(dir);
    return dir;
  }

  it('refuses at load an overlay that drops a placeholder, renders a text as empty, or names no rule file', () => {
    const dropHole = rulesCopy((dir) => {
      const file = join(dir, 'fr', 'us-federal.json');
      const data = JSON.parse(readFileSync(file, 'utf8'));
      const key = Object.keys(data.texts).find((k) => k.includes('{jurisdiction}'))!;
      data.texts[key] = 'les médias';
      writeFileSync(file, JSON.stringify(data));
    });
    expect(() => loadRules(dropHole)).toThrow(/us-federal\.json.*must keep its placeholders \(jurisdiction\)/);
    const empty = rulesCopy((dir) => writeFileSync(join(dir, 'fr', 'france.json'), JSON.stringify({ description: 'x', texts: { ANSSI: ' ' } })));
    expect(() => loadRules(empty)).toThrow(InvalidRulesError);
    const stray = rulesCopy((dir) => writeFileSync(join(dir, 'fr', 'belgium.json'), JSON.stringify({ description: 'x', texts: {} })));
    expect(() => loadRules(stray)).toThrow(/belgium\.json: no rule file belgium\.json/);
  });
});

describe('French filing guidance (data/filing/)', () => {
  const filingDir = join(DEFAULT_RULES_DIR, '..', 'filing');
  const files = readdirSync(filingDir).filter((n) => n.endsWith('.json')).sort();
  // Each field a reader sees, and its French twin (lists one for one).
  const PAIRS = [['to', 'toFr'], ['form', 'formFr'], ['method', 'methodFr'], ['signedBy', 'signedByFr'], ['content', 'contentFr'], ['substitute', 'substituteFr'], ['notes', 'notesFr'], ['source', 'sourceFr']] as const;

  it.each(files)('%s: every entry has its French beside the English', (name) => {
    const entries = JSON.parse(readFileSync(join(filingDir, name), 'utf8')).entries as { match: string[]; filing: Record<string, unknown> }[];
    const missing = entries.flatMap((e) => PAIRS.filter(([en, fr]) => e.filing[en] !== undefined && e.filing[fr] === undefined).map(([, fr]) => `${e.match[0]} ${fr}`));
    expect(missing).toEqual([]);
    for (const e of entries) {
      for (const [en, fr] of PAIRS) if (Array.isArray(e.filing[en])) expect((e.filing[fr] as unknown[]).length, `${e.match[0]} ${fr}`).toBe((e.filing[en] as unknown[]).length);
    }
  });
});

describe('a French hospital reads its deadlines in French', () => {
  const now = '2025-03-01T12:00:00Z';
  const world = () => createTestBot(now, [makeIncident('BR-2', frenchHospitalFacts())]);
  const ask = (t: ReturnType<typeof world>, text: string) => t.bot.handle({ text, actor: { id: 'U-DANA', name: 'Dana' }, platform: 'slack' });

  it('writes the basis in French, with the instant as France writes it', () => {
    const incident = makeIncident('BR-2', frenchHospitalFacts());
    const cnil = computeObligations(incident, loadRules(), new Date(now), { lang: 'fr' }).find((o) => o.obligation === 'FR-CNIL-GDPR-33')!;
    // Discovered 2025-02-20T09:00+01:00: Paris is on CET (UTC+1) in February, so 20/02/2025 09:00 CET.
    expect(cnil.basis).toBe('72 heures après la prise de connaissance du 20/02/2025 09:00 CET (heures consécutives, week-ends et jours fériés compris)\u202f; risque pour les personnes évalué\u00a0: élevé');
    expect(cnil.law).toBe('RGPD (la CNIL étant l’autorité de contrôle)');
    expect(cnil.citation).toBe('RGPD art. 33');
  });

  it('shows French recipients, laws, bases and caveats, and none of the English rule texts', async () => {
    const t = world();
    const list = await ask(t, 'deadlines BR-2');
    const ids = ['FR-CSP-L1111-8-2-SSI', 'FR-CNIL-GDPR-33', 'EU-GDPR-34-DS'];
    const details = await Promise.all(ids.map((id) => ask(t, `deadlines BR-2 --only ${id}`)));
    const text = [list.text, ...details.map((d) => d.text)].join('\n');
    expect(text).toContain('ANS / CERT Santé via le portail de signalement des événements sanitaires indésirables (l’ARS en est informée)');
    expect(text).toContain('les personnes concernées');
    // Discovered on 20/02/2025; "sans délai" counts as that same day.
    expect(text).toContain('«\u00a0sans délai\u00a0» à compter de la découverte du 20/02/2025');
    expect(text).toContain('Le délai de 72 heures court pendant les week-ends et jours fériés (téléservice de notification de violation).');
    expect(text).toContain('La CNIL le recommande elle-même\u00a0: en cas de doute, notifier');
    const english = ['france.json', 'eu-uk.json'].flatMap((n) => Object.entries(overlay(n))).filter(([en, fr]) => en !== fr).map(([en]) => en);
    expect(english.filter((s) => text.includes(s))).toEqual([]);
    // The engine's English words, e.g. "72 hours after awareness at", "risk to individuals", "without undue delay".
    expect(text).not.toMatch(/\b(hours after|awareness|risk to individuals|without undue delay|discovery on|weekends)\b/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('keeps the --json contract in English, as for any organization', async () => {
    const t = world();
    const reply = await ask(t, 'deadlines BR-2 --json');
    const data = reply.data as Array<{ obligation: string; recipient: string; basis: string }>;
    const cnil = data.find((o) => o.obligation === 'FR-CNIL-GDPR-33')!;
    expect(cnil.basis).toBe('72 hours after awareness at 2025-02-20T09:00+01:00 (continuous hours, weekends included); risk to individuals assessed as high');
    expect(data.find((o) => o.obligation === 'EU-GDPR-34-DS')!.recipient).toBe('affected data subjects');
    const english = computeObligations(makeIncident('BR-2', frenchHospitalFacts()), loadRules(), new Date(now)).map(toContractJson);
    expect(data).toEqual(english);
  });
});
