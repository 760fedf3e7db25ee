// Named applicability checks that need more than a data condition (HIPAA breach test, GDPR risk levels).
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
  if (incident.dataEncrypted === true) {
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
  if (latest?.conclusion === 'presumed_breach') notes.push('risk assessment concluded presumed breach');
  return applies(...notes);
}

function ftcUnsecured(incident: Incident): GateResult {
  if (incident.dataEncrypted === true) {
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
  if (incident.gdprRisk === 'high') return applies('risk to individuals assessed as high (gdprRisk)');
  if (incident.gdprRisk === null) {
    return { outcome: 'needs_facts', reason: 'risk to individuals not assessed (gdprRisk): data subjects must be told without undue delay if it is high' };
  }
  return { outcome: 'not_applicable', reason: `risk to individuals assessed as ${incident.gdprRisk}, not high: no communication to data subjects required` };
}

const GATES: Record<RuleGate, (incident: Incident) => GateResult> = {
  hipaa_unsecured_phi: hipaaUnsecuredPhi,
  ftc_unsecured: ftcUnsecured,
  gdpr_risk: gdprRisk,
  gdpr_high_risk: gdprHighRisk,
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
