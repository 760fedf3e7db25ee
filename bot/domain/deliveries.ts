// Delivery decisions (pure): the durable intent before a post, its outcome after, and what a restart found unresolved.
import type { Delivery, Incident } from '../model/incident-schema.ts';
import type { Decision, DomainEvent } from './change.ts';

/** Timeline action of a reminder or digest the platform accepted. */
export const DELIVERED_ACTION = 'reminder.delivered';
/** Timeline action of an older missed step recorded as skipped (downtime catch-up). */
export const SKIPPED_ACTION = 'reminder.skipped';
/** Timeline action of an intent found after a restart whose post is no longer due: it may or may not have been posted. */
export const UNCERTAIN_ACTION = 'reminder.uncertain';

/** Record that a post to `channel` is about to be made (no timeline entry: nothing happened yet). */
export function recordIntent(key: string, channel: string, at: Date): (current: Incident) => Decision {
  return (current) => {
    if (current.outbox.some((o) => o.key === key)) return { next: current, events: [] };
    return { next: { ...current, outbox: [...current.outbox, { key, channel, intendedAt: at.toISOString() }] }, events: [] };
  };
}

/** The post was accepted: append its delivery records (skips included), clear the intent, one timeline entry per record. */
export function recordDelivered(records: readonly Delivery[], possibleRepeat: boolean): (current: Incident) => Decision {
  return (current) => {
    const have = new Set(current.deliveries.map((d) => d.key));
    const fresh = records.filter((r) => !have.has(r.key));
    const keys = new Set(records.map((r) => r.key));
    const outbox = current.outbox.filter((o) => !keys.has(o.key));
    const events = fresh.map((r) => deliveryEvent(r, possibleRepeat));
    if (fresh.length === 0 && outbox.length === current.outbox.length) return { next: current, events: [] };
    return { next: { ...current, deliveries: [...current.deliveries, ...fresh], outbox }, events };
  };
}

/**
 * Intents no longer planned (the deadline moved, the notice was sent) are cleared: those whose post may have reached
 * the channel (`uncertain`) with a timeline entry saying so, those known not to have been posted (`notPosted`) silently.
 */
export function resolveIntents(uncertain: ReadonlySet<string>, notPosted: ReadonlySet<string> = new Set()): (current: Incident) => Decision {
  return (current) => {
    const keys = new Set([...uncertain, ...notPosted]);
    const gone = current.outbox.filter((o) => uncertain.has(o.key));
    if (!current.outbox.some((o) => keys.has(o.key))) return { next: current, events: [] };
    const events: DomainEvent[] = gone.map((o) => ({
      action: UNCERTAIN_ACTION,
      text: `A post to ${o.channel} begun at ${o.intendedAt} may or may not have reached the channel (breachdesk stopped before recording it); it is no longer due, so it was not sent again.`,
      changes: [{ field: 'delivery', from: null, to: o.key }],
    }));
    return { next: { ...current, outbox: current.outbox.filter((o) => !keys.has(o.key)) }, events };
  };
}

function deliveryEvent(r: Delivery, possibleRepeat: boolean): DomainEvent {
  // Digests use the obligation slot for their kind (bot/scheduler/digest.ts: `digest`, `portfolio`).
  const kind = r.obligation === 'digest' ? 'Daily digest' : r.obligation === 'portfolio' ? 'Portfolio digest' : 'Reminder';
  const what = kind === 'Reminder' ? `Reminder for ${r.obligation} (${r.step}, due ${r.dueAt})` : `${kind} (${r.step})`;
  if (r.outcome === 'skipped') {
    return { action: SKIPPED_ACTION, text: `${what} to ${r.channel} skipped: a later step was posted instead.`, changes: [{ field: 'delivery', from: null, to: r.key }] };
  }
  const notes = [r.late ? 'late' : '', possibleRepeat ? 'possibly a repeat: an earlier attempt may have reached the channel' : ''].filter(Boolean);
  return {
    action: DELIVERED_ACTION,
    text: `${what} posted to ${r.channel}${notes.length ? ` (${notes.join('; ')})` : ''}.`,
    changes: [{ field: 'delivery', from: null, to: r.key }],
  };
}
