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

// i18next resolves each message once per language, key and plural form (its fallbacks and plural rules): asked with
// placeholders it cannot match, it hands back the template, kept here; filling `{{name}}` is then one replace. A view
// calls `t` a few hundred times per answer, and i18next's full lookup on each call was a third of the answer's time.
const templates = new Map<string, string>();
const RAW = { prefix: '\u0000{', suffix: '}\u0000' };
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;
const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The message `key` (dotted, e.g. `deadlines.title`) in `lang`, with `{{name}}` placeholders filled. */
export function t(lang: Lang, key: string, values: MessageValues = {}): string {
  const count = values.count;
  const form = typeof count === 'number' ? pluralForm(lang, count) : '';
  const slot = `${lang}\u0000${key}\u0000${form}`;
  let template = templates.get(slot);
  if (template === undefined) {
    template = i18n.t(key, { lng: lang, ...(typeof count === 'number' ? { count } : {}), interpolation: RAW });
    templates.set(slot, template);
  }
  // A value that is not given stays as its placeholder, as i18next leaves it.
  return template.includes('{{') ? template.replace(PLACEHOLDER, (whole, name: string) => (values[name] === undefined ? whole : String(values[name]))) : template;
}

/** The plural category i18next picks for `count` (one, other…), from the same CLDR rules. */
function pluralForm(lang: Lang, count: number): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(count);
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
