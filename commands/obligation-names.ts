// Finding the obligation a person means: its id, a prefix of it, or plain words ("hipaa individuals", "texas attorney").
import { distance } from 'fastest-levenshtein';
import type { Obligation } from '../bot/deadlines/types.ts';
import { InvalidArgumentsError } from '../bot/errors.ts';
import { translator, type Lang } from '../bot/i18n/index.ts';

const SUGGESTIONS = 3;

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}.]+/u).filter(Boolean);

// Everything a person might call a notice by: its id, recipient, law, citation and jurisdiction.
function haystack(o: Obligation): string[] {
  return words([o.obligation, o.obligation.replace(/[-:.]/g, ' '), o.recipient, o.law, o.citation, o.jurisdiction].join(' '));
}

/** Applicable, open ones first: what a user most likely means. */
function rank(o: Obligation): number {
  if (o.status === 'not_applicable') return 2;
  return o.status === 'done' ? 1 : 0;
}

/**
 * The one obligation `typed` names among `list` (the incident's own): exact id, unique id prefix, or every word found in
 * its id, recipient, law or citation. Otherwise an InvalidArgumentsError with the nearest candidates of this incident.
 */
export function findObligation(list: readonly Obligation[], typed: string, incidentId: string, lang: Lang = 'en'): Obligation {
  const raw = typed.trim();
  const lower = raw.toLowerCase();
  const exact = list.find((o) => o.obligation.toLowerCase() === lower);
  if (exact) return exact;
  const byPrefix = list.filter((o) => o.obligation.toLowerCase().startsWith(lower));
  if (byPrefix.length === 1) return byPrefix[0]!;
  const wanted = words(raw);
  const byWords = wanted.length
    ? list.filter((o) => {
        const hay = haystack(o);
        return wanted.every((w) => hay.some((h) => h.startsWith(w)));
      })
    : [];
  // Among several matches, one applicable open notice is what the user means (n/a twins of a rule rarely are).
  const live = byWords.filter((o) => rank(o) === 0);
  if (byWords.length === 1) return byWords[0]!;
  if (live.length === 1) return live[0]!;
  const candidates = (byWords.length ? byWords : byPrefix.length ? byPrefix : nearest(list, wanted))
    .slice()
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, SUGGESTIONS);
  const tr = translator(lang);
  const which = tr(byWords.length > 1 || byPrefix.length > 1 ? 'refusal.several' : 'refusal.noMatch', { typed: raw, id: incidentId });
  const hint = candidates.length ? tr('refusal.didYouMean', { list: candidates.map((o) => `${o.obligation} (${o.recipient})`).join(tr('engine.join')) }) : '';
  throw new InvalidArgumentsError(tr('refusal.listed', { which, hint, id: incidentId }));
}

// Closest by edit distance word to word, among the incident's applicable notices first.
function nearest(list: readonly Obligation[], wanted: string[]): Obligation[] {
  const score = (o: Obligation) => {
    const hay = haystack(o);
    return wanted.reduce((sum, w) => sum + Math.min(...hay.map((h) => distance(w, h.slice(0, Math.max(w.length, 1))))), 0);
  };
  return list
    .map((o) => ({ o, s: score(o) + rank(o) * 2 }))
    .sort((a, b) => a.s - b.s)
    .map(({ o }) => o);
}

/**
 * As findObligation, in the reader's language first (French words for a French organization), then in English (the
 * words of the examples and of the rule files); returns the reader's version. Refused in the reader's words.
 */
export function findObligationEither(shown: readonly Obligation[], english: readonly Obligation[], typed: string, incidentId: string, lang: Lang): Obligation {
  try {
    return findObligation(shown, typed, incidentId, lang);
  } catch (error) {
    if (shown === english || !(error instanceof InvalidArgumentsError)) throw error;
    let found: Obligation;
    try {
      found = findObligation(english, typed, incidentId, lang);
    } catch {
      throw error;
    }
    return shown.find((o) => o.obligation === found.obligation) ?? found;
  }
}
