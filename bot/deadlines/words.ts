// The language the engine writes in: its own sentences from the catalogue (`engine.*`), rule texts from the
// data/rules/<lang>/ overlays, and days and instants as that language writes them. English is the contract's language.
import { t, type Lang, type MessageValues } from '../i18n/index.ts';
import { formatNumber } from '../i18n/numbers.ts';
import type { RuleSet } from './rule-schema.ts';
import { localDate, shortInZone, weekday as weekdayOf, weekdayName } from './time.ts';
import { offsetMinutes, zoneAbbreviation } from './zone-offset.ts';

/** Everything the engine needs to write a sentence in one language for one organization's zone. */
export interface Words {
  lang: Lang;
  /** The engine sentence `engine.<key>` of the catalogue. */
  say(key: string, values?: MessageValues): string;
  /** A text of data/rules in this language; the English text itself where no rendering exists (never empty). */
  rule(text: string): string;
  /** A calendar day (YYYY-MM-DD): unchanged in English, 30/11/2026 in French. */
  day(day: string): string;
  /** The local calendar day of an instant (epoch ms), as `day` writes it. */
  dayOf(ms: number): string;
  /** An instant in the zone: 2026-11-30T11:23+01:00 in English (as the contract's basis always read), 30/11/2026 11:23 CET in French. */
  instant(ms: number): string;
  /** A weekday name: Saturday / samedi. */
  weekday(day: string): string;
  /** A head count: 107488 in English (as the contract's basis always read), 107 488 in French. */
  count(n: number): string;
}

/** The catalogue message `engine.<key>` in `lang` with its `{{name}}` placeholders filled; `defaultValue` when there is none. */
export function engineMessage(lang: Lang, key: string, values: MessageValues & { defaultValue?: string } = {}): string {
  // t() keeps each template once resolved (bot/i18n/index.ts), so thousands of engine sentences per incident stay cheap.
  const full = `engine.${key}`;
  if (values.defaultValue === undefined) {
    const text = t(lang, full, values as MessageValues);
    return text === full ? key : text;
  }
  const { defaultValue, ...rest } = values;
  const text = t(lang, full, rest);
  return text === full ? defaultValue : text;
}

// As Intl's fr-FR long weekday (tests/i18n/format-tables.test.ts): no formatter built for it.
const FR_WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

/** The words for `lang` in `zone`, with the rule-text renderings of `rules`. */
export function wordsFor(lang: Lang, zone: string, rules?: Pick<RuleSet, 'texts'>): Words {
  const table = lang === 'en' ? undefined : rules?.texts?.[lang];
  const day = (d: string) => (lang === 'en' ? d : `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`);
  return {
    lang,
    say: (key, values = {}) => engineMessage(lang, key, values),
    rule: (text) => table?.get(text) ?? text,
    day,
    dayOf: (ms) => day(localDate(ms, zone)),
    instant: (ms) => {
      if (lang === 'en') return shortInZone(ms, zone);
      const local = new Date(ms + offsetMinutes(zone, ms) * 60_000).toISOString();
      return `${day(local.slice(0, 10))} ${local.slice(11, 16)} ${zoneAbbreviation(zone, ms)}`;
    },
    weekday: (d) => (lang === 'en' ? weekdayName(d) : FR_WEEKDAYS[weekdayOf(d)]!),
    // French groups with a no-break space (bot/i18n/numbers.ts); English counts are written plain.
    count: (n) => (lang === 'en' ? String(n) : formatNumber(n, lang)),
  };
}
