// A store created now starts quiet: every reminder and digest already due is recorded as skipped, so the first screen
// is the welcome and the incidents, not a flood of notices about clocks that ran before the store existed.
import type { RuleSet } from '../deadlines/rule-schema.ts';
import { computeObligations } from '../deadlines/engine.ts';
import type { Incident } from '../model/incident-schema.ts';
import { planDailyDigest } from './digest.ts';
import { planReminders } from './plan.ts';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from './policy.ts';

/** Settings the quiet start plans with (the scheduler's own). */
export interface QuietStartOptions {
  rules: RuleSet;
  escalateAfterHours: number;
  digestTime?: string;
  policy?: ReminderPolicy;
}

/** `incident` with every reminder step and today's digest due at `now` recorded as skipped (never posted). */
export function quietStart(incident: Incident, now: Date, options: QuietStartOptions): Incident {
  const policy = options.policy ?? DEFAULT_REMINDER_POLICY;
  const obligations = computeObligations(incident, options.rules, now);
  const plan = planReminders(incident, obligations, policy, now, { escalateAfterHours: options.escalateAfterHours });
  const digest = options.digestTime ? planDailyDigest(incident, { localTime: options.digestTime }, now).sends.map((d) => d.record) : [];
  const at = now.toISOString();
  const records = [...plan.sends.flatMap((s) => s.records), ...digest].map((r) => ({ ...r, outcome: 'skipped' as const, late: false, at }));
  return records.length ? { ...incident, deliveries: [...incident.deliveries, ...records] } : incident;
}
