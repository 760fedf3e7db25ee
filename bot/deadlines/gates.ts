// Named applicability checks that need more than a data condition (HIPAA breach test, GDPR risk levels).
import { readCategories } from '../model/data-categories.ts';
import type { Incident } from '../model/incident-schema.ts';
import type { RuleGate } from './rule-schema.ts';
import { localDate } from './time.ts';

/** A gate's verdict: the obligation does not apply, needs facts, or applies (with optional notes). */
export type GateResult =
  | { outcome: 'not_applicable' | 'needs_facts'; reason: string }
  | { outcome: 'applies'; notes: string[] };

const applies = (...notes: string[]): GateResult => ({ outcome: 'applies', notes });

function hipaaUnsecuredPhi(incident: Incident): GateResult {
  if (incident.phiInvolved === false) return { outcome: 'not_applicable', reason: 'no PHI involved (phiInvolved = false): no HIPAA breach notice' };
  if (incident.dataEncrypted === true && incident.keyCompromised !== true) {
    return { outcome: 'not_applicable', reason: 'PHI was encrypted (secured PHI): no HIPAA notice required, 45 CFR 164.402' };
  }
  // The latest decision counts: a later presumed_breach reverses an earlier low-probability finding.
  const latest = [...incident.riskAssessments].sort((a, b) => Date.parse(a.decidedAt) - Date.parse(b.decidedAt)).at(-1);
  if (latest?.conclusion === 'low_probability') {
    const on = localDate(Date.parse(latest.decidedAt), incident.organization.timezone);
    return {
      outcome: 'not_applicable',
      reason: `risk assessment of ${on} by ${latest.decidedBy} found a low probability that the PHI was compromised: not a breach (45 CFR 164.402); keep the assessment on record (164.414(b))`,
    };
  }
  if (incident.phiInvolved === null) {
    return { outcome: 'needs_facts', reason: 'whether PHI is involved is not recorded (phiInvolved): if it is, this deadline applies' };
  }
  const notes: string[] = [];
  if (incident.dataEncrypted === null) notes.push('encryption not recorded: treated as unsecured PHI');
  if (incident.dataEncrypted === true) notes.push('encrypted, but the key or credentials were also taken (keyCompromised): unsecured PHI');
  if (latest?.conclusion === 'presumed_breach') notes.push('risk assessment concluded presumed breach');
  return applies(...notes);
}

function ftcUnsecured(incident: Incident): GateResult {
  if (incident.dataEncrypted === true && incident.keyCompromised !== true) {
    return { outcome: 'not_applicable', reason: 'data were encrypted (secured): the FTC rule covers unsecured PHR identifiable health information only' };
  }
  return applies();
}

function gdprRisk(incident: Incident): GateResult {
  if (incident.gdprRisk === 'unlikely') {
    return { outcome: 'not_applicable', reason: 'risk to individuals assessed as unlikely (gdprRisk): no notice to the authority; document the breach (Art. 33(5))' };
  }
  if (incident.gdprRisk === null) return applies('risk to individuals not assessed yet (gdprRisk): notify unless you document that a risk is unlikely');
  return applies(`risk to individuals assessed as ${incident.gdprRisk}`);
}

function gdprHighRisk(incident: Incident): GateResult {
  // Art. 34(3)(a): no communication when encryption made the data unintelligible to anyone not authorised to access them.
  if (incident.gdprRisk !== 'unlikely' && incident.gdprRisk !== 'risk' && incident.dataEncrypted === true && incident.keyCompromised !== true) {
    return { outcome: 'not_applicable', reason: 'the data were encrypted and the key was not taken: Art. 34(3)(a) (data unintelligible to anyone not authorised) removes the communication to data subjects; if the encryption did not protect them, set keyCompromised' };
  }
  if (incident.gdprRisk === 'high') return applies('risk to individuals assessed as high (gdprRisk)');
  if (incident.gdprRisk === null) {
    return { outcome: 'needs_facts', reason: 'risk to individuals not assessed (gdprRisk): data subjects must be told without undue delay if it is high' };
  }
  return { outcome: 'not_applicable', reason: `risk to individuals assessed as ${incident.gdprRisk}, not high: no communication to data subjects required` };
}

// 42 CFR 2.16(b) as amended (89 FR 12472): compliance date 2026-02-16.
const PART2_COMPLIANCE = '2026-02-16';

function part2Program(incident: Incident): GateResult {
  const flag = incident.organization.part2Program;
  const known = readCategories(incident.dataCategories).known;
  const sudData = known.has('part2_records') || known.has('sud_treatment');
  if (flag === false) return { outcome: 'not_applicable', reason: 'the organization is not a 42 CFR Part 2 program (organization.part2Program = false)' };
  if (flag !== true && !sudData) return { outcome: 'not_applicable', reason: 'not a 42 CFR Part 2 program: organization.part2Program not set and no part2_records / sud_treatment data breached' };
  const discovered = localDate(Date.parse(incident.discoveredAt), incident.organization.timezone);
  if (discovered < PART2_COMPLIANCE) {
    return { outcome: 'not_applicable', reason: `discovered on ${discovered}, before the 42 CFR 2.16(b) breach-notice compliance date ${PART2_COMPLIANCE}` };
  }
  const secured = hipaaUnsecuredPhi({ ...incident, phiInvolved: true });
  if (secured.outcome === 'not_applicable') return { outcome: 'not_applicable', reason: secured.reason.replace('PHI', 'Part 2 records') };
  const why = flag === true ? 'a Part 2 program (organization.part2Program)' : 'treated as a Part 2 program: SUD treatment records breached (set organization.part2Program to no if it is not one)';
  return applies(why, ...(secured.outcome === 'applies' ? secured.notes : []));
}

const GATES: Record<RuleGate, (incident: Incident) => GateResult> = {
  hipaa_unsecured_phi: hipaaUnsecuredPhi,
  ftc_unsecured: ftcUnsecured,
  gdpr_risk: gdprRisk,
  gdpr_high_risk: gdprHighRisk,
  part2_program: part2Program,
};

/** Run the gates in order; the first that does not apply decides, otherwise all notes are collected. */
export function runGates(gates: readonly RuleGate[], incident: Incident): GateResult {
  const notes: string[] = [];
  for (const gate of gates) {
    const result = GATES[gate](incident);
    if (result.outcome !== 'applies') return result;
    notes.push(...result.notes);
  }
  return applies(...notes);
}
