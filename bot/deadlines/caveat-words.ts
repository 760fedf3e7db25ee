// An obligation's caveats as an answer states them: in the answer's language, the shared ones marked by id.
import { t } from '../i18n/index.ts';
import type { RuleSet } from './rule-schema.ts';
import { TOLLING_CAVEAT } from './tolling.ts';
import type { Words } from './words.ts';

/** The caveat the engine adds to an unverified rule (English: the text every caveat is matched by). */
export const UNVERIFIED_CAVEAT = t('en', 'engine.caveat.unverified');

// Caveats the engine adds itself, by id, so an answer states each once.
const BUILT_IN_CAVEAT_IDS: ReadonlyMap<string, string> = new Map([
  [UNVERIFIED_CAVEAT, 'unverified'],
  [TOLLING_CAVEAT.hipaa_164_412, 'hipaa-164.412'],
  [TOLLING_CAVEAT.ftc_318_4, 'ftc-318.4'],
  [TOLLING_CAVEAT.state_law_enforcement, 'state-law-enforcement-delay'],
]);
// The same by catalogue key, so an answer in another language states them in it.
const BUILT_IN_CAVEAT_KEYS: ReadonlyMap<string, string> = new Map([
  [UNVERIFIED_CAVEAT, 'caveat.unverified'],
  ...Object.entries(TOLLING_CAVEAT).map(([regime, text]) => [text, `caveat.${regime}`] as const),
]);

/** A caveat in the answer's language: the engine's own by its catalogue key, a rule's from the rule texts. */
function localCaveat(text: string, w: Words): string {
  const key = BUILT_IN_CAVEAT_KEYS.get(text);
  return key ? w.say(key) : w.rule(text);
}

/** The English caveats (each once) in `w`'s language, and the shared ones among them with their ids. */
export function caveatWords(english: readonly string[], rules: RuleSet, w: Words): { caveats: string[]; caveatRefs: { id: string; text: string }[] } {
  const unique = [...new Set(english)];
  const caveatRefs = unique.flatMap((text) => {
    const id = rules.sharedCaveatIds?.get(text) ?? BUILT_IN_CAVEAT_IDS.get(text);
    return id ? [{ id, text: localCaveat(text, w) }] : [];
  });
  return { caveats: unique.map((text) => localCaveat(text, w)), caveatRefs };
}
