// Never silent: a jurisdiction with affected residents (or the organization's country) that no rule covers is listed,
// and people whose US State is unknown are asked about.
import type { Incident } from '../model/incident-schema.ts';
import { EU_EEA, residentsOf, unassignedUsResidents } from './facts.ts';
import type { RuleSet } from './rule-schema.ts';
import { recordedNotice } from './targets.ts';
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

const blank = { caveats: [], caveatRefs: [], trigger: null, tolledUntil: null, doneAt: null, kind: 'none_fixed', dueDate: null, dueAt: null, verification: 'unverified' } as const;

/** Affected people of a US organization (or recorded as plain US) whose State is unknown: each State's law may apply. */
function unknownStateEntry(incident: Incident): Obligation | null {
  if (incident.organization.country !== 'US' && residentsOf(incident, 'US') === 0) return null;
  const n = unassignedUsResidents(incident);
  if (n <= 0) return null;
  return {
    ...blank,
    caveats: [],
    caveatRefs: [],
    obligation: 'US:state_unknown',
    rule: 'US',
    recipient: 'the States where they live',
    citation: 'each State breach statute',
    status: 'needs_facts',
    basis: `${n} affected individuals have no recorded US State (affected.byJurisdiction): each State's breach law may apply to its residents; record the breakdown`,
    law: 'US State breach laws',
    jurisdiction: 'US',
  };
}

/** One `not_covered` entry per uncovered jurisdiction with affected residents, and for an uncovered home country. */
export function notCoveredObligations(incident: Incident, rules: RuleSet, now: number): Obligation[] {
  return entries(incident, rules).map((o) => {
    // `done` on such an entry records that counsel checked it: shown as done, with the day.
    const sent = recordedNotice(incident, now, o.obligation);
    return sent ? { ...o, status: 'done', doneAt: sent.sentAt, basis: `${o.basis}; recorded as handled on ${sent.sentAt.slice(0, 10)}` } : o;
  });
}

function entries(incident: Incident, rules: RuleSet): Obligation[] {
  const codes = new Map<string, number>();
  for (const [code, n] of Object.entries(incident.affected.byJurisdiction)) if (n > 0 && code !== 'US') codes.set(code, n);
  const home = incident.organization.country;
  if (!codes.has(home)) codes.set(home, -1);
  const unknown = unknownStateEntry(incident);
  const out: Obligation[] = unknown ? [unknown] : [];
  for (const [code, n] of [...codes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (isCovered(code, rules) || (code === 'US' && home === 'US')) continue;
    const who = n < 0 ? `the organization is based in ${code}` : `${n} affected residents of ${code}`;
    out.push({
      ...blank,
      caveats: [],
      caveatRefs: [],
      obligation: `${code}:not_covered`,
      rule: code,
      recipient: `whoever ${code} law names (unknown to breachdesk)`,
      citation: 'no rule encoded',
      status: 'not_covered',
      basis: `${who}: breachdesk does not know the breach-notification rules of ${code}; counsel must check what is owed there and when`,
      law: `${code} breach-notification law`,
      jurisdiction: code,
    });
  }
  return out;
}
