// `done`, `delay`, `assess`: notices sent, law-enforcement delays and risk assessments, with their business rules.
import type { z } from 'zod';
import { LawEnforcementDelaySchema, NoticeSchema, RiskAssessmentSchema, type Incident, type RiskAssessment } from '../model/incident-schema.ts';
import { CommandRefusedError } from '../errors.ts';
import { formatInZone } from '../views/format-in-zone.ts';
import type { Decision } from './change.ts';
import { instantRangeProblem } from './dates.ts';
import { currentObligation, type RuleContext } from './obligations.ts';

type Notice = z.output<typeof NoticeSchema>;
type LawEnforcementDelay = z.output<typeof LawEnforcementDelaySchema>;

/** An instant that has happened: in range, not in the future, not before this organization's discovery. */
function pastFact(iso: string, incident: Incident, now: Date, what: string): void {
  const range = instantRangeProblem(iso, now, `${what} ${iso}`);
  if (range) throw new CommandRefusedError(range);
  const fmt = (x: string) => formatInZone(x, incident.organization.timezone);
  if (Date.parse(iso) > now.getTime()) throw new CommandRefusedError(`${what} ${fmt(iso)} is in the future; record it once it has happened.`);
  if (Date.parse(iso) < Date.parse(incident.discoveredAt)) {
    throw new CommandRefusedError(`${what} ${fmt(iso)} is before the discovery of ${incident.id} (${fmt(incident.discoveredAt)}); a notice cannot precede discovery. Check the date, or correct the discovery time first.`);
  }
}

/** Record a notice as sent; refused when it is already done, in the future, or before discovery. */
export const recordNotice = (intent: { obligation: string; sentAt: string; note?: string }, rc: RuleContext) => (current: Incident): Decision => {
  const o = currentObligation(current, intent.obligation, rc);
  const fmt = (x: string) => formatInZone(x, current.organization.timezone);
  if (o.status === 'done') throw new CommandRefusedError(`${o.obligation} is already recorded as sent ${fmt(o.doneAt!)}.`);
  pastFact(intent.sentAt, current, rc.now, 'The sending time');
  const notice: Notice = NoticeSchema.parse({ obligation: o.obligation, sentAt: intent.sentAt, ...(intent.note ? { note: intent.note } : {}) });
  const late = o.dueAt !== null && Date.parse(intent.sentAt) > Date.parse(o.dueAt) ? ` (after the deadline of ${fmt(o.dueAt)})` : '';
  return {
    next: { ...current, notices: [...current.notices, notice] },
    events: [{
      action: 'notice.sent',
      text: `Notice sent: ${o.obligation} → ${o.recipient} (${o.citation}) at ${fmt(intent.sentAt)}${late}${intent.note ? `. ${intent.note}` : ''}`,
      changes: [{ field: 'notices', from: null, to: notice }],
    }],
  };
};

/** Record a law-enforcement delay statement (45 CFR 164.412); the statement must have happened, its end follow it. */
export const recordDelay = (intent: Omit<LawEnforcementDelay, 'until'> & { until: string | null }, rc: RuleContext) => (current: Incident): Decision => {
  const fmt = (x: string) => formatInZone(x, current.organization.timezone);
  const range = instantRangeProblem(intent.statedAt, rc.now, `The statement time ${intent.statedAt}`) ?? (intent.until ? instantRangeProblem(intent.until, rc.now, `--until ${intent.until}`) : undefined);
  if (range) throw new CommandRefusedError(range);
  if (Date.parse(intent.statedAt) > rc.now.getTime()) throw new CommandRefusedError(`The statement time ${fmt(intent.statedAt)} is in the future; record it once it was made.`);
  if (intent.until && Date.parse(intent.until) <= Date.parse(intent.statedAt)) throw new CommandRefusedError('--until must be after the statement.');
  const delay = LawEnforcementDelaySchema.parse(intent);
  const sec = delay.secItem105c ? `; Form 8-K Item 1.05(c) ${delay.secItem105c.replace('_', ' ')} (delays the 8-K only)` : '';
  const period = (delay.until ? ` until ${fmt(delay.until)}` : delay.secItem105c ? ' with no end recorded' : delay.form === 'oral' ? ' (at most 30 days unless a written statement follows)' : ' with no period stated (treated as at most 30 days)') + sec;
  return {
    next: { ...current, lawEnforcementDelays: [...current.lawEnforcementDelays, delay] },
    events: [{
      action: 'delay.recorded',
      text: `Law-enforcement delay: ${delay.form} statement by ${delay.official} (${delay.agency}) at ${fmt(delay.statedAt)}${period}`,
      changes: [{ field: 'lawEnforcementDelays', from: null, to: delay }],
    }],
  };
};

/** Record the HIPAA four-factor risk assessment (45 CFR 164.402(2)); it stays on the record (164.414(b)). */
export const recordAssessment = (intent: Omit<RiskAssessment, 'decidedAt'>, rc: RuleContext) => (current: Incident): Decision => {
  const assessment = RiskAssessmentSchema.parse({ ...intent, decidedAt: rc.now.toISOString() });
  const f = assessment.factors;
  const words = assessment.conclusion === 'low_probability' ? 'low probability that the PHI was compromised' : 'presumed breach';
  return {
    next: { ...current, riskAssessments: [...current.riskAssessments, assessment] },
    events: [{
      action: 'risk.assessed',
      text: `Risk assessment by ${assessment.decidedBy}: ${words}. Nature/extent: ${f.natureAndExtent}; person: ${f.unauthorizedPerson}; acquired/viewed: ${f.acquiredOrViewed}; mitigation: ${f.mitigation}`,
      changes: [{ field: 'riskAssessments', from: null, to: assessment }],
    }],
  };
};
