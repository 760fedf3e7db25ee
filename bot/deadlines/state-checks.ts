// State-law applicability: HIPAA treatment, the personal-information definition, the encryption safe harbor, data needs.
import { readCategories } from '../model/data-categories.ts';
import type { Incident } from '../model/incident-schema.ts';
import type { Rule, RulePart, RulePiDefinition, RuleSet } from './rule-schema.ts';
import { testThreshold } from './facts.ts';
import { runGates } from './gates.ts';
import { wordsFor, type Words } from './words.ts';

/** A check's verdict: blocks the obligation (with a reason), or lets it through with notes for the basis. */
export type StateCheck = { status: 'not_applicable' | 'needs_facts'; reason: string } | { status: 'applies'; notes: string[] };

const HIPAA_ROLES = new Set(['covered_entity', 'business_associate']);

/** Whether the rule's HIPAA carve-out covers this organization (its role is named by the statute). */
export function hipaaCarveOutCovers(rule: Rule, incident: Incident): boolean {
  const h = rule.hipaa;
  return Boolean(h && h.kind !== 'none' && HIPAA_ROLES.has(incident.organization.role) && h.roles.includes(incident.organization.role));
}

/**
 * The rule's HIPAA deeming covers this incident: a deemed-kind carve-out, a role it names, PHI involved, and a HIPAA
 * notice actually owed (a deeming clause rests on that notice; with a low-probability finding none is made).
 */
export function hipaaDeemingApplies(rule: Rule, incident: Incident): boolean {
  return rule.hipaa?.kind === 'deemed' && hipaaCarveOutCovers(rule, incident) && incident.phiInvolved === true && noHipaaNotice(incident) === null && absentNotice(rule, incident) === null;
}

/** The notice of this statute the carve-out rests on, when its own head count leaves it not owed (with the count's words), or null. */
function absentNotice(rule: Rule, incident: Incident, w?: Words): { part: string; text: string } | null {
  const part = rule.hipaa?.requiresNotice ? rule.obligations.find((p) => p.part === rule.hipaa!.requiresNotice) : undefined;
  const count = part?.threshold ? testThreshold(part.threshold, incident, rule.jurisdiction, w) : undefined;
  return count && !count.holds ? { part: `${rule.id}:${part!.part}`, text: count.text } : null;
}

/** Why no HIPAA notice is made although PHI is involved (the HIPAA breach test rules it out: low probability, secured PHI), or null. */
function noHipaaNotice(incident: Incident, w?: Words): string | null {
  const gate = runGates(['hipaa_unsecured_phi'], incident, w);
  return gate.outcome === 'not_applicable' ? gate.reason : null;
}

function hipaaCheck(rule: Rule, part: RulePart, incident: Incident, w: Words): StateCheck {
  const h = rule.hipaa;
  if (!h || !hipaaCarveOutCovers(rule, incident)) return { status: 'applies', notes: [] };
  const role = w.say(`state.role.${incident.organization.role}`);
  const note = (kind: 'noteColon' | 'noteSemicolon') => (h.note ? w.say(`state.${kind}`, { note: w.rule(h.note) }) : '');
  if (h.kind === 'exempt') return { status: 'not_applicable', reason: w.say('state.exempt', { role, citation: h.citation, note: note('noteColon') }) };
  if (part.part === null || !h.deemedParts.includes(part.part)) return { status: 'applies', notes: [] };
  if (incident.phiInvolved === null) return { status: 'needs_facts', reason: w.say('state.deemedPhiUnknown', { citation: h.citation }) };
  if (incident.phiInvolved === false) return { status: 'applies', notes: [w.say('state.deemedNoPhi')] };
  // No HIPAA notice goes out: nothing satisfies this one, and whether the State still deems the entity compliant depends on its wording.
  const none = noHipaaNotice(incident, w);
  if (none) return { status: 'needs_facts', reason: w.say('state.deemedNoHipaaNotice', { reason: none, citation: h.citation }) };
  // The carve-out rests on another notice of this statute that its own head count leaves not owed: it does not hold.
  const absent = absentNotice(rule, incident, w);
  if (absent) return { status: 'applies', notes: [w.say('state.deemedWithoutNotice', { citation: h.citation, ...absent })] };
  return { status: 'not_applicable', reason: w.say('state.deemed', { role, citation: h.citation, note: note('noteSemicolon') }) };
}

