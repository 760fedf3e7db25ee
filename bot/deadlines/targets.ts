// Which obligations a rule yields for an incident: scope test, per-State fan-out, and the recorded notices.
import type { Incident } from '../model/incident-schema.ts';
import { conditionHolds, unassignedUsResidents, usJurisdictions } from './facts.ts';
import type { Rule, RulePart, RuleSet } from './rule-schema.ts';
import { localDate } from './time.ts';
import { ruleInForce } from './versions.ts';
import { wordsFor, type Words } from './words.ts';

/** One obligation to evaluate. */
export interface Target {
  rule: Rule;
  part: RulePart;
  /** Obligation id: rule id, or rule id:qualifier. */
  id: string;
  jurisdiction: string;
  /** Fan-out placeholder for residents whose State is not recorded. */
  unknownState: boolean;
  /** Why a regional rule came in (affected residents abroad). */
  scopeNote?: string;
  /** A notice recorded under the bare rule id counts for this obligation. */
  bareIdCounts: boolean;
  /** Which dated version of the rule is in force, when it has versions. */
  versionNote?: string;
}

/** Every in-scope obligation of every rule, keyed by obligation id (rule order kept). */
export function collectTargets(incident: Incident, rules: RuleSet, w: Words = wordsFor('en', incident.organization.timezone, rules)): Map<string, Target> {
  const targets = new Map<string, Target>();
  // The discovery's local date picks each versioned rule's text in force: computed once, not once per rule.
  const discoveryDay = localDate(Date.parse(incident.discoveredAt), incident.organization.timezone);
  for (const declared of rules.rules) {
    const { rule, note } = ruleInForce(declared, incident, w, discoveryDay);
    for (const part of rule.obligations) {
      const scope = conditionHolds(part.scope ?? rule.scope, incident, w);
      if (!scope.holds) continue;
      const common = { rule, part, unknownState: false, bareIdCounts: false, ...(scope.note ? { scopeNote: scope.note } : {}), ...(note ? { versionNote: note } : {}) };
      if (!part.fanOut) {
        const id = part.part ? `${rule.id}:${part.part}` : rule.id;
        targets.set(id, { ...common, id, jurisdiction: rule.jurisdiction, bareIdCounts: rule.obligations.length === 1 });
        continue;
      }
      for (const j of usJurisdictions(incident)) targets.set(`${rule.id}:${j}`, { ...common, id: `${rule.id}:${j}`, jurisdiction: j });
      // Residents with no recorded State could push any State over the threshold: ask for the breakdown.
      if (part.threshold && passes(part.threshold, unassignedUsResidents(incident))) {
        targets.set(`${rule.id}:unknown`, { ...common, id: `${rule.id}:unknown`, jurisdiction: 'US', unknownState: true });
      }
    }
  }
  return targets;
}

function passes(t: NonNullable<RulePart['threshold']>, n: number): boolean {
  return t.op === '>' ? n > t.value : t.op === '>=' ? n >= t.value : n < t.value;
}

/** The earliest notice recorded as sent by `now` for an obligation id (or its bare rule id when that counts). */
export function recordedNotice(incident: Incident, now: number, id: string, bareId?: string): { sentAt: string; ms: number } | null {
  let best: { sentAt: string; ms: number } | null = null;
  for (const n of incident.notices) {
    if (n.obligation !== id && n.obligation !== bareId) continue;
    const ms = Date.parse(n.sentAt);
    // Evaluated as of `now`: a notice dated later had not been sent yet (replays with --now).
    if (ms > now) continue;
    if (!best || ms < best.ms) best = { sentAt: n.sentAt, ms };
  }
  return best;
}

/** When this organization recorded (or, for vendor-owed notices, received) the notice. */
export function doneAtFor(incident: Incident, now: number, t: Target): { sentAt: string; ms: number } | null {
  const recorded = recordedNotice(incident, now, t.id, t.bareIdCounts ? t.rule.id : undefined);
  if (recorded || t.part.owedBy !== 'vendor') return recorded;
  const at = incident.vendor?.notifiedUsAt;
  return at && Date.parse(at) <= now ? { sentAt: at, ms: Date.parse(at) } : null;
}
