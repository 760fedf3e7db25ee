// Rule data validated once per content: the zod pass over data/rules costs more than the rest of a one-shot CLI
// command, so its result is kept in a cache file named by the SHA-256 of the rule files and of the code validating them.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleRuleSet, DEFAULT_RULES_DIR, InvalidRulesError, parseRuleFileData, type ParsedRuleFile } from './load-rules.ts';
import type { RuleSet } from './rule-schema.ts';
import { loadRuleTexts } from './rule-texts.ts';
import { appPath, CODE_EXT } from '../app-root.ts';

// Changing what a cached file holds changes this; the validating code is hashed too, so a schema change re-validates.
const CACHE_FORMAT = 'breachdesk-rules-cache/1';
const VALIDATORS = ['rule-schema', 'load-rules'].map((name) => appPath('bot', 'deadlines', `${name}${CODE_EXT}`));

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
  const key = hash.digest('hex');
  const path = join(cacheDir, `rules-${key}.json`);
  const cached = readCache(path, key);
  // Cross-file checks (shared caveats, definitions, references) are cheap and always run on the cached files.
  // The rule texts in other languages (data/rules/<lang>/) are plain tables, cheap to read and check on every start.
  const translations = loadRuleTexts(dir, names);
  if (cached) return { rules: { ...assembleRuleSet(cached, files), texts: translations }, cache: 'hit' };
  const parsed = files.map((file, i) => parseRuleFileData(texts[i]!, file));
  const rules = { ...assembleRuleSet(parsed, files), texts: translations };
  return { rules, cache: writeCache(cacheDir, path, key, parsed) ? 'miss' : 'unwritable' };
}

function readCache(path: string, key: string): ParsedRuleFile[] | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as { key?: unknown; files?: unknown };
    return data.key === key && Array.isArray(data.files) ? (data.files as ParsedRuleFile[]) : undefined;
  } catch {
    return undefined; // missing or damaged: validate again
  }
}

/** Write atomically (unique temp file, rename) and drop caches written over a week ago; false when the folder is not writable. */
function writeCache(cacheDir: string, path: string, key: string, files: ParsedRuleFile[]): boolean {
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temp, JSON.stringify({ key, files }), { mode: 0o600 });
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
