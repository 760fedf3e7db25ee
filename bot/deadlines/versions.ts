// Dated rule versions: the version in force on the discovery date replaces the fields it lists.
import type { Incident } from '../model/incident-schema.ts';
import type { Rule } from './rule-schema.ts';
import { localDate } from './time.ts';
import { wordsFor, type Words } from './words.ts';

/** The rule as in force for this incident's discovery date, and words for the basis naming the version. */
export function ruleInForce(
  rule: Rule,
  incident: Incident,
  w: Words = wordsFor('en', incident.organization.timezone),
  discoveryDay?: string,
): { rule: Rule; note?: string } {
  if (rule.versions.length === 0) return { rule };
  const day = discoveryDay ?? localDate(Date.parse(incident.discoveredAt), incident.organization.timezone);
  const version = rule.versions.find((v) => (v.from === undefined || day >= v.from) && (v.before === undefined || day < v.before));
  const note = (label: string) => w.say('basis.versionInForce', { day: w.day(day), label: w.rule(label) });
  if (!version) return { rule, ...(rule.versionLabel ? { note: note(rule.versionLabel) } : {}) };
  const { label, from: _from, before: _before, ...fields } = version;
  const replaced = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return { rule: { ...rule, ...replaced }, note: note(label) };
}
