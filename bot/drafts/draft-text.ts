// What every draft is made of: facts in the reader's language and zone, and a visible placeholder for each missing fact.
import type { Incident } from '../model/incident-schema.ts';
import { affectedCount } from '../deadlines/facts.ts';
import type { Obligation } from '../deadlines/types.ts';
import { formatInstant } from '../i18n/format.ts';

export type DraftLang = 'en' | 'fr';

/** A draft notice: its text, and the facts still missing (each also shown in the text as a placeholder). */
export interface Draft {
  kind: string;
  title: string;
  text: string;
  missing: string[];
}

/** Builds the pieces of one draft, collecting every placeholder it writes. */
export interface DraftWriter {
  lang: DraftLang;
  incident: Incident;
  obligation: Obligation;
  /** A placeholder the team must fill in, e.g. `[[TO FILL IN: toll-free number]]`. */
  missing(what: string): string;
  /** A fact if known, else a placeholder naming it and the command that sets it. */
  fact(value: string | null | undefined, what: string): string;
  /** A date in the organization's zone and the draft's language, or a placeholder. */
  date(iso: string | null | undefined, what: string): string;
  /** A date and time in the organization's zone, as the language writes it (20/02/2025 09:00 CET), or a placeholder. */
  dateTime(iso: string | null | undefined, what: string): string;
  /** A count formatted for the language (262,831 / 262 831). */
  count(n: number): string;
  /**
   * How many people the breach affected, or a placeholder: when none is recorded (naming `what`), and when the recorded
   * total is below the per-jurisdiction counts added up (the facts disagree: the team must say which is right).
   */
  headCount(what: string): string;
  /** Today's date (the injected clock) in the draft's language. */
  today(): string;
  missingList(): string[];
}

/** A writer for one draft of `obligation` on `incident` in `lang`. */
export function createDraftWriter(incident: Incident, obligation: Obligation, lang: DraftLang, now: Date): DraftWriter {
  const missing: string[] = [];
  const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
  const zone = incident.organization.timezone;
  const placeholder = (what: string) => {
    if (!missing.includes(what)) missing.push(what);
    return lang === 'fr' ? `[[À COMPLÉTER\u00a0: ${what}]]` : `[[TO FILL IN: ${what}]]`;
  };
  const long = new Intl.DateTimeFormat(locale, { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric' });
  return {
    lang, incident, obligation,
    missing: placeholder,
    fact: (value, what) => (value && value.trim() ? value.trim() : placeholder(what)),
    date: (iso, what) => (iso ? long.format(new Date(iso)) : placeholder(what)),
    dateTime: (iso, what) => (iso ? formatInstant(iso, zone, lang) : placeholder(what)),
    today: () => long.format(now),
    count: (n) => new Intl.NumberFormat(locale).format(n),
    headCount: (what) => {
      const total = incident.affected.total;
      const counted = affectedCount(incident);
      const n = (x: number) => new Intl.NumberFormat(locale).format(x);
      if (counted > total) {
        return placeholder(lang === 'fr'
          ? `nombre de personnes\u00a0: le total enregistré (${n(total)}) est inférieur à la somme des nombres par juridiction (${n(counted)})\u202f; corriger le total`
          : `number of people: the total recorded (${n(total)}) is below the per-jurisdiction counts added up (${n(counted)}); correct the total`);
      }
      return total > 0 ? n(total) : placeholder(what);
    },
    missingList: () => [...missing],
  };
}

/** The lines every draft ends with: the legal basis, the verification level, and that it is not legal advice. */
export function draftFooter(o: Obligation, lang: DraftLang): string[] {
  const level = { verified_primary_text: ['verified against the primary text', 'vérifiée sur le texte officiel'], verified_secondary: ['verified from a secondary source', 'vérifiée sur une source secondaire'], unverified: ['UNVERIFIED: confirm with counsel', 'NON VÉRIFIÉE\u00a0: à confirmer avec votre avocat'] }[o.verification];
  return lang === 'fr'
    ? ['', '---', `Fondement\u00a0: ${o.citation} (${o.law}) — règle ${level[1]}.`, 'Projet à relire et compléter par l’équipe\u202f; breachdesk ne fournit pas de conseil juridique.']
    : ['', '---', `Basis: ${o.citation} (${o.law}), rule ${level[0]}.`, 'Draft for the team to edit and complete; breachdesk does not give legal advice.'];
}
