// The engine's sentences are filled by its own light interpolation (bot/deadlines/words.ts): it must read every
// catalogue message exactly as i18next does, in both languages, plural forms included.
import { describe, expect, it } from 'vitest';
import { engineMessage, wordsFor } from '../../bot/deadlines/words.ts';
import { catalogue, t, type Lang } from '../../bot/i18n/index.ts';

function keys(node: unknown, prefix = ''): string[] {
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

describe('engine messages', () => {
  // Plural keys are asked for by their base name with a count; the others with a value for each placeholder.
  const all = [...new Set(keys(catalogue('en').engine).map((k) => k.replace(/_(one|other)$/, '')))];

  it.each(['en', 'fr'] as Lang[])('reads every engine message as i18next does (%s)', (lang) => {
    for (const key of all) {
      const text = JSON.stringify(catalogue(lang).engine);
      const names = [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
      const values = Object.fromEntries(names.map((n) => [n, `<${n}>`]));
      for (const count of [1, 2]) {
        const withCount = { ...values, count };
        expect(engineMessage(lang, key, withCount), `${lang} ${key}`).toBe(t(lang, `engine.${key}`, withCount));
      }
    }
  });

  it('writes French plurals, days, instants and head counts as France does', () => {
    const fr = wordsFor('fr', 'Europe/Paris');
    expect(fr.say('clock.months', { count: 1 })).toBe('1 mois');
    expect(fr.say('clock.calendarDays', { days: 60 })).toBe('60 jours calendaires');
    expect(fr.day('2026-11-30')).toBe('30/11/2026');
    // 2026-07-14T08:05Z is 10:05 in Paris on summer time (CEST, UTC+2).
    expect(fr.instant(Date.parse('2026-07-14T08:05:00Z'))).toBe('14/07/2026 10:05 CEST');
    expect(fr.count(758912)).toBe('758\u00a0912');
    expect(fr.weekday('2026-11-28')).toBe('samedi');
    const en = wordsFor('en', 'Europe/Paris');
    expect(en.instant(Date.parse('2026-07-14T08:05:00Z'))).toBe('2026-07-14T10:05+02:00');
    expect(en.count(758912)).toBe('758912');
  });
});
