// Rule validation cached by content: the same rules as a full validation, re-validated when a rule file changes.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR, InvalidRulesError } from '../../bot/deadlines/load-rules.ts';
import { loadRulesCached } from '../../bot/deadlines/rules-cache.ts';
import { rules as validated } from './helpers.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

describe('the rules cache', () => {
  it('validates once, then answers from the cache with the same rules as a full validation', () => {
    const cache = temp('rules-cache-');
    const first = loadRulesCached(cache);
    const second = loadRulesCached(cache);
    expect([first.cache, second.cache]).toEqual(['miss', 'hit']);
    expect(second.rules.rules).toEqual(validated.rules);
    expect(second.rules.piDefinitions).toEqual(validated.piDefinitions);
    expect(second.rules.sharedCaveatIds).toEqual(validated.sharedCaveatIds);
    // The French overlays come from the cache too, entry for entry.
    expect(second.rules.texts?.fr?.size).toBeGreaterThan(100);
    expect(second.rules.texts).toEqual(first.rules.texts);
    expect(second.rules.texts).toEqual(validated.texts);
  });

  it('checks an edited overlay again: a rendering that drops a placeholder is refused, the restored one served again', () => {
    const cache = temp('rules-cache-');
    const dir = temp('rules-data-');
    cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
    expect(loadRulesCached(cache, dir).cache).toBe('miss');
    const file = join(dir, 'fr', 'us-federal.json');
    const overlay = JSON.parse(readFileSync(file, 'utf8')) as { texts: Record<string, string> };
    const english = Object.keys(overlay.texts).find((k) => /\{\w+\}/.test(k))!;
    const original = overlay.texts[english]!;
    overlay.texts[english] = 'texte sans son paramètre';
    writeFileSync(file, JSON.stringify(overlay));
    expect(() => loadRulesCached(cache, dir)).toThrow(/us-federal\.json: .* must keep its placeholders/);
    // A rendering with its placeholder, in a new layout (so new content): validated, then served from the cache.
    overlay.texts[english] = original;
    writeFileSync(file, JSON.stringify(overlay, null, 1));
    const fixed = loadRulesCached(cache, dir);
    expect(fixed.cache).toBe('miss');
    expect(fixed.rules.texts?.fr?.get(english)).toBe(original);
    const again = loadRulesCached(cache, dir);
    expect(again.cache).toBe('hit');
    expect(again.rules.texts?.fr?.get(english)).toBe(original);
  });

  it('validates again when a rule file changes, and a now-invalid file is refused, not served from the cache', () => {
    const cache = temp('rules-cache-');
    const dir = temp('rules-data-');
    cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
    expect(loadRulesCached(cache, dir).cache).toBe('miss');
    const file = join(dir, 'france.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { rules: Array<{ id: string; verification: string }> };
    data.rules[0]!.verification = 'verified_by_rumour';
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadRulesCached(cache, dir)).toThrow(InvalidRulesError);
    expect(() => loadRulesCached(cache, dir)).toThrow(/france\.json: rules\[0\].*verification/);
  });

  it('ignores a damaged cache file and writes a good one in its place', () => {
    const cache = temp('rules-cache-');
    loadRulesCached(cache);
    const [name] = readdirSync(cache).filter((n) => n.startsWith('rules-'));
    writeFileSync(join(cache, name!), '{"key": "x", "fil');
    expect(loadRulesCached(cache).cache).toBe('miss');
    expect(loadRulesCached(cache).cache).toBe('hit');
  });

  it('still answers when the cache folder cannot be written', () => {
    const blocker = join(temp('rules-cache-'), 'a-file');
    writeFileSync(blocker, '');
    const result = loadRulesCached(join(blocker, 'cache'));
    expect(result.cache).toBe('unwritable');
    expect(result.rules.rules.length).toBe(validated.rules.length);
  });
});
