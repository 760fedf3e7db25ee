// Reads data/rules/*.json, validates it with zod and cross-checks references, so bad rule data fails at start-up.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { RuleFileSchema, type Rule, type RulePiDefinition, type RuleSet } from './rule-schema.ts';
import { loadRuleTexts } from './rule-texts.ts';
import { appPath } from '../app-root.ts';

/** Rule data that cannot be used; the message names the file and the path inside it. */
export class InvalidRulesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRulesError';
  }
}

/** The rules shipped in data/rules/. */
export const DEFAULT_RULES_DIR = appPath('data', 'rules');

/** Load and validate every *.json file of `dir` (default data/rules/), in file-name order. */
export function loadRules(dir: string = DEFAULT_RULES_DIR): RuleSet {
  const names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  if (names.length === 0) throw new InvalidRulesError(`${dir}: no rule files (*.json) found`);
  const files = names.map((name) => join(dir, name));
  const parsed = files.map((file) => parseRuleFileData(readFileSync(file, 'utf8'), file));
  return { ...assembleRuleSet(parsed, files), texts: loadRuleTexts(dir, names) };
}

/** One parsed rule file, before shared caveats and definitions are resolved across files. */
export interface ParsedRuleFile {
  file: string;
  rules: Rule[];
  sharedCaveats: Record<string, string>;
  piDefinitions: Record<string, RulePiDefinition>;
}

/** Resolve "@id" caveats and personal-information definitions across files, and cross-check references. */
export function assembleRuleSet(parsed: readonly ParsedRuleFile[], files: readonly string[]): RuleSet {
  const shared = new Map<string, string>();
  const definitions = new Map<string, RulePiDefinition>();
  for (const p of parsed) {
    for (const [id, text] of Object.entries(p.sharedCaveats)) {
      if (shared.has(id)) throw new InvalidRulesError(`${p.file}: shared caveat ${id} is defined twice`);
      shared.set(id, text);
    }
    for (const [name, def] of Object.entries(p.piDefinitions)) {
      if (definitions.has(name)) throw new InvalidRulesError(`${p.file}: personal-information definition ${name} is defined twice`);
      definitions.set(name, def);
    }
  }
  const rules = parsed.flatMap((p) => p.rules.map((rule) => resolveCaveats(rule, shared, p.file)));
  for (const rule of rules) {
    if (rule.personalInfo && !definitions.has(rule.personalInfo)) throw new InvalidRulesError(`rule ${rule.id}: unknown personal-information definition ${rule.personalInfo}`);
  }
  checkReferences(rules);
  const sharedCaveatIds = new Map([...shared].map(([id, text]) => [text, id] as const));
  return { rules, files, piDefinitions: definitions, sharedCaveatIds };
}

function resolveCaveats(rule: Rule, shared: ReadonlyMap<string, string>, file: string): Rule {
  const one = (c: string) => {
    if (!c.startsWith('@')) return c;
    const text = shared.get(c.slice(1));
    if (!text) throw new InvalidRulesError(`${file}: rule ${rule.id} names unknown shared caveat ${c}`);
    return text;
  };
  const list = (cs: readonly string[]) => cs.map(one);
  const parts = (ps: Rule['obligations']) => ps.map((p) => ({ ...p, caveats: list(p.caveats) }));
  return {
    ...rule,
    caveats: list(rule.caveats),
    obligations: parts(rule.obligations),
    versions: rule.versions.map((v) => ({ ...v, ...(v.caveats ? { caveats: list(v.caveats) } : {}), ...(v.obligations ? { obligations: parts(v.obligations) } : {}) })),
  };
}

/** Parse one rule file's text; `file` is only used in error messages (shared caveats of other files are not resolved). */
export function parseRuleFile(text: string, file: string): Rule[] {
  const parsed = parseRuleFileData(text, file);
  return parsed.rules.map((rule) => resolveCaveats(rule, new Map(Object.entries(parsed.sharedCaveats)), file));
}

