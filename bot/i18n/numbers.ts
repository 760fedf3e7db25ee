// Whole numbers as each language groups them (262,831 / 262 831), apart from the other formats so that the engine's
// words (bot/deadlines/words.ts) can use it without depending on the views.
import type { Lang } from './index.ts';

const LOCALE: Record<Lang, string> = { en: 'en-US', fr: 'fr-FR' };
const numberFormats = new Map<Lang, Intl.NumberFormat>();
const GROUP: Record<Lang, string> = { en: ',', fr: '\u00a0' };

/** A whole number with the language's thousands separator. */
export function formatNumber(n: number, lang: Lang): string {
  // Whole non-negative numbers are grouped here (what Intl writes: 262,831 / 262 831, tests/i18n/format-tables.test.ts),
  // so a one-shot answer builds no Intl formatter (the first one costs about 30 ms); anything else asks Intl.
  if (Number.isSafeInteger(n) && n >= 0) return String(n).replace(/\B(?=(\d{3})+$)/g, GROUP[lang]);
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 })));
  // French groups with a narrow no-break space; a plain no-break space survives every chat client and terminal.
  return f.format(n).replace(/\u202f/g, '\u00a0');
}

