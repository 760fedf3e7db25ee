// Durable delivery: the intent is recorded before posting and the outcome after, both through the domain's one path.
// A post is repeated only when breachdesk cannot know whether the earlier one arrived (a crash between post and record,
// or a platform that did not answer), and such a repeat is marked as possible.
import { applyBookkeeping, SYSTEM_ACTOR } from '../domain/change.ts';
import { recordDelivered, recordIntent, resolveIntents } from '../domain/deliveries.ts';
import type { Delivery } from '../model/incident-schema.ts';
import type { Reply } from '../reply.ts';
import type { ChannelTarget, Clock, IncidentStore, Logger, Notifier } from '../ports.ts';
import { channelLabel, type PendingRecord } from './plan.ts';
import { createRetryBook, maybeDeliveredOf, retryAfterOf, type BackoffConfig, type RetryBook } from './retry.ts';

/** What became of one delivery attempt. */
export type DeliveryOutcome =
  | { status: 'sent' }
  /** Not attempted: an earlier failure or the platform's Retry-After says wait until `until`. */
  | { status: 'deferred'; until: number }
  | { status: 'failed'; until: number };

/** Posts and records deliveries. */
export interface Deliverer {
  /** Post `reply` to `target` unless waiting for a retry; intent before, outcome after, both in the incident `recordIn`. */
  deliver(recordIn: string, retryGroup: string, target: ChannelTarget, key: string, reply: () => Reply, records: readonly PendingRecord[]): Promise<DeliveryOutcome>;
  /** Write records whose post was accepted but whose write failed. */
  flushUnrecorded(): Promise<void>;
  /** True while a posted delivery still waits to be written (it must not be posted again). */
  isUnrecorded(key: string): boolean;
  /** Clear intents of `recordIn` that are no longer planned; the timeline notes those that may have been posted. */
  resolve(recordIn: string, keys: readonly string[]): Promise<void>;
  readonly retries: RetryBook;
}

/** Settings of a deliverer. */
export interface DelivererConfig {
  store: IncidentStore;
  clock: Clock;
  notifier: Notifier;
  logger: Logger;
  backoff?: BackoffConfig;
  /** A Retry-After up to this long is waited out within the tick (the platform paused, others keep their turn); longer ones defer to a later tick. Default 5 s. */
  inTickWaitMs?: number;
  /** Real-time wait (injectable for tests). */
  sleep?: (ms: number) => Promise<void>;
}

const POSSIBLE_REPEAT = 'Possible repeat: breachdesk could not confirm that an earlier attempt of this message reached the channel, so it is sent again.';
const IN_TICK_TRIES = 4;

