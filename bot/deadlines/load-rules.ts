// Reads data/rules/*.json, validates it with zod and cross-checks references, so bad rule data fails at start-up.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { RuleFileSchema, type Rule, type RuleSet } from './rule-schema.ts';

/** Rule data that cannot be used; the message names the file and the path inside it. */
export class InvalidRulesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRulesError';
  }
}

/** The rules shipped in data/rules/. */
export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../data/rules/', import.meta.url));

/** Load and validate every *.json file of `dir` (default data/rules/), in file-name order. */
export function loadRules(dir: string = DEFAULT_RULES_DIR): RuleSet {
  const names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  if (names.length === 0) throw new InvalidRulesError(`${dir}: no rule files (*.json) found`);
  const rules: Rule[] = [];
  const files: string[] = [];
  for (const name of names) {
    const file = join(dir, name);
    rules.push(...parseRuleFile(readFileSync(file, 'utf8'), file));
    files.push(file);
  }
  checkReferences(rules);
  return { rules, files };
}

/** Parse one rule file's text; `file` is only used in error messages. */
export function parseRuleFile(text: string, file: string): Rule[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidRulesError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const result = RuleFileSchema.safeParse(json);
  if (!result.success) throw new InvalidRulesError(`${file}: ${describeIssue(result.error, json)}`);
  const { caveats, rules } = result.data;
  return rules.map((rule) => ({ ...rule, caveats: [...rule.caveats, ...caveats] }));
}

/** Every obligation id the rules can produce without a fan-out (the ids a `notice` anchor may name). */
export function plainObligationIds(rules: readonly Rule[]): Set<string> {
  const ids = new Set<string>();
  for (const rule of rules) {
    for (const part of rule.obligations) if (!part.fanOut) ids.add(part.part ? `${rule.id}:${part.part}` : rule.id);
  }
  return ids;
}

function checkReferences(rules: readonly Rule[]): void {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new InvalidRulesError(`rule ${rule.id} is defined twice in data/rules`);
    seen.add(rule.id);
    const parts = new Set<string>();
    rule.obligations.forEach((part, i) => {
      const key = part.part ?? '';
      if (parts.has(key)) throw new InvalidRulesError(`rule ${rule.id}: obligations[${i}] repeats part "${key}"`);
      parts.add(key);
      if (part.fanOut && part.part !== null) throw new InvalidRulesError(`rule ${rule.id}: obligations[${i}] fans out per State, so its part must be null`);
    });
  }
  const ids = plainObligationIds(rules);
  for (const rule of rules) {
    rule.obligations.forEach((part, i) => {
      const refs = [...(part.anchor.event === 'notice' ? part.anchor.obligations : []), ...(part.orEarlierNotice ? [part.orEarlierNotice] : [])];
      for (const ref of refs) {
        if (!ids.has(ref)) throw new InvalidRulesError(`rule ${rule.id}: obligations[${i}] refers to unknown obligation ${ref}`);
      }
    });
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
