// The message catalogue: every user-facing string goes through `t(lang, key, values)` (i18next, one instance, sync).
import i18next from 'i18next';
import { en, type Catalogue } from './en.ts';
import { fr } from './fr.ts';
import { engineEn, type EngineCatalogue } from './engine-en.ts';
import { engineFr } from './engine-fr.ts';

/** The languages breachdesk answers in. */
export const LANGUAGES = ['en', 'fr'] as const;
/** One of LANGUAGES. */
export type Lang = (typeof LANGUAGES)[number];

/** A language's whole catalogue: the views' messages and, under `engine`, the deadline engine's sentences (own files). */
export type FullCatalogue = Catalogue & { engine: EngineCatalogue };

const catalogues: Record<Lang, FullCatalogue> = { en: { ...en, engine: engineEn }, fr: { ...fr, engine: engineFr } };

// One private instance (never the global one, which other code could reconfigure); resources are bundled, so init is synchronous.
const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  resources: { en: { translation: catalogues.en }, fr: { translation: catalogues.fr } },
  initAsync: false,
  returnNull: false,
  // Chat text, not HTML: each renderer escapes for its own platform.
  interpolation: { escapeValue: false },
});

/** Interpolation values; `count` picks the plural form (`key_one` / `key_other`). */
export type MessageValues = Record<string, string | number>;

/** The message `key` (dotted, e.g. `deadlines.title`) in `lang`, with `{{name}}` placeholders filled. */
export function t(lang: Lang, key: string, values: MessageValues = {}): string {
  return i18n.t(key, { ...values, lng: lang });
}

/** A `t` bound to one language. */
export function translator(lang: Lang): (key: string, values?: MessageValues) => string {
  return (key, values) => t(lang, key, values);
}

/** Whether a word is a supported language code. */
export function isLang(word: string | undefined): word is Lang {
  return word !== undefined && (LANGUAGES as readonly string[]).includes(word);
}

/** The organization's language: French organizations (country FR) read French; `override` (a user's `lang`) wins. */
export function languageFor(organization: { country: string } | undefined, override?: Lang): Lang {
  if (override) return override;
  return organization?.country?.toUpperCase() === 'FR' ? 'fr' : 'en';
}

/** The raw catalogue of a language, for completeness tests and tools. */
export function catalogue(lang: Lang): FullCatalogue {
  return catalogues[lang];
}
