// Numbers, dates and countdowns as each language writes them (262,831 / 262 831; 22 Mar 2025 / 22 mars 2025).
import { offsetMinutes } from '../deadlines/zone-offset.ts';
import { formatInZone } from '../views/format-in-zone.ts';
import { t, type Lang } from './index.ts';

export { formatNumber } from './numbers.ts';

// The names Intl's short day headings use (en-US: "Sat, Mar 22, 2025"; fr-FR: "sam. 22 mars 2025").
const WEEKDAYS: Record<Lang, readonly string[]> = {
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  fr: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
};
const MONTHS: Record<Lang, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
};

/** An instant in the organization's zone: "2025-03-22 23:59 CDT" (en) or "22/03/2025 23:59 CET" (fr). */
export function formatInstant(iso: string, zone: string, lang: Lang): string {
  const en = formatInZone(iso, zone);
  if (lang === 'en') return en;
  const [date, time, ...abbr] = en.split(' ');
  const [y, m, d] = date!.split('-');
  return `${d}/${m}/${y} ${time} ${abbr.join(' ')}`;
}

/** The calendar day of an instant in the zone, as a heading: "Sat, Mar 22, 2025" / "sam. 22 mars 2025" (as Intl writes it). */
export function formatDay(iso: string, zone: string, lang: Lang): string {
  const ms = Date.parse(iso);
  const local = new Date(ms + offsetMinutes(zone, ms) * 60_000);
  const weekday = WEEKDAYS[lang][local.getUTCDay()]!;
  const month = MONTHS[lang][local.getUTCMonth()]!;
  const day = local.getUTCDate();
  const year = local.getUTCFullYear();
  return lang === 'en' ? `${weekday}, ${month} ${day}, ${year}` : `${weekday} ${day} ${month} ${year}`;
}

/** The local calendar date (YYYY-MM-DD) of an instant in the zone, for grouping. */
export function localDate(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  return new Date(ms + offsetMinutes(zone, ms) * 60_000).toISOString().slice(0, 10);
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The two largest non-zero units to a deadline, in the language: "in 3d 4h" / "dans 3 j 4 h", "overdue by 2d" / "en retard de 2 j". */
export function formatCountdown(dueMs: number, nowMs: number, lang: Lang, style: 'short' | 'words' = 'short'): string {
  const diff = dueMs - nowMs;
  const abs = Math.abs(diff);
  const units: Array<[number, 'd' | 'h' | 'm']> = [
    [Math.floor(abs / DAY), 'd'],
    [Math.floor((abs % DAY) / HOUR), 'h'],
    [Math.floor((abs % HOUR) / MINUTE), 'm'],
  ];
  const first = units.findIndex(([n]) => n > 0);
  const picked = first === -1 ? [[0, 'm'] as [number, 'm']] : units.slice(first, first + 2).filter(([n]) => n > 0);
  const shown = picked.map(([n, u]) => t(lang, `time.${style}.${u}`, { count: n })).join(' ');
  return t(lang, diff >= 0 ? 'time.in' : 'time.overdueBy', { span: shown });
}

/** "Label: value" as the language writes it: French puts a no-break space before the colon ("Échéance : …"). */
export function labelled(lang: Lang, label: string, value?: string): string {
  const colon = lang === 'fr' ? '\u00a0:' : ':';
  return value === undefined ? `${label}${colon}` : `${label}${colon} ${value}`;
}
