// When an obligation is due, in words and in the organization's zone, in the reader's language.
import type { Obligation } from '../deadlines/types.ts';
import { formatInstant } from '../i18n/format.ts';
import type { Lang } from '../i18n/index.ts';
import { dueWords } from './deadlines-view.ts';

/** When an obligation is due, in the organization's zone: the deadlines view's words ("immediately, at the latest …"). */
export function dueText(o: Obligation, zone: string, lang: Lang = 'en'): string {
  return dueWords(o, lang, (iso) => formatInstant(iso, zone, lang));
}
