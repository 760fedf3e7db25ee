// `snooze` and `ack`, and the scheduler's re-check of snoozes: the business rules around reminders.
import { formatCountdown, formatInstant } from '../i18n/format.ts';
import { translator, type Lang } from '../i18n/index.ts';
import { isoInZone } from '../deadlines/time.ts';
import type { Obligation } from '../deadlines/types.ts';
import type { Incident } from '../model/incident-schema.ts';
import { CommandRefusedError } from '../errors.ts';
import { formatInZone } from '../views/format-in-zone.ts';
import { unchanged, type Decision, type DomainEvent } from './change.ts';
import { currentObligation, type RuleContext } from './obligations.ts';
import { ACKNOWLEDGED_ACTION, acknowledgementChange, handledSince, REMINDED_STATUSES, SNOOZE_CUT_ACTION, SNOOZED_ACTION } from './reminder-state.ts';

const DAY_MS = 86_400_000;
// Without a deadline ("without undue delay") a snooze still may not silence an obligation for long.
export const MAX_OPEN_ENDED_SNOOZE_MS = 7 * DAY_MS;

/** Why this obligation gets no reminders at all (so cannot be snoozed), or undefined; said in `lang`. */
export function noRemindersReason(o: Obligation, zone: string, lang: Lang = 'en'): string | undefined {
  const tr = translator(lang);
  const at = (iso: string) => formatInstant(iso, zone, lang);
  const obligation = o.obligation;
  if (o.kind === 'on_request') return tr('refusal.onRequest', { obligation });
  if (o.status === 'done') return tr('refusal.alreadyDone', { obligation, when: o.doneAt ? ` (${at(o.doneAt)})` : '' });
  if (o.status === 'tolled') return tr('refusal.tolled', { obligation, until: o.tolledUntil ? tr('refusal.tolledUntil', { at: at(o.tolledUntil) }) : '' });
  if (!REMINDED_STATUSES.has(o.status)) return tr('refusal.notReminded', { obligation, status: tr(`status.${o.status}`) });
  return undefined;
}

/** Why a snooze of `o` until `untilMs` is refused at `now`, or undefined when the snooze command accepts it; said in `lang`. */
export function snoozeRefusal(incident: Incident, o: Obligation, untilMs: number, now: Date, lang: Lang = 'en'): string | undefined {
  const tr = translator(lang);
  const zone = incident.organization.timezone;
  const none = noRemindersReason(o, zone, lang);
  if (none) return none;
  if (untilMs <= now.getTime()) return tr('refusal.future');
  if (o.dueAt === null) return untilMs - now.getTime() > MAX_OPEN_ENDED_SNOOZE_MS ? tr('refusal.openEnded', { obligation: o.obligation }) : undefined;
  const dueMs = Date.parse(o.dueAt);
  if (now.getTime() > dueMs) {
    return tr('refusal.overdue', { obligation: o.obligation, id: incident.id, span: formatCountdown(dueMs, now.getTime(), lang, 'words') });
  }
  if (untilMs > dueMs) {
    // --until is typed in the organization's usual form (ISO-like in English, day first in French), without the zone name.
    const at = formatInstant(o.dueAt, zone, lang);
    return tr('refusal.pastDeadline', { obligation: o.obligation, at, latest: at.slice(0, 16) });
  }
  return undefined;
}

/** Snooze the reminders of an obligation until `untilMs`, checked against its deadline on the current record; a reason is required. */
export const snooze = (intent: { obligation: string; untilMs: number; reason: string; by: string; lang?: Lang }, rc: RuleContext) => (current: Incident): Decision => {
  const { untilMs, reason, by } = intent;
  const now = rc.now;
  const o = currentObligation(current, intent.obligation, rc);
  if (!reason.trim()) throw new CommandRefusedError(translator(intent.lang ?? 'en')('refusal.needsReason'));
  const refusal = snoozeRefusal(current, o, untilMs, now, intent.lang);
  if (refusal) throw new CommandRefusedError(refusal);
  const zone = current.organization.timezone;
  const until = isoInZone(untilMs, zone);
  return {
    next: { ...current, snoozes: [...current.snoozes, { obligation: o.obligation, until, reason: reason.trim(), by, at: now.toISOString() }] },
    events: [{
      action: SNOOZED_ACTION,
      text: `Snoozed reminders for ${o.obligation} until ${formatInZone(until, zone)}: ${reason.trim()}`,
      changes: [{ field: 'snoozes', from: null, to: { obligation: o.obligation, until } }],
    }],
  };
};

/** Acknowledge an obligation's reminder: stops an overdue escalation; nothing recorded when already acknowledged since overdue. */
export const acknowledge = (obligation: string, rc: RuleContext, lang: Lang = 'en') => (current: Incident): Decision => {
  const now = rc.now;
  const o = currentObligation(current, obligation, rc);
  const zone = current.organization.timezone;
  if (o.status === 'done' || o.status === 'not_applicable') throw new CommandRefusedError(noRemindersReason(o, zone, lang)!);
  const dueMs = o.dueAt === null ? null : Date.parse(o.dueAt);
  const overdue = dueMs !== null && now.getTime() > dueMs;
  if (overdue && handledSince(current, o.obligation, dueMs, now.getTime())) return unchanged(current);
  const due = o.dueAt ? formatInZone(o.dueAt, zone) : 'no fixed deadline';
  return {
    next: current,
    events: [{ action: ACKNOWLEDGED_ACTION, text: `Acknowledged the ${overdue ? 'overdue ' : ''}reminder for ${o.obligation} (due ${due})`, changes: [acknowledgementChange(o.obligation)] }],
  };
};

/**
 * Snoozes still running past their obligation's current deadline, cut back to it (the deadline moved earlier
 * after the snooze was set). Pure; the scheduler applies it as the system actor so the timeline says so.
 */
export const boundSnoozes = (obligations: readonly Obligation[], now: Date) => (current: Incident): Decision => {
  const zone = current.organization.timezone;
  const dueOf = new Map(obligations.filter((o) => o.dueAt !== null && REMINDED_STATUSES.has(o.status)).map((o) => [o.obligation, Date.parse(o.dueAt!)]));
  const events: DomainEvent[] = [];
  const snoozes = current.snoozes.map((s) => {
    const due = dueOf.get(s.obligation);
    const end = Date.parse(s.until);
    if (due === undefined || end <= due || end <= now.getTime()) return s;
    const until = isoInZone(due, zone);
    events.push({
      action: SNOOZE_CUT_ACTION,
      text: `Snooze of ${s.obligation} (set by ${s.by} until ${formatInZone(s.until, zone)}) cut to the deadline, ${formatInZone(until, zone)}: the deadline moved earlier and a snooze never runs past it`,
      changes: [{ field: `snoozes.${s.obligation}.until`, from: s.until, to: until }],
    });
    return { ...s, until };
  });
  return events.length ? { next: { ...current, snoozes }, events } : unchanged(current);
};
