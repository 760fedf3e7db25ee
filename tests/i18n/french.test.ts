// French for French organizations: a complete catalogue, French views and reminders, numbers and dates as written in France.
import { describe, expect, it } from 'vitest';
import { catalogue, t } from '../../bot/i18n/index.ts';
import { formatCountdown, formatInstant, formatNumber } from '../../bot/i18n/format.ts';
import { readCount, readGdprRisk, readYesNo } from '../../commands/input-words.ts';
import { readInstant } from '../../commands/instants.ts';
import { createTestBot, makeIncident } from '../helpers/test-bot.ts';
import { frenchHospitalFacts, vendorBreachFacts } from '../pictures/fixtures.ts';

function keys(node: unknown, prefix = ''): string[] {
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

describe('the catalogue', () => {
  it('has every English key in French, none empty, placeholders kept', () => {
    const en = catalogue('en');
    const fr = catalogue('fr');
    expect(keys(fr)).toEqual(keys(en));
    for (const key of keys(en)) {
      const get = (c: unknown) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], c) as string;
      expect(get(fr).trim(), key).not.toBe('');
      const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(holes(get(fr)), key).toEqual(holes(get(en)));
    }
  });

  it('formats numbers, instants and countdowns per language', () => {
    expect(formatNumber(262831, 'en')).toBe('262,831');
    expect(formatNumber(262831, 'fr')).toBe('262\u00a0831');
    // 2025-03-22T23:59:59.999-05:00 is 2025-03-23 05:59 in Paris (CET, before the 03-30 change).
    expect(formatInstant('2025-03-22T23:59:59.999-05:00', 'Europe/Paris', 'fr')).toBe('23/03/2025 05:59 CET');
    expect(formatCountdown(Date.parse('2025-03-04T09:00:00Z'), Date.parse('2025-03-01T05:00:00Z'), 'fr')).toBe('dans 3 j 4 h');
    expect(formatCountdown(Date.parse('2025-03-04T09:00:00Z'), Date.parse('2025-03-05T10:00:00Z'), 'fr', 'words')).toBe('en retard de 1 jour 1 heure');
    expect(t('fr', 'time.words.d', { count: 2 })).toBe('2 jours');
  });
});

describe('input as people type it', () => {
  it.each([
    ['262,831', 'en', 262831], ['262 831', 'en', 262831], ['262\u00a0831', 'fr', 262831], ['262.831', 'fr', 262831], ['2000', 'en', 2000],
  ] as const)('reads %s (%s) as %d', (raw, lang, n) => {
    expect(readCount(raw, lang)).toBe(n);
  });

  it.each([['-5'], ['1e9'], ['2.5'], ['262.831'], ['lots'], ['12,34']])('refuses %s in a sentence', (raw) => {
    const answer = readCount(raw, 'en');
    expect(typeof answer).toBe('string');
    expect(answer).toMatch(/^".+" (is|looks)/);
  });

  it('reads yes/no and GDPR risk in English or French', () => {
    expect([readYesNo('oui'), readYesNo('NON'), readYesNo('true'), readYesNo('no')]).toEqual([true, false, true, false]);
    expect([readGdprRisk('faible'), readGdprRisk('élevé'), readGdprRisk('Risque'), readGdprRisk('high')]).toEqual(['unlikely', 'high', 'risk', 'high']);
  });

  it('reads a French day-first date for French organizations only', () => {
    expect(readInstant('20/02/2025 09:00', 'Europe/Paris', 'fr')).toBe('2025-02-20T09:00:00+01:00');
    expect(readInstant('20/02/2025 9h30', 'Europe/Paris', 'fr')).toBe('2025-02-20T09:30:00+01:00');
    expect(() => readInstant('02/03/2025', 'America/Chicago', 'en')).toThrow(/day-first or month-first/);
  });
});

describe('answers in French', () => {
  const world = () => createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', vendorBreachFacts()), makeIncident('BR-2', frenchHospitalFacts())]);
  const ask = (t: ReturnType<typeof world>, text: string, id = 'U-SAM') => t.bot.handle({ text, actor: { id, name: 'Sam' }, platform: 'slack' });

  it('a French organization reads its deadlines and summary in French; an American one in English', async () => {
    const t = world();
    const fr = await ask(t, 'deadlines BR-2');
    expect(fr.card!.title).toBe('BR-2 · Échéances');
    expect(fr.text).toContain('en retard');
    expect(fr.text).not.toMatch(/\boverdue\b|\bpending\b/);
    expect((await ask(t, 'summary BR-2')).text).toMatch(/^Synthèse · BR-2/);
    expect((await ask(t, 'deadlines BR-1')).card!.title).toBe('BR-1 · Deadlines');
  });

  it('`lang` overrides the organization\'s language for that person only', async () => {
    const t = world();
    expect((await ask(t, 'lang en')).outcome).toBe('ok');
    expect((await ask(t, 'deadlines BR-2')).card!.title).toBe('BR-2 · Deadlines');
    expect((await ask(t, 'deadlines BR-2', 'U-DANA')).card!.title).toBe('BR-2 · Échéances');
    await ask(t, 'lang fr');
    expect((await ask(t, 'deadlines BR-1')).card!.title).toBe('BR-1 · Échéances');
    await ask(t, 'lang auto');
    expect((await ask(t, 'deadlines BR-1')).card!.title).toBe('BR-1 · Deadlines');
  });
});
