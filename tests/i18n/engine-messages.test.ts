// The engine's sentences in French: plurals, days, instants and head counts as France writes them (every catalogue
// message, the engine's included, is checked against i18next itself in template-cache.test.ts).
import { describe, expect, it } from 'vitest';
import { wordsFor } from '../../bot/deadlines/words.ts';

describe('engine messages', () => {
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
