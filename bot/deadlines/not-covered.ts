// Never silent: a jurisdiction with affected residents (or the organization's country) that no rule covers is listed,
// so is a US State or territory whose rule holds nothing for the organization's role, and people whose US State is
// unknown are asked about.
import type { Incident } from '../model/incident-schema.ts';
import { EU_EEA, residentsOf, unassignedUsResidents } from './facts.ts';
import type { RuleSet } from './rule-schema.ts';
import { recordedNotice, type Target } from './targets.ts';
import type { Obligation } from './types.ts';
import { wordsFor, type Words } from './words.ts';

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
function unknownStateEntry(incident: Incident, w: Words): Obligation | null {
  if (incident.organization.country !== 'US' && residentsOf(incident, 'US') === 0) return null;
  const n = unassignedUsResidents(incident);
  if (n <= 0) return null;
  return {
    ...blank,
    caveats: [],
    caveatRefs: [],
    obligation: 'US:state_unknown',
    rule: 'US',
    recipient: w.say('uncovered.stateRecipient'),
    citation: w.say('uncovered.stateCitation'),
    status: 'needs_facts',
    basis: w.say('uncovered.stateBasis', { n: w.count(n) }),
    law: w.say('uncovered.stateLaw'),
    jurisdiction: 'US',
  };
}

/**
 * One `not_covered` entry per uncovered jurisdiction with affected residents, and for an uncovered home country; with
 * the incident's `targets`, also per US State or territory with residents whose own rule yields none of them (its
 * notices are all for other roles: Guam's and the Virgin Islands' for the owner of the data, none for a vendor).
 */
export function notCoveredObligations(incident: Incident, rules: RuleSet, now: number, w: Words = wordsFor('en', incident.organization.timezone), targets?: ReadonlyMap<string, Target>): Obligation[] {
  return entries(incident, rules, w, targets).map((o) => {
    // `done` on such an entry records that counsel checked it: shown as done, with the day.
    const sent = recordedNotice(incident, now, o.obligation);
    return sent ? { ...o, status: 'done', doneAt: sent.sentAt, basis: w.say('uncovered.handled', { basis: o.basis, day: w.day(sent.sentAt.slice(0, 10)) }) } : o;
  });
}

function entries(incident: Incident, rules: RuleSet, w: Words, targets: ReadonlyMap<string, Target> | undefined): Obligation[] {
  const codes = new Map<string, number>();
  for (const [code, n] of Object.entries(incident.affected.byJurisdiction)) if (n > 0 && code !== 'US') codes.set(code, n);
  const home = incident.organization.country;
  if (!codes.has(home)) codes.set(home, -1);
  const unknown = unknownStateEntry(incident, w);
  const out: Obligation[] = unknown ? [unknown] : [];
  for (const [code, n] of [...codes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (code === 'US' && home === 'US') continue;
    const who = n < 0 ? w.say('uncovered.based', { code }) : w.say('uncovered.residents', { n: w.count(n), code });
    if (isCovered(code, rules)) {
      const idle = targets && n > 0 && code.startsWith('US-') ? idleRule(code, rules, targets) : undefined;
      if (idle) out.push(roleEntry(incident, code, who, idle.citation, w));
      continue;
    }
    out.push({
      ...blank,
      caveats: [],
      caveatRefs: [],
      obligation: `${code}:not_covered`,
      rule: code,
      recipient: w.say('uncovered.recipient', { code }),
      citation: w.say('uncovered.citation'),
      status: 'not_covered',
      basis: w.say('uncovered.basis', { who, code }),
      law: w.say('uncovered.law', { code }),
      jurisdiction: code,
    });
  }
  return out;
}

/** The US State or territory's own rule when none of the incident's targets comes from it (every part is for other roles). */
function idleRule(code: string, rules: RuleSet, targets: ReadonlyMap<string, Target>): { citation: string } | undefined {
  for (const t of targets.values()) if (t.rule.jurisdiction === code) return undefined;
  return rules.rules.find((r) => r.jurisdiction === code);
}

/** The entry for a jurisdiction whose rule speaks only to other roles than the organization's. */
function roleEntry(incident: Incident, code: string, who: string, citation: string, w: Words): Obligation {
  const role = w.say(`uncovered.roleName.${incident.organization.role}`);
  return {
    ...blank,
    caveats: [],
    caveatRefs: [],
    obligation: `${code}:not_covered`,
    rule: code,
    recipient: w.say('uncovered.roleRecipient', { code, role }),
    citation: w.say('uncovered.roleCitation', { citation }),
    status: 'not_covered',
    basis: w.say('uncovered.roleBasis', { who, code, citation, role }),
    law: w.say('uncovered.law', { code }),
    jurisdiction: code,
  };
}
