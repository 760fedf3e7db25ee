// The pure reminder planner: (incident, obligations, policy, now) → the reminders due now and not yet delivered or skipped.
import type { ChannelLink, Delivery, Incident } from '../model/incident-schema.ts';
import { isoInZone } from '../deadlines/time.ts';
import { delayWindows, TOLLING_CAVEAT } from '../deadlines/tolling.ts';
import type { Obligation } from '../deadlines/types.ts';
import type { DomainEvent } from '../domain/change.ts';
import { boundSnoozes } from '../domain/reminders.ts';
import type { ReminderPolicy } from './policy.ts';
import { activeSnoozeUntil, handledSince, snoozeEndedAfter } from '../domain/reminder-state.ts';
import { stepsFor, type ReminderStep } from './steps.ts';

/** Planner settings beyond the step policy. */
export interface PlanOptions {
  /** Escalate an overdue obligation nobody acknowledged this many hours after its first overdue reminder. */
  escalateAfterHours: number;
  /** At most this many missed steps of a repeating series are looked at (older ones are obsolete anyway). */
  seriesWindow?: number;
}

/** A delivery record minus what is only known once the platform accepted the post. */
export type PendingRecord = Omit<Delivery, 'at' | 'messageId'>;

/** One reminder message to post into one channel. */
export interface PlannedReminder {
  /** Delivery key of the main step (the escalation's when the message is an escalation only). */
  key: string;
  incidentId: string;
  obligation: Obligation;
  /** The step the message is about. */
  step: ReminderStep;
  channel: ChannelLink;
  /** When it should have gone out (after a snooze: the snooze end), epoch ms. */
  plannedAt: number;
  late: boolean;
  /** This message is (also) the escalation of an unacknowledged overdue obligation. */
  escalation: boolean;
  /** Records to write once the post is accepted: sent steps `delivered`, older missed ones `skipped`. */
  records: PendingRecord[];
}

/** What is due now, and when to look at this incident again. */
export interface ReminderPlan {
  sends: PlannedReminder[];
  /** Earliest future instant a step, escalation, snooze end or tolling end needs attention (epoch ms), or null. */
  nextAt: number | null;
  /**
   * Snoozes that now run past their obligation's deadline (it moved earlier): the plan already treats them as cut
   * to the deadline; the scheduler records the cut (boundSnoozes, as the system actor) so the timeline says so.
   */
  snoozeCuts: DomainEvent[];
}

const HOUR_MS = 3_600_000;
const TOLLING_CAVEATS: ReadonlySet<string> = new Set(Object.values(TOLLING_CAVEAT));
// The same caveats by id, which hold in every language (the texts are English only for English answers).
const TOLLING_CAVEAT_IDS: ReadonlySet<string> = new Set(['hipaa-164.412', 'ftc-318.4', 'state-law-enforcement-delay']);

/** "slack:C123": how channels appear in delivery keys and records. */
export const channelLabel = (c: { platform: string; id: string }): string => `${c.platform}:${c.id}`;

/** The delivery key: (incident, obligation, step, due instant, channel); a moved deadline yields new keys. */
export function deliveryKey(incidentId: string, obligation: string, step: string, anchorMs: number, channel: string): string {
  return `${incidentId}|${obligation}|${step}|${new Date(anchorMs).toISOString()}|${channel}`;
}

