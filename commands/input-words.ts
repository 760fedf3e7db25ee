// Reading values as people type them: counts with thousands separators, yes/no in English or French, GDPR risk words.
import { z } from 'zod';
import type { Lang } from '../bot/i18n/index.ts';

/** A count, or the plain sentence saying why it is not one. `262,831`, `262 831` and (French) `262.831` are 262831. */
export function readCount(raw: string, lang: Lang = 'en'): number | string {
  const text = raw.trim().replace(/[\u00a0\u202f']/g, ' ');
  if (text === '') return 'A count is missing: give a whole number such as 262,831.';
  if (/^[-−–]/.test(text)) return `"${raw}" is negative: a count of people is a whole number of 0 or more.`;
  if (/e/i.test(text) && /\d/.test(text)) return `"${raw}" looks like scientific notation: write the count in full, e.g. 262,831.`;
  // Spaces always group thousands; the other separator depends on the language (English 262,831; French 262.831).
  const group = lang === 'fr' ? '[ .]' : '[ ,]';
  const grouped = new RegExp(`^\\d{1,3}(?:${group}\\d{3})+$`);
  if (/^\d+$/.test(text)) return safe(Number(text), raw);
  if (grouped.test(text)) return safe(Number(text.replace(/[ .,]/g, '')), raw);
  if (/^\d+[.,]\d+$/.test(text)) return `"${raw}" is not a whole number: people are counted in whole numbers${lang === 'fr' ? ' (thousands may be grouped as 262.831 or 262 831)' : ' (thousands may be grouped as 262,831 or 262 831)'}.`;
  return `"${raw}" is not a count: give a whole number such as ${lang === 'fr' ? '262 831' : '262,831'}.`;
}

function safe(n: number, raw: string): number | string {
  return Number.isSafeInteger(n) ? n : `"${raw}" is too large to be a count of people.`;
}

const YES = new Set(['yes', 'y', 'true', '1', 'oui', 'o', 'vrai']);
const NO = new Set(['no', 'n', 'false', '0', 'non', 'faux']);

/** yes/no, oui/non, true/false (any case), or the plain sentence. */
export function readYesNo(raw: string): boolean | string {
  const word = raw.trim().toLowerCase();
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return `"${raw}" is not yes or no: answer yes or no (oui/non, true/false also work).`;
}

/** The GDPR risk levels and the words (English and French) people use for them. */
const GDPR_WORDS: Record<string, 'unlikely' | 'risk' | 'high'> = {
  unlikely: 'unlikely', low: 'unlikely', none: 'unlikely', faible: 'unlikely', 'peu probable': 'unlikely', improbable: 'unlikely', nul: 'unlikely',
  risk: 'risk', medium: 'risk', moderate: 'risk', risque: 'risk', moyen: 'risk', modéré: 'risk', modere: 'risk',
  high: 'high', 'high risk': 'high', élevé: 'high', eleve: 'high', 'risque élevé': 'high', 'risque eleve': 'high', fort: 'high', grave: 'high',
};

/** unlikely | risk | high from English or French words (`faible`, `élevé`…), or the plain sentence. */
export function readGdprRisk(raw: string): 'unlikely' | 'risk' | 'high' | string {
  const word = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  // Own keys only: `constructor` or `__proto__` must not find Object's members.
  const level = Object.hasOwn(GDPR_WORDS, word) ? GDPR_WORDS[word] : undefined;
  return level ?? `"${raw}" is not a GDPR risk level: say unlikely, risk or high (faible, risque or élevé in French).`;
}

/** A zod string → value step that reports the reader's plain sentence as the problem. */
export function wordsArg<T>(read: (raw: string) => T | string, isValue: (v: T | string) => v is T): z.ZodType<T, string> {
  return z.string().transform((raw, ctx) => {
    const value = read(raw);
    if (isValue(value)) return value;
    ctx.addIssue({ code: 'custom', message: value as string });
    return z.NEVER;
  }) as unknown as z.ZodType<T, string>;
}

/** A count option (`--affected 262,831`). */
export const CountArg = wordsArg<number>((raw) => readCount(raw), (v): v is number => typeof v === 'number');
