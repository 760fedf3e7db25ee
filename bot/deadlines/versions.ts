// Dated rule versions: the version in force on the discovery date replaces the fields it lists.
import type { Incident } from '../model/incident-schema.ts';
import type { Rule } from './rule-schema.ts';
import { localDate } from './time.ts';

/** The rule as in force for this incident's discovery date, and words for the basis naming the version. */
export function ruleInForce(rule: Rule, incident: Incident): { rule: Rule; note?: string } {
  if (rule.versions.length === 0) return { rule };
  const day = localDate(Date.parse(incident.discoveredAt), incident.organization.timezone);
  const version = rule.versions.find((v) => (v.from === undefined || day >= v.from) && (v.before === undefined || day < v.before));
  if (!version) return { rule, ...(rule.versionLabel ? { note: `version in force on discovery (${day}): ${rule.versionLabel}` } : {}) };
  const { label, from: _from, before: _before, ...fields } = version;
  const replaced = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return { rule: { ...rule, ...replaced }, note: `version in force on discovery (${day}): ${label}` };
}
