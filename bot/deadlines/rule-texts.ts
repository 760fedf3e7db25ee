// Rule texts in other languages: data/rules/<lang>/<rule file>.json, one overlay per rule file, validated at load.
//
// An overlay is a table keyed by the English text itself ({ "texts": { "<English>": "<French>" } }), not by rule id
// and field: the same text recurs across parts, versions and fanned-out States (one entry serves them all), and an
// edit of the English text leaves its old entry unused, so the completeness test (tests/i18n/rule-texts.test.ts)
// names the text as untranslated instead of an outdated French sentence being shown. A text without a rendering
// is shown in English, never as an empty string.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { InvalidRulesError, parseDataJson, type ParsedRuleFile } from './load-rules.ts';
import type { RulePart } from './rule-schema.ts';

/** The languages rule texts may be rendered in besides English (one subfolder each). */
export const RULE_TEXT_LANGUAGES = ['fr'] as const;

/** A data/rules/<lang>/*.json overlay. */
export const RuleTextsFileSchema = z.strictObject({
  description: z.string().min(1),
  /** English text (exactly as in the rule file) → its rendering. */
  texts: z.record(z.string().min(1), z.string().trim().min(1)),
});

/** The overlay files of `lang` under the rules folder `dir` (data/rules/<lang>/*.json), sorted; none without that folder. */
export function overlayNames(dir: string, lang: string): string[] {
  const folder = join(dir, lang);
  return existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith('.json')).sort() : [];
}

/** Read and validate every overlay under `dir` (the rules folder); `ruleFiles` are the rule files' names there. */
export function loadRuleTexts(dir: string, ruleFiles: readonly string[]): Partial<Record<string, ReadonlyMap<string, string>>> {
  const out: Partial<Record<string, ReadonlyMap<string, string>>> = {};
  for (const lang of RULE_TEXT_LANGUAGES) {
    const folder = join(dir, lang);
    if (!existsSync(folder)) continue;
    const table = new Map<string, string>();
    for (const name of overlayNames(dir, lang)) {
      const file = join(folder, name);
      if (!ruleFiles.includes(name)) throw new InvalidRulesError(`${file}: no rule file ${name} in ${dir} for these texts`);
      for (const [english, text] of Object.entries(parseRuleTexts(readFileSync(file, 'utf8'), file))) {
        const seen = table.get(english);
        if (seen !== undefined && seen !== text) throw new InvalidRulesError(`${file}: "${english.slice(0, 60)}" has two different renderings`);
        table.set(english, text);
      }
    }
    out[lang] = table;
  }
  return out;
}

/** Parse one overlay's text; placeholders ({jurisdiction}) must be kept. */
export function parseRuleTexts(text: string, file: string): Record<string, string> {
  const json = parseDataJson(text, file);
  const result = RuleTextsFileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InvalidRulesError(`${file}: ${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`);
  }
  for (const [english, rendering] of Object.entries(result.data.texts)) {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();
    if (holes(english) !== holes(rendering)) throw new InvalidRulesError(`${file}: "${english.slice(0, 60)}" must keep its placeholders (${holes(english) || 'none'})`);
  }
  return result.data.texts;
}

/** Every user-facing text of one parsed rule file (citations, ids and internal notes excluded; "@id" references resolved elsewhere). */
export function userFacingTexts(file: ParsedRuleFile): string[] {
  const texts = new Set<string>(Object.values(file.sharedCaveats));
  const add = (s: string | undefined) => {
    if (s !== undefined && !s.startsWith('@')) texts.add(s);
  };
  for (const def of Object.values(file.piDefinitions)) add(def.note);
  for (const rule of file.rules) {
    for (const s of [rule.law, rule.notApplicable, rule.versionLabel, rule.hipaa?.note, rule.lawEnforcementDelay?.terms, ...rule.caveats]) add(s);
    rule.obligations.forEach((p) => partTexts(p).forEach(add));
    for (const v of rule.versions) {
      for (const s of [v.label, v.hipaa?.note, ...(v.caveats ?? [])]) add(s);
      (v.obligations ?? []).forEach((p) => partTexts(p).forEach(add));
    }
  }
  return [...texts];
}

function partTexts(p: RulePart): (string | undefined)[] {
  const standard = (c: RulePart['clock']) => ('standard' in c ? c.standard : undefined);
  return [
    p.recipient, p.law, standard(p.clock), p.threshold?.otherwise, p.dataRequires?.otherwise, ...p.caveats,
    ...p.requires.map((r) => r.otherwise), ...p.alternatives.flatMap((a) => [a.note, standard(a.clock)]),
  ];
}
