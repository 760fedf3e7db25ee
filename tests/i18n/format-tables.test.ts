// Day headings, grouped numbers and French weekdays are written from tables instead of Intl formatters (the first one a
// process builds costs about 30 ms); they must read exactly as Intl writes them, in both languages.
import { describe, expect, it } from 'vitest';
import { wordsFor } from '../../bot/deadlines/words.ts';
import { formatDay, formatNumber } from '../../bot/i18n/format.ts';

const DAY_MS = 86_400_000;

describe('formats written without Intl', () => {
  it('day headings are Intl’s en-US and fr-FR short dates, every day from 2000 to 2045', () => {
    const en = new Intl.DateTimeFormat('en-US', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const fr = new Intl.DateTimeFormat('fr-FR', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const wrong: string[] = [];
    for (let ms = Date.UTC(2000, 0, 1, 12); ms < Date.UTC(2046, 0, 1); ms += DAY_MS) {
      const iso = new Date(ms).toISOString();
      if (formatDay(iso, 'UTC', 'en') !== en.format(ms)) wrong.push(`${iso} en ${formatDay(iso, 'UTC', 'en')} vs ${en.format(ms)}`);
      if (formatDay(iso, 'UTC', 'fr') !== fr.format(ms)) wrong.push(`${iso} fr ${formatDay(iso, 'UTC', 'fr')} vs ${fr.format(ms)}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // The heading is the day in the zone: 03:00Z on 1 March 2026 is still 28 February in Chicago.
    expect(formatDay('2026-03-01T03:00:00Z', 'America/Chicago', 'en')).toBe('Sat, Feb 28, 2026');
  });

  it('grouped numbers are Intl’s (French narrow no-break space written as a no-break space), and the rest still goes to Intl', () => {
    const values = [0, 7, 999, 1000, 1234, 99_999, 262_831, 1_000_000, 758_912, 12_345_678, Number.MAX_SAFE_INTEGER];
    for (const n of values) {
      expect(formatNumber(n, 'en')).toBe(new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n));
      expect(formatNumber(n, 'fr')).toBe(new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(n).replace(/\u202f/g, '\u00a0'));
      expect(wordsFor('fr', 'Europe/Paris').count(n)).toBe(formatNumber(n, 'fr'));
    }
    expect(formatNumber(262_831, 'fr')).toBe('262\u00a0831');
    expect(formatNumber(-1234.6, 'en')).toBe('-1,235');
  });

  it('French weekdays are Intl’s fr-FR long names', () => {
    const fr = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'UTC' });
    const words = wordsFor('fr', 'Europe/Paris');
    for (let d = 0; d < 7; d++) {
      const day = new Date(Date.UTC(2026, 10, 1 + d)).toISOString().slice(0, 10);
      expect(words.weekday(day)).toBe(fr.format(new Date(`${day}T12:00:00Z`)));
    }
  });
});
