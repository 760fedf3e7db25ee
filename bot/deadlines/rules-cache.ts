// Rule data validated once per content: the zod pass over data/rules costs more than the rest of a one-shot CLI
// command, so its result is kept in a cache file named by the SHA-256 of the rule files, their overlays in other
// languages (data/rules/<lang>/) and the code validating them. The overlays' own check was 9–10 ms of every command.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleRuleSet, DEFAULT_RULES_DIR, InvalidRulesError, parseRuleFileData, type ParsedRuleFile } from './load-rules.ts';
import type { RuleSet } from './rule-schema.ts';
import { loadRuleTexts, overlayNames, RULE_TEXT_LANGUAGES } from './rule-texts.ts';
import { appPath, CODE_EXT } from '../app-root.ts';

// Changing what a cached file holds changes this; the validating code is hashed too, so a schema change re-validates.
const CACHE_FORMAT = 'breachdesk-rules-cache/2';
const VALIDATORS = ['rule-schema', 'load-rules', 'rule-texts'].map((name) => appPath('bot', 'deadlines', `${name}${CODE_EXT}`));

/** Rule texts by language, as the cache file holds them: [English, rendering] pairs. */
type CachedTexts = Record<string, Array<[string, string]>>;
type Texts = RuleSet['texts'];

/** Where the cache lives and what happened (for tests and the bench). */
export interface RulesCacheResult {
  rules: RuleSet;
  /** `hit`: read from the cache; `miss`: validated and written; `unwritable`: validated, cache not written. */
  cache: 'hit' | 'miss' | 'unwritable';
}

/** loadRules(dir), reusing the validation of identical rule files from `cacheDir` (created when missing). */
export function loadRulesCached(cacheDir: string, dir: string = DEFAULT_RULES_DIR): RulesCacheResult {
  const names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  if (names.length === 0) throw new InvalidRulesError(`${dir}: no rule files (*.json) found`);
  const files = names.map((name) => join(dir, name));
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  const hash = createHash('sha256').update(CACHE_FORMAT);
  for (const v of VALIDATORS) hash.update('\0').update(readFileSync(v));
  files.forEach((file, i) => hash.update('\0').update(file).update('\0').update(texts[i]!));
  // The overlays (names included: one added or removed changes the key) go into the key as the rule files do.
  for (const lang of RULE_TEXT_LANGUAGES) {
    for (const name of overlayNames(dir, lang)) hash.update('\0').update(lang).update('/').update(name).update('\0').update(readFileSync(join(dir, lang, name)));
  }
  const key = hash.digest('hex');
  const path = join(cacheDir, `rules-${key}.json`);
  const cached = readCache(path, key);
  // Cross-file checks (shared caveats, definitions, references) are cheap and always run on the cached files.
  if (cached) return { rules: { ...assembleRuleSet(cached.files, files), texts: textTables(cached.texts) }, cache: 'hit' };
  const parsed = files.map((file, i) => parseRuleFileData(texts[i]!, file));
  const translations = loadRuleTexts(dir, names);
  const rules = { ...assembleRuleSet(parsed, files), texts: translations };
  return { rules, cache: writeCache(cacheDir, path, key, parsed, cachedTexts(translations)) ? 'miss' : 'unwritable' };
}

function cachedTexts(texts: Texts): CachedTexts {
  return Object.fromEntries(Object.entries(texts ?? {}).map(([lang, table]) => [lang, [...(table ?? new Map()).entries()]]));
}

function textTables(texts: CachedTexts): NonNullable<Texts> {
  return Object.fromEntries(Object.entries(texts).map(([lang, pairs]) => [lang, new Map(pairs)]));
}

function readCache(path: string, key: string): { files: ParsedRuleFile[]; texts: CachedTexts } | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as { key?: unknown; files?: unknown; texts?: unknown };
    const texts = data.texts;
    const textsOk = typeof texts === 'object' && texts !== null && Object.values(texts).every((pairs) => Array.isArray(pairs) && pairs.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string'));
    return data.key === key && Array.isArray(data.files) && textsOk ? { files: data.files as ParsedRuleFile[], texts: texts as CachedTexts } : undefined;
  } catch {
    return undefined; // missing or damaged: validate again
  }
}

/** Write atomically (unique temp file, rename) and drop caches written over a week ago; false when the folder is not writable. */
function writeCache(cacheDir: string, path: string, key: string, files: ParsedRuleFile[], texts: CachedTexts): boolean {
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temp, JSON.stringify({ key, files, texts }), { mode: 0o600 });
    renameSync(temp, path);
    // Other checkouts (other paths, other rule data) share the folder, so only week-old entries go (rewritten on their next use).
    const weekAgo = Date.now() - 7 * 86_400_000;
    for (const name of readdirSync(cacheDir)) {
      if (/^rules-[0-9a-f]{64}\.json$/.test(name) && statSync(join(cacheDir, name)).mtimeMs < weekAgo) rmSync(join(cacheDir, name), { force: true });
    }
    return true;
  } catch {
    return false;
  }
}