/** Plan the reminders of one incident at `now`. Pure: same inputs, same plan. */
export function planReminders(stored: Incident, obligations: readonly Obligation[], policy: ReminderPolicy, now: Date, options: PlanOptions): ReminderPlan {
  const at = now.getTime();
  const sends: PlannedReminder[] = [];
  let nextAt: number | null = null;
  const later = (t: number | null) => {
    if (t !== null && t > at && (nextAt === null || t < nextAt)) nextAt = t;
  };
  // Snoozes are re-checked against the current deadlines on every plan, not only when the command ran.
  const bounded = boundSnoozes(obligations, now)(stored);
  const snoozeCuts = bounded.events;
  const incident = bounded.next;
  if (incident.status === 'closed' || incident.channels.length === 0) return { sends, nextAt, snoozeCuts };
  const zone = incident.organization.timezone;
  const recorded = new Set(incident.deliveries.map((d) => d.key));
  const lastSent = latestRecordPerStep(incident.deliveries);
  for (const o of obligations) {
    if (o.status === 'tolled' && o.tolledUntil) later(Date.parse(o.tolledUntil) + 1);
    const sched = stepsFor(o, zone, policy, at, options.seriesWindow);
    if (!sched) continue;
    const snoozedUntil = activeSnoozeUntil(incident, o.obligation, at);
    if (snoozedUntil !== null) {
      later(snoozedUntil);
      continue;
    }
    later(sched.next);
    // Steps that fell inside a law-enforcement delay could not be sent: they count from the delay's end.
    const tolled = o.caveats.some((c) => TOLLING_CAVEATS.has(c)) || (o.caveatRefs ?? []).some((r) => TOLLING_CAVEAT_IDS.has(r.id));
    const windows = tolled ? delayWindows(incident) : [];
    const released = (t: number) => windows.find((w) => t >= w.startMs && t < w.endMs)?.endMs ?? t;
    let escalation: ReminderStep | null = null;
    // Escalation counts from the first overdue reminder people actually received: an obligation never reminded in this
    // store's life (a store created after its deadline) is not escalated for a silence nobody was asked to break.
    const told = firstDelivered(incident.deliveries, o.obligation);
    if (sched.firstOverdueAt !== null && told !== null && !handledSince(incident, o.obligation, sched.anchor, at)) {
      const escalateAt = Math.max(released(sched.firstOverdueAt), told) + options.escalateAfterHours * HOUR_MS;
      if (escalateAt <= at) escalation = { id: 'escalate', fireAt: escalateAt, overdue: true };
      else later(escalateAt);
    }
    const anchorIso = isoInZone(sched.anchor, zone);
    for (const channel of incident.channels) {
      const label = channelLabel(channel);
      const keyOf = (s: ReminderStep) => deliveryKey(incident.id, o.obligation, s.id, sched.anchor, label);
      // A step already sent (under an earlier due instant) after this step's time needs no repeat.
      const fresh = (s: ReminderStep) => !recorded.has(keyOf(s)) && (lastSent.get(`${o.obligation}|${s.id}|${label}`) ?? -Infinity) < s.fireAt;
      const lastRecorded = Math.max(-Infinity, ...sched.due.filter((s) => recorded.has(keyOf(s))).map((s) => s.fireAt));
      const missed = sched.due.filter((s) => s.fireAt > lastRecorded && fresh(s));
      const main = missed.at(-1);
      const escalate = escalation && fresh(escalation) ? escalation : null;
      if (!main && !escalate) continue;
      const step = main ?? escalate!;
      const plannedAt = Math.max(released(step.fireAt), snoozeEndedAfter(incident, o.obligation, step.fireAt, at) ?? step.fireAt, Date.parse(channel.linkedAt));
      const late = at - plannedAt > policy.lateAfterMinutes * 60_000;
      const record = (s: ReminderStep, outcome: Delivery['outcome'], isLate: boolean): PendingRecord => ({
        key: keyOf(s), obligation: o.obligation, step: s.id, dueAt: anchorIso, channel: label, outcome, late: isLate,
      });
      sends.push({
        key: keyOf(step), incidentId: incident.id, obligation: o, step, channel, plannedAt, late, escalation: escalate !== null,
        records: [
          ...(main ? [record(main, 'delivered', late)] : []),
          ...(escalate ? [record(escalate, 'delivered', late)] : []),
          ...missed.slice(0, -1).map((s) => record(s, 'skipped', false)),
        ],
      });
    }
  }
  return { sends, nextAt, snoozeCuts };
}

/** When the first reminder about `obligation` was delivered in this store's life, or null. */
function firstDelivered(deliveries: readonly Delivery[], obligation: string): number | null {
  let first: number | null = null;
  for (const d of deliveries) {
    if (d.obligation !== obligation || d.outcome !== 'delivered') continue;
    const t = Date.parse(d.at);
    if (first === null || t < first) first = t;
  }
  return first;
}

function latestRecordPerStep(deliveries: readonly Delivery[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of deliveries) {
    const k = `${d.obligation}|${d.step}|${d.channel}`;
    out.set(k, Math.max(out.get(k) ?? -Infinity, Date.parse(d.at)));
  }
  return out;
}
