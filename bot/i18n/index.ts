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
// placeholders it cannot match, it hands back the template, kept here split at its placeholders; filling them is then a join. A view
// calls `t` a few hundred times per answer, and i18next's full lookup on each call was a third of the answer's time.
// Kept by language, then key (and plural form for counted messages).
const templates: Record<Lang, Map<string, Template>> = { en: new Map(), fr: new Map() };
const pluralTemplates: Record<Lang, Map<string, Map<string, Template>>> = { en: new Map(), fr: new Map() };
type Template = readonly string[];
const RAW = { prefix: '\u0000{', suffix: '}\u0000' };
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;
const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The message `key` (dotted, e.g. `deadlines.title`) in `lang`, with `{{name}}` placeholders filled. */
export function t(lang: Lang, key: string, values: MessageValues = {}): string {
  const count = values.count;
  let template: Template;
  if (typeof count === 'number') {
    const form = pluralForm(lang, count);
    let forms = pluralTemplates[lang].get(key);
    if (forms === undefined) pluralTemplates[lang].set(key, (forms = new Map()));
    template = forms.get(form) ?? remember(forms, form, i18n.t(key, { lng: lang, count, interpolation: RAW }));
  } else {
    template = templates[lang].get(key) ?? remember(templates[lang], key, i18n.t(key, { lng: lang, interpolation: RAW }));
  }
  if (template.length === 1) return template[0]!;
  // A value that is not given stays as its placeholder, as i18next leaves it.
  let text = template[0]!;
  for (let i = 1; i < template.length; i += 3) {
    const value = values[template[i]!];
    text += (value === undefined ? template[i + 1]! : String(value)) + template[i + 2]!;
  }
  return text;
}

/** Split once: a literal, then (name, placeholder as written, literal) for each placeholder. */
function remember<K>(map: { set(slot: K, template: Template): unknown }, slot: K, text: string): Template {
  const parts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(last, m.index), m[1]!, m[0]);
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  map.set(slot, parts);
  return parts;
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