/** A deliverer over the store and notifier. */
export function createDeliverer(deps: DelivererConfig): Deliverer {
  const { store, clock, notifier, logger } = deps;
  const inTickWaitMs = deps.inTickWaitMs ?? 5000;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const retries = createRetryBook(deps.backoff);
  // A long Retry-After holds the platform in scheduler time; a short one pauses its posts in real time (below).
  const holds = new Map<string, number>();
  const pauses = new Map<string, number>();
  // What this process knows of a key's last attempt: refused (certainly not posted) or uncertain (may have been).
  const attempts = new Map<string, 'refused' | 'uncertain'>();
  const unrecorded = new Map<string, { incidentId: string; records: Delivery[]; possibleRepeat: boolean }>();
  const ctx = () => ({ store, actor: SYSTEM_ACTOR, now: clock.now(), logger });

  async function record(incidentId: string, records: Delivery[], possibleRepeat: boolean): Promise<void> {
    const key = records[0]!.key;
    try {
      // Bookkeeping too: clearing the intent must be written even when the records were already there.
      await applyBookkeeping(ctx(), incidentId, recordDelivered(records, possibleRepeat));
      unrecorded.delete(key);
      attempts.delete(key);
    } catch (error) {
      // Posted but not written: kept in memory so this process neither loses nor repeats it; a crash now leaves the
      // intent in the store, and the restart posts again marked as a possible repeat.
      unrecorded.set(key, { incidentId, records, possibleRepeat });
      logger.error('scheduler: delivered but could not record it; will retry recording', { key, error: describe(error) });
    }
  }

  async function waitPause(platform: string): Promise<void> {
    for (let until = pauses.get(platform) ?? 0; until > Date.now(); until = pauses.get(platform) ?? 0) await sleep(until - Date.now());
  }

  return {
    retries,
    isUnrecorded: (key) => unrecorded.has(key),
    async flushUnrecorded() {
      for (const { incidentId, records, possibleRepeat } of [...unrecorded.values()]) await record(incidentId, records, possibleRepeat);
    },
    async resolve(recordIn, keys) {
      const open = keys.filter((k) => !unrecorded.has(k));
      if (open.length === 0) return;
      const notPosted = new Set(open.filter((k) => attempts.get(k) === 'refused'));
      await applyBookkeeping(ctx(), recordIn, resolveIntents(new Set(open.filter((k) => !notPosted.has(k))), notPosted));
      for (const k of open) attempts.delete(k);
    },
    async deliver(recordIn, retryGroup, target, key, reply, records) {
      const now = clock.now().getTime();
      const wait = Math.max(holds.get(target.platform) ?? 0, retries.notBefore(key));
      if (wait > now) return { status: 'deferred', until: wait };
      const label = channelLabel(target);
      // An intent already stored and not known to be refused: an earlier attempt (maybe before a crash) may have arrived.
      const pending = (await store.get(recordIn))?.outbox.some((o) => o.key === key) ?? false;
      const possibleRepeat = pending && attempts.get(key) !== 'refused';
      if (!pending) {
        try {
          await applyBookkeeping(ctx(), recordIn, recordIntent(key, label, clock.now()));
        } catch (error) {
          // No durable intent, no post: a crash after an unrecorded post could not be reconciled.
          const { attempts: count, notBefore } = retries.failed(key, retryGroup, now);
          logger.error('scheduler: could not record the intent to post; not posted, will retry', { key, attempts: count, retryAt: new Date(notBefore).toISOString(), error: describe(error) });
          return { status: 'failed', until: notBefore };
        }
      }
      const to: ChannelTarget = { platform: target.platform, id: target.id, ...(target.reference !== undefined ? { reference: target.reference } : {}) };
      let messageId: string | undefined;
      for (let tries = 1; ; tries++) {
        await waitPause(target.platform);
        try {
          ({ messageId } = await notifier.post(to, possibleRepeat ? markPossibleRepeat(reply()) : reply()));
          break;
        } catch (error) {
          attempts.set(key, maybeDeliveredOf(error) ? 'uncertain' : 'refused');
          const retryAfterMs = retryAfterOf(error);
          if (retryAfterMs !== undefined && retryAfterMs <= inTickWaitMs && tries < IN_TICK_TRIES && attempts.get(key) === 'refused') {
            // Rate limited: the platform's limit holds for every channel, so all its posts pause, then carry on.
            pauses.set(target.platform, Math.max(pauses.get(target.platform) ?? 0, Date.now() + retryAfterMs));
            continue;
          }
          const failedAt = clock.now().getTime();
          const { attempts: count, notBefore } = retries.failed(key, retryGroup, failedAt, retryAfterMs);
          if (retryAfterMs !== undefined) holds.set(target.platform, notBefore);
          logger.warn('scheduler: post refused; will retry', { key, attempts: count, retryAt: new Date(notBefore).toISOString(), maybePosted: attempts.get(key) === 'uncertain', error: describe(error) });
          return { status: 'failed', until: notBefore };
        }
      }
      const failedBefore = retries.succeeded(key);
      const at = clock.now().toISOString();
      await record(recordIn, records.map((r) => ({ ...r, at, ...(r.outcome === 'delivered' && messageId ? { messageId } : {}) })), possibleRepeat);
      logger.info('scheduler: delivered', { key, late: records[0]?.late ?? false, attempts: failedBefore + 1, possibleRepeat, skipped: records.filter((r) => r.outcome === 'skipped').length });
      return { status: 'sent' };
    },
  };
}

/** The same message, saying it may be a repeat (text and card). */
export function markPossibleRepeat(reply: Reply): Reply {
  return {
    ...reply,
    text: `${POSSIBLE_REPEAT}\n${reply.text}`,
    ...(reply.card ? { card: { ...reply.card, subtitle: reply.card.subtitle ? `Possible repeat · ${reply.card.subtitle}` : 'Possible repeat', footer: reply.card.footer ? `${POSSIBLE_REPEAT} ${reply.card.footer}` : POSSIBLE_REPEAT } } : {}),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