/** A data file's JSON, or InvalidRulesError naming the file and where the JSON breaks. */
export function parseDataJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidRulesError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Parse and validate one rule file's text. */
export function parseRuleFileData(text: string, file: string): ParsedRuleFile {
  const json = parseDataJson(text, file);
  const result = RuleFileSchema.safeParse(json);
  if (!result.success) throw new InvalidRulesError(`${file}: ${describeIssue(result.error, json)}`);
  const { caveats, rules, sharedCaveats, piDefinitions } = result.data;
  return { file, rules: rules.map((rule) => ({ ...rule, caveats: [...rule.caveats, ...caveats] })), sharedCaveats, piDefinitions };
}

/** Every obligation id the rules can produce without a fan-out (the ids a `notice` anchor may name). */
export function plainObligationIds(rules: readonly Rule[]): Set<string> {
  const ids = new Set<string>();
  for (const rule of rules) {
    const all = [...rule.obligations, ...rule.versions.flatMap((v) => v.obligations ?? [])];
    for (const part of all) if (!part.fanOut) ids.add(part.part ? `${rule.id}:${part.part}` : rule.id);
  }
  return ids;
}

function checkParts(id: string, parts: Rule['obligations']): void {
  const seen = new Set<string>();
  parts.forEach((part, i) => {
    const key = part.part ?? '';
    if (seen.has(key)) throw new InvalidRulesError(`rule ${id}: a version's obligations[${i}] repeats part "${key}"`);
    seen.add(key);
  });
}

function checkReferences(rules: readonly Rule[]): void {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new InvalidRulesError(`rule ${rule.id} is defined twice in data/rules`);
    seen.add(rule.id);
    const parts = new Set<string>();
    // Every version's parts are checked too: a version may add a part (OK SB 626's AG notice).
    for (const v of rule.versions) if (v.obligations) checkParts(rule.id, v.obligations);
    rule.obligations.forEach((part, i) => {
      const key = part.part ?? '';
      if (parts.has(key)) throw new InvalidRulesError(`rule ${rule.id}: obligations[${i}] repeats part "${key}"`);
      parts.add(key);
      if (part.fanOut && part.part !== null) throw new InvalidRulesError(`rule ${rule.id}: obligations[${i}] fans out per State, so its part must be null`);
    });
    checkHipaaParts(rule, parts);
  }
  const ids = plainObligationIds(rules);
  for (const rule of rules) {
    [...rule.obligations, ...rule.versions.flatMap((v) => v.obligations ?? [])].forEach((part, i) => {
      const refs = [...(part.anchor.event === 'notice' ? part.anchor.obligations : []), ...[part.orEarlierNotice ?? []].flat()];
      for (const ref of refs) {
        if (!ids.has(ref)) throw new InvalidRulesError(`rule ${rule.id}: obligations[${i}] refers to unknown obligation ${ref}`);
      }
    });
  }
}

/** A deeming clause names parts of its own rule: the parts it satisfies, and the counted notice it rests on. */
function checkHipaaParts(rule: Rule, parts: ReadonlySet<string>): void {
  const h = rule.hipaa;
  if (h?.kind !== 'deemed') return;
  for (const part of h.deemedParts) if (!parts.has(part)) throw new InvalidRulesError(`rule ${rule.id}: hipaa.deemedParts names "${part}", not a part of the rule`);
  if (h.requiresNotice && !rule.obligations.some((p) => p.part === h.requiresNotice && p.threshold)) {
    throw new InvalidRulesError(`rule ${rule.id}: hipaa.requiresNotice names "${h.requiresNotice}", not a part of the rule with a head-count threshold`);
  }
}

function describeIssue(error: z.ZodError, json: unknown): string {
  const issue = error.issues[0]!;
  const segments = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`));
  let where = segments.join('').replace(/^\./, '');
  // Name the rule too: "rules[3] (US-TX-BREACH)" is easier to find than an index.
  const ruleIndex = issue.path[0] === 'rules' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
  const id = ruleIndex === undefined ? undefined : ruleIdAt(json, ruleIndex);
  if (id) where = where.replace(`rules[${ruleIndex}]`, `rules[${ruleIndex}] (${id})`);
  return `${where || '(file)'}: ${issue.message}`;
}

function ruleIdAt(json: unknown, index: number): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const rules = (json as { rules?: unknown }).rules;
  const rule = Array.isArray(rules) ? (rules[index] as { id?: unknown } | undefined) : undefined;
  return typeof rule?.id === 'string' ? rule.id : undefined;
}
