// Named applicability checks that need more than a data condition (HIPAA breach test, GDPR risk levels).
import { readCategories } from '../model/data-categories.ts';
import type { Incident } from '../model/incident-schema.ts';
import type { RuleGate } from './rule-schema.ts';
import { EU_EEA, PART2_COMPLIANCE, part2Unanswered } from './facts.ts';
import { localDate } from './time.ts';
import { wordsFor, type Words } from './words.ts';

/** A gate's verdict: the obligation does not apply, needs facts, or applies (with optional notes). */
export type GateResult =
  | { outcome: 'not_applicable' | 'needs_facts'; reason: string }
  | { outcome: 'applies'; notes: string[] };

const applies = (...notes: string[]): GateResult => ({ outcome: 'applies', notes });

/** HIPAA's breach test; `part2` words the not-applicable reasons for Part 2 records instead of PHI. */
function hipaaUnsecuredPhi(incident: Incident, w: Words, part2 = false): GateResult {
  if (incident.phiInvolved === false) return { outcome: 'not_applicable', reason: w.say('gate.noPhi') };
  if (incident.dataEncrypted === true && incident.keyCompromised === false) {
    return { outcome: 'not_applicable', reason: w.say(part2 ? 'gate.part2Encrypted' : 'gate.phiEncrypted') };
  }
  // The latest decision counts: a later presumed_breach reverses an earlier low-probability finding.
  const latest = [...incident.riskAssessments].sort((a, b) => Date.parse(a.decidedAt) - Date.parse(b.decidedAt)).at(-1);
  if (latest?.conclusion === 'low_probability') {
    const values = { day: w.dayOf(Date.parse(latest.decidedAt)), by: latest.decidedBy };
    return { outcome: 'not_applicable', reason: w.say(part2 ? 'gate.part2LowProbability' : 'gate.lowProbability', values) };
  }
  // HHS guidance (74 FR 42742): encrypted PHI is secured only if the key was not breached too; unknown is asked, never assumed.
  if (incident.dataEncrypted === true && incident.keyCompromised === null) return { outcome: 'needs_facts', reason: w.say('gate.keyUnknown') };
  if (incident.phiInvolved === null) return { outcome: 'needs_facts', reason: w.say('gate.phiUnknown') };
  const notes: string[] = [];
  if (incident.dataEncrypted === null) notes.push(w.say('gate.encryptionUnknown'));
  if (incident.dataEncrypted === true) notes.push(w.say('gate.keyTaken'));
  if (latest?.conclusion === 'presumed_breach') notes.push(w.say('gate.presumedBreach'));
  return applies(...notes);
}

function ftcUnsecured(incident: Incident, w: Words): GateResult {
  if (incident.dataEncrypted === true && incident.keyCompromised === false) return { outcome: 'not_applicable', reason: w.say('gate.ftcEncrypted') };
  if (incident.dataEncrypted === true && incident.keyCompromised === null) return { outcome: 'needs_facts', reason: w.say('gate.ftcKeyUnknown') };
  return applies();
}

function gdprRisk(incident: Incident, w: Words): GateResult {
  if (incident.gdprRisk === 'unlikely') return { outcome: 'not_applicable', reason: w.say('gate.gdprUnlikely') };
  if (incident.gdprRisk === null) return applies(w.say('gate.gdprNotAssessed'));
  return applies(w.say('gate.gdprAssessed', { risk: w.say(`gate.risk.${incident.gdprRisk}`) }));
}

function gdprHighRisk(incident: Incident, w: Words): GateResult {
  // Art. 34(3)(a): no communication when encryption made the data unintelligible to anyone not authorised to access them.
  if (incident.gdprRisk !== 'unlikely' && incident.gdprRisk !== 'risk' && incident.dataEncrypted === true && incident.keyCompromised !== true) {
    if (incident.keyCompromised === null) return { outcome: 'needs_facts', reason: w.say('gate.gdprKeyUnknown') };
    return { outcome: 'not_applicable', reason: w.say('gate.gdprEncrypted') };
  }
  if (incident.gdprRisk === 'high') return applies(w.say('gate.gdprHigh'));
  if (incident.gdprRisk === null) return { outcome: 'needs_facts', reason: w.say('gate.gdprHighUnknown') };
  return { outcome: 'not_applicable', reason: w.say('gate.gdprNotHigh', { risk: w.say(`gate.risk.${incident.gdprRisk}`) }) };
}

