// `t` keeps each message's template once resolved by i18next and fills it itself: for every key of both catalogues,
// every plural form and missing values, it must answer exactly what i18next answers on its own.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { catalogue, LANGUAGES, t, type Lang } from '../../bot/i18n/index.ts';

/** Every message key (dotted), with plural suffixes folded into their base key. */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k.replace(/_(one|other|zero|two|few|many)$/, '')}`] : keysOf(v as object, `${prefix}${k}.`)));
}

function messageAt(tree: object, key: string, suffix: string): string | undefined {
  let node: unknown = tree;
  const parts = key.split('.');
  for (const [i, part] of parts.entries()) node = (node as Record<string, unknown> | undefined)?.[i === parts.length - 1 ? `${part}${suffix}` : part];
  return typeof node === 'string' ? node : undefined;
}

// The reference: i18next alone, configured as bot/i18n/index.ts says it is (bundled resources, no escaping).
const reference = i18next.createInstance();
void reference.init({
  lng: 'en', fallbackLng: 'en', supportedLngs: [...LANGUAGES], initAsync: false, returnNull: false,
  resources: { en: { translation: catalogue('en') }, fr: { translation: catalogue('fr') } },
  interpolation: { escapeValue: false },
});

describe('message templates', () => {
  for (const lang of LANGUAGES) {
    it(`answers as i18next does for every ${lang} key, plural forms and missing values included`, () => {
      const keys = [...new Set(keysOf(catalogue(lang as Lang)))];
      expect(keys.length).toBeGreaterThan(100);
      let plural = 0;
      for (const key of keys) {
        const texts = ['', '_one', '_other'].map((s) => messageAt(catalogue(lang as Lang), key, s) ?? '').join(' ');
        const names = [...new Set([...texts.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!))];
        const values = Object.fromEntries(names.filter((n) => n !== 'count').map((n) => [n, `<${n} $& $1>`]));
        expect(t(lang as Lang, key, values), key).toBe(reference.t(key, { ...values, lng: lang }));
        // One value left out: the placeholder stays as it is.
        if (names.length > 1) {
          const [, ...rest] = names.filter((n) => n !== 'count');
          const fewer = Object.fromEntries(rest.map((n) => [n, 'x']));
          expect(t(lang as Lang, key, fewer), `${key} (a value missing)`).toBe(reference.t(key, { ...fewer, lng: lang }));
        }
        if (messageAt(catalogue(lang as Lang), key, '_other') !== undefined) {
          plural++;
          for (const count of [0, 1, 2, 21, 1000]) expect(t(lang as Lang, key, { ...values, count }), `${key} count ${count}`).toBe(reference.t(key, { ...values, count, lng: lang }));
        }
      }
      expect(plural).toBeGreaterThan(5);
    });
  }

  it('a key missing in French falls back to English, as i18next does', () => {
    expect(t('fr', 'no.such.key')).toBe(reference.t('no.such.key', { lng: 'fr' }));
  });
});

