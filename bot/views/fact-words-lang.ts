// Facts as people say them, in the reader's language: "DPO" for roles.privacyOfficer, "oui" for true, "14 200".
import { formatInstant, formatNumber } from '../i18n/format.ts';
import { t, type Lang } from '../i18n/index.ts';
import { factLabel, factValue } from './fact-words.ts';

/** A fact's name in `lang` ("personnes concernées en US-TX"); English words for a fact the catalogue does not name. */
export function factLabelIn(path: string, lang: Lang): string {
  const jurisdiction = /^affected\.byJurisdiction\.(.+)$/.exec(path);
  if (jurisdiction) return t(lang, 'set.affectedIn', { jurisdiction: jurisdiction[1]! });
  return t(lang, `set.label.${path.replace(/\./g, '_')}`, { defaultValue: factLabel(path) });
}

// The facts that hold an instant: shown as the language writes one (20/02/2025 09:00 CET) when the zone is known.
const INSTANTS = new Set(['discoveredAt', 'breachDeterminedAt', 'materialityDeterminedAt', 'occurredFrom', 'occurredTo', 'vendor.discoveredAt', 'vendor.notifiedUsAt']);

/** A fact's value in `lang`: yes/no, numbers with the language's separators, status and GDPR risk in words, instants in `zone`. */
export function factValueIn(path: string, value: unknown, lang: Lang, zone?: string): string {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return t(lang, 'set.none');
  if (typeof value === 'boolean') return t(lang, value ? 'facts.yes' : 'facts.no');
  if (typeof value === 'number') return formatNumber(value, lang);
  if (path === 'status' && typeof value === 'string') return t(lang, `facts.incidentStatus.${value}`, { defaultValue: value });
  if (path === 'gdprRisk' && typeof value === 'string') return t(lang, `facts.gdpr.${value}`, { defaultValue: value });
  if (zone && INSTANTS.has(path) && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return formatInstant(value, zone, lang);
  if (Array.isArray(value)) return value.map((v) => factValueIn('', v, lang)).join(', ');
  return factValue(value);
}