function unrecognised(words: readonly string[], w: Words): string {
  return w.say('state.unrecognised', { count: words.length, words: words.map((x) => `"${x}"`).join(', ') });
}

function definitionCheck(rule: Rule, def: RulePiDefinition | undefined, incident: Incident, w: Words): StateCheck {
  if (!def) return { status: 'applies', notes: [] };
  const { known, unknown } = readCategories(incident.dataCategories);
  if (known.size === 0 && unknown.length === 0) return { status: 'applies', notes: [w.say('state.categoriesUnknown', { jurisdiction: rule.jurisdiction })] };
  const met = def.combinations.find((combo) => combo.every((c) => known.has(c)));
  if (met) return { status: 'applies', notes: [w.say('state.isPersonalInfo', { combination: met.join(w.say('state.plus')), citation: rule.citation })] };
  if (unknown.length > 0) {
    const list = [...known].join(w.say('state.listJoin')) || w.say('state.none');
    return { status: 'needs_facts', reason: w.say('state.unrecognisedNotPi', { known: list, citation: rule.citation, unrecognised: unrecognised(unknown, w) }) };
  }
  const note = def.note ? w.say('state.noteColon', { note: w.rule(def.note) }) : '';
  return { status: 'not_applicable', reason: w.say('state.notPi', { known: [...known].sort().join(w.say('state.listJoin')), citation: rule.citation, note }) };
}

function encryptionCheck(rule: Rule, incident: Incident, w: Words): StateCheck {
  if (incident.dataEncrypted !== true) return { status: 'applies', notes: [] };
  if (!rule.encryptionSafeHarbor) return { status: 'applies', notes: [w.say('state.noSafeHarbor')] };
  if (incident.keyCompromised === true) return { status: 'applies', notes: [w.say('state.keyTaken')] };
  if (incident.keyCompromised === null) return { status: 'needs_facts', reason: w.say('state.keyUnknown', { citation: rule.citation }) };
  return { status: 'not_applicable', reason: w.say('state.safeHarbor', { citation: rule.citation }) };
}

function dataNeedCheck(part: RulePart, incident: Incident, w: Words): StateCheck {
  const need = part.dataRequires;
  if (!need) return { status: 'applies', notes: [] };
  const { known, unknown } = readCategories(incident.dataCategories);
  const hit = need.anyOf.find((c) => known.has(c));
  if (hit) return { status: 'applies', notes: [w.say('state.breached', { category: hit })] };
  if (known.size === 0 || unknown.length > 0) {
    const why = known.size === 0 && unknown.length === 0 ? w.say('state.noCategories') : unrecognised(unknown, w);
    return { status: 'needs_facts', reason: w.say('state.dataNeeded', { categories: need.anyOf.join(w.say('state.categoriesOr')), why }) };
  }
  return { status: 'not_applicable', reason: w.rule(need.otherwise) };
}

/** Every state-law check, in order: not applicable to this kind of organization, encryption, definition, HIPAA, data needs. */
export function stateLawCheck(rule: Rule, part: RulePart, incident: Incident, rules: RuleSet, w: Words = wordsFor('en', incident.organization.timezone, rules)): StateCheck {
  if (rule.notApplicable) return { status: 'not_applicable', reason: w.rule(rule.notApplicable) };
  const notes: string[] = [];
  const checks: (() => StateCheck)[] = [
    () => encryptionCheck(rule, incident, w),
    () => definitionCheck(rule, rule.personalInfo ? rules.piDefinitions?.get(rule.personalInfo) : undefined, incident, w),
    () => hipaaCheck(rule, part, incident, w),
    () => dataNeedCheck(part, incident, w),
  ];
  for (const check of checks) {
    const result = check();
    if (result.status !== 'applies') return result;
    notes.push(...result.notes);
  }
  return { status: 'applies', notes };
}