function part2Program(incident: Incident, w: Words): GateResult {
  const flag = incident.organization.part2Program;
  const known = readCategories(incident.dataCategories).known;
  const sudData = known.has('part2_records') || known.has('sud_treatment');
  if (flag === false) return { outcome: 'not_applicable', reason: w.say(sudData ? 'gate.notPart2Records' : 'gate.notPart2') };
  if (flag !== true && !sudData && !part2Unanswered(incident)) return { outcome: 'not_applicable', reason: w.say('gate.noPart2Data') };
  const discovered = localDate(Date.parse(incident.discoveredAt), incident.organization.timezone);
  if (discovered < PART2_COMPLIANCE) {
    return { outcome: 'not_applicable', reason: w.say('gate.beforePart2', { day: w.day(discovered), date: w.day(PART2_COMPLIANCE) }) };
  }
  const secured = hipaaUnsecuredPhi({ ...incident, phiInvolved: true }, w, true);
  if (secured.outcome !== 'applies') return secured;
  // Nothing recorded to infer it from (no data categories at all): asked, with the clock shown.
  if (flag === null && !sudData && part2Unanswered(incident)) return { outcome: 'needs_facts', reason: w.say('gate.part2Unanswered', { id: incident.id }) };
  // SUD records breached, but 2.16(b) puts these notices on Part 2 programs only: a lawful holder or a qualified service
  // organization holding a program's records is not one, so whether this organization is decides, and is asked.
  if (flag === null) return { outcome: 'needs_facts', reason: w.say('gate.part2Data', { id: incident.id }) };
  return applies(w.say('gate.part2Flag'), ...secured.notes);
}

/**
 * GDPR Art. 3 (UK GDPR Art. 3 for the UK): an organization established in the territory is in scope (Art. 3(1)); one
 * based outside it only when the processing relates to offering goods or services to people there, or monitoring their
 * behaviour there (Art. 3(2)), which the recorded country of the people affected does not tell: it is asked.
 */
function territorial(law: 'gdpr' | 'ukGdpr', incident: Incident, w: Words): GateResult {
  const org = incident.organization;
  const established = law === 'gdpr' ? org.country === 'EU' || EU_EEA.has(org.country) : org.country === 'GB';
  // Established there: in scope as before, with no note (the answer stays exactly what it was).
  if (established) return applies();
  const answer = law === 'gdpr' ? org.gdprTerritorial : org.ukGdprTerritorial;
  const values = { country: org.country, id: incident.id };
  if (answer === true) return applies(w.say(`gate.${law}TerritorialYes`, values));
  if (answer === false) return { outcome: 'not_applicable', reason: w.say(`gate.${law}TerritorialNo`, values) };
  return { outcome: 'needs_facts', reason: w.say(`gate.${law}TerritorialUnanswered`, values) };
}

const GATES: Record<RuleGate, (incident: Incident, w: Words) => GateResult> = {
  hipaa_unsecured_phi: (incident, w) => hipaaUnsecuredPhi(incident, w),
  ftc_unsecured: ftcUnsecured,
  gdpr_risk: gdprRisk,
  gdpr_high_risk: gdprHighRisk,
  part2_program: part2Program,
  gdpr_territorial: (incident, w) => territorial('gdpr', incident, w),
  uk_gdpr_territorial: (incident, w) => territorial('ukGdpr', incident, w),
};

/**
 * Run the gates in order: the first not_applicable decides (a fact still unknown elsewhere cannot bring the notice back);
 * otherwise every needs_facts question is asked, joined; otherwise all notes are collected.
 */
export function runGates(gates: readonly RuleGate[], incident: Incident, w: Words = wordsFor('en', incident.organization.timezone)): GateResult {
  const notes: string[] = [];
  const questions: string[] = [];
  for (const gate of gates) {
    const result = GATES[gate](incident, w);
    if (result.outcome === 'applies') notes.push(...result.notes);
    else if (result.outcome === 'not_applicable') return result;
    else questions.push(result.reason);
  }
  if (questions.length > 0) return { outcome: 'needs_facts', reason: questions.join(w.say('join')) };
  return applies(...notes);
}
