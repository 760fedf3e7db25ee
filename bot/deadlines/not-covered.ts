// Never silent: a jurisdiction with affected residents (or the organization's country) that no rule covers is listed.
import type { Incident } from '../model/incident-schema.ts';
import { EU_EEA } from './facts.ts';
import type { RuleSet } from './rule-schema.ts';
import type { Obligation } from './types.ts';

/** Whether any rule speaks for this jurisdiction (a US State by its own rule; a country by its own, EU or UK rules). */
export function isCovered(code: string, rules: RuleSet): boolean {
  return rules.rules.some((r) => {
    if (r.jurisdiction === code) return true;
    if (code.startsWith('US-')) return false;
    if (r.jurisdiction === 'EU') return EU_EEA.has(code);
    if (r.jurisdiction === 'GB') return code === 'GB' || code.startsWith('GB-');
    return false;
  });
}

/** One `not_covered` entry per uncovered jurisdiction with affected residents, and for an uncovered home country. */
export function notCoveredObligations(incident: Incident, rules: RuleSet): Obligation[] {
  const codes = new Map<string, number>();
  for (const [code, n] of Object.entries(incident.affected.byJurisdiction)) if (n > 0 && code !== 'US') codes.set(code, n);
  const home = incident.organization.country;
  if (!codes.has(home)) codes.set(home, -1);
  const out: Obligation[] = [];
  for (const [code, n] of [...codes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (isCovered(code, rules) || (code === 'US' && home === 'US')) continue;
    const who = n < 0 ? `the organization is based in ${code}` : `${n} affected residents of ${code}`;
    out.push({
      obligation: `${code}:not_covered`,
      rule: code,
      recipient: `whoever ${code} law names (unknown to breachdesk)`,
      citation: 'no rule encoded',
      kind: 'none_fixed',
      dueDate: null,
      dueAt: null,
      status: 'not_covered',
      verification: 'unverified',
      basis: `${who}: breachdesk does not know the breach-notification rules of ${code}; counsel must check what is owed there and when`,
      law: `${code} breach-notification law`,
      caveats: [],
      caveatRefs: [],
      jurisdiction: code,
      trigger: null,
      tolledUntil: null,
      doneAt: null,
    });
  }
  return out;
}
