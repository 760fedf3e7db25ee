// State-law applicability: HIPAA treatment, the personal-information definition, the encryption safe harbor, data needs.
import { readCategories, unrecognisedNote } from '../model/data-categories.ts';
import type { Incident } from '../model/incident-schema.ts';
import type { Rule, RulePart, RulePiDefinition, RuleSet } from './rule-schema.ts';

/** A check's verdict: blocks the obligation (with a reason), or lets it through with notes for the basis. */
export type StateCheck = { status: 'not_applicable' | 'needs_facts'; reason: string } | { status: 'applies'; notes: string[] };

const HIPAA_ROLES = new Set(['covered_entity', 'business_associate']);

/** Whether the rule's HIPAA carve-out covers this organization (its role is named by the statute). */
export function hipaaCarveOutCovers(rule: Rule, incident: Incident): boolean {
  const h = rule.hipaa;
  return Boolean(h && h.kind !== 'none' && HIPAA_ROLES.has(incident.organization.role) && h.roles.includes(incident.organization.role));
}

/** The rule's HIPAA deeming covers this incident: a deemed-kind carve-out, a role it names, and PHI involved. */
export function hipaaDeemingApplies(rule: Rule, incident: Incident): boolean {
  return rule.hipaa?.kind === 'deemed' && hipaaCarveOutCovers(rule, incident) && incident.phiInvolved === true;
}

function hipaaCheck(rule: Rule, part: RulePart, incident: Incident): StateCheck {
  const h = rule.hipaa;
  if (!h || !hipaaCarveOutCovers(rule, incident)) return { status: 'applies', notes: [] };
  const role = incident.organization.role.replace('_', ' ');
  if (h.kind === 'exempt') {
    return { status: 'not_applicable', reason: `the statute does not apply to a HIPAA-regulated ${role} (${h.citation})${h.note ? `: ${h.note}` : ''}` };
  }
  if (part.part === null || !h.deemedParts.includes(part.part)) return { status: 'applies', notes: [] };
  if (incident.phiInvolved === null) {
    return { status: 'needs_facts', reason: `whether PHI is involved is not recorded (phiInvolved): if it is, a HIPAA-compliant notice is deemed to satisfy this one (${h.citation})` };
  }
  if (incident.phiInvolved === false) return { status: 'applies', notes: ['no PHI involved, so the HIPAA deeming clause does not help: this notice is owed under state law'] };
  const reason = `a HIPAA-compliant notice (US-HIPAA-164.404-INDIVIDUALS) is deemed to satisfy this notice for a ${role} (${h.citation})${h.note ? `; ${h.note}` : ''}`;
  return { status: 'not_applicable', reason };
}

function definitionCheck(rule: Rule, def: RulePiDefinition | undefined, incident: Incident): StateCheck {
  if (!def) return { status: 'applies', notes: [] };
  const { known, unknown } = readCategories(incident.dataCategories);
  if (known.size === 0 && unknown.length === 0) {
    return { status: 'applies', notes: [`breached data categories not recorded (dataCategories): assumed to be personal information under ${rule.jurisdiction} law`] };
  }
  const met = def.combinations.find((combo) => combo.every((c) => known.has(c)));
  if (met) return { status: 'applies', notes: [`${met.join(' + ')} is personal information under ${rule.citation}`] };
  if (unknown.length > 0) {
    return { status: 'needs_facts', reason: `the recognised data categories (${[...known].join(', ') || 'none'}) are not personal information under ${rule.citation}; ${unrecognisedNote(unknown)}` };
  }
  const reason = `the breached data (${[...known].sort().join(', ')}) is not personal information under ${rule.citation}${def.note ? `: ${def.note}` : ''}`;
  return { status: 'not_applicable', reason };
}

function encryptionCheck(rule: Rule, incident: Incident): StateCheck {
  if (incident.dataEncrypted !== true) return { status: 'applies', notes: [] };
  if (!rule.encryptionSafeHarbor) return { status: 'applies', notes: ['encrypted, but this statute has no encryption safe harbor'] };
  if (incident.keyCompromised === true) return { status: 'applies', notes: ['encrypted, but the key or credentials were also taken (keyCompromised): the safe harbor does not apply'] };
  return { status: 'not_applicable', reason: `the data were encrypted and the key was not taken: not a breach of covered data under ${rule.citation} (set keyCompromised if it was)` };
}

function dataNeedCheck(part: RulePart, incident: Incident): StateCheck {
  const need = part.dataRequires;
  if (!need) return { status: 'applies', notes: [] };
  const { known, unknown } = readCategories(incident.dataCategories);
  const hit = need.anyOf.find((c) => known.has(c));
  if (hit) return { status: 'applies', notes: [`${hit} breached`] };
  if (known.size === 0 || unknown.length > 0) {
    return { status: 'needs_facts', reason: `owed only if ${need.anyOf.join(' or ')} was breached: ${known.size === 0 && unknown.length === 0 ? 'data categories not recorded (dataCategories)' : unrecognisedNote(unknown)}` };
  }
  return { status: 'not_applicable', reason: need.otherwise };
}

/** Every state-law check, in order: not applicable to this kind of organization, encryption, definition, HIPAA, data needs. */
export function stateLawCheck(rule: Rule, part: RulePart, incident: Incident, rules: RuleSet): StateCheck {
  if (rule.notApplicable) return { status: 'not_applicable', reason: rule.notApplicable };
  const notes: string[] = [];
  const checks: (() => StateCheck)[] = [
    () => encryptionCheck(rule, incident),
    () => definitionCheck(rule, rule.personalInfo ? rules.piDefinitions?.get(rule.personalInfo) : undefined, incident),
    () => hipaaCheck(rule, part, incident),
    () => dataNeedCheck(part, incident),
  ];
  for (const check of checks) {
    const result = check();
    if (result.status !== 'applies') return result;
    notes.push(...result.notes);
  }
  return { status: 'applies', notes };
}
