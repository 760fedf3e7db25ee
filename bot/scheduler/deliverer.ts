// Exactly-once posting: record a delivery only after the platform accepted it; retry refusals with backoff.
import type { Delivery } from '../model/incident-schema.ts';
import type { Reply } from '../reply.ts';
import type { ChannelTarget, Clock, IncidentStore, Logger, Notifier } from '../ports.ts';
import { channelLabel, type PendingRecord } from './plan.ts';
import { createRetryBook, retryAfterOf, type BackoffConfig, type RetryBook } from './retry.ts';

/** What became of one delivery attempt. */
export type DeliveryOutcome =
  | { status: 'sent' }
  /** Not attempted: an earlier failure or the channel's Retry-After says wait until `until`. */
  | { status: 'deferred'; until: number }
  | { status: 'failed'; until: number };

/** Posts and records deliveries; failures are remembered in memory. */
export interface Deliverer {
  /** Post `reply` to `target` unless waiting for a retry; on acceptance append `records` to the incident `recordIn`. */
  deliver(recordIn: string, retryGroup: string, target: ChannelTarget, key: string, reply: () => Reply, records: readonly PendingRecord[]): Promise<DeliveryOutcome>;
  /** Write records whose post was accepted but whose write failed. */
  flushUnrecorded(): Promise<void>;
  /** True while a posted delivery still waits to be written (it must not be posted again). */
  isUnrecorded(key: string): boolean;
  readonly retries: RetryBook;
}

/** A deliverer over the store and notifier. */
export function createDeliverer(deps: { store: IncidentStore; clock: Clock; notifier: Notifier; logger: Logger; backoff?: BackoffConfig }): Deliverer {
  const { store, clock, notifier, logger } = deps;
  const retries = createRetryBook(deps.backoff);
  // Slack's Retry-After applies to the channel, not only the message that hit it.
  const holds = new Map<string, number>();
  const unrecorded = new Map<string, { incidentId: string; records: Delivery[] }>();

  async function record(incidentId: string, records: Delivery[]): Promise<void> {
    const key = records[0]!.key;
    try {
      await store.update(incidentId, (current) => {
        const have = new Set(current.deliveries.map((d) => d.key));
        const fresh = records.filter((r) => !have.has(r.key));
        return fresh.length ? { ...current, deliveries: [...current.deliveries, ...fresh] } : current;
      });
      unrecorded.delete(key);
    } catch (error) {
      // Posted but not written: keep it in memory so it is neither lost nor posted again.
      unrecorded.set(key, { incidentId, records });
      logger.error('scheduler: delivered but could not record it; will retry recording', { key, error: describe(error) });
    }
  }

  return {
    retries,
    isUnrecorded: (key) => unrecorded.has(key),
    async flushUnrecorded() {
      for (const { incidentId, records } of [...unrecorded.values()]) await record(incidentId, records);
    },
    async deliver(recordIn, retryGroup, target, key, reply, records) {
      const now = clock.now().getTime();
      const label = channelLabel(target);
      const wait = Math.max(holds.get(label) ?? 0, retries.notBefore(key));
      if (wait > now) return { status: 'deferred', until: wait };
      let messageId: string | undefined;
      try {
        const to: ChannelTarget = { platform: target.platform, id: target.id, ...(target.reference !== undefined ? { reference: target.reference } : {}) };
        ({ messageId } = await notifier.post(to, reply()));
      } catch (error) {
        const retryAfterMs = retryAfterOf(error);
        const { attempts, notBefore } = retries.failed(key, retryGroup, now, retryAfterMs);
        if (retryAfterMs !== undefined) holds.set(label, notBefore);
        logger.warn('scheduler: post refused; will retry', { key, attempts, retryAt: new Date(notBefore).toISOString(), error: describe(error) });
        return { status: 'failed', until: notBefore };
      }
      const failedBefore = retries.succeeded(key);
      const at = clock.now().toISOString();
      await record(recordIn, records.map((r) => ({ ...r, at, ...(r.outcome === 'delivered' && messageId ? { messageId } : {}) })));
      logger.info('scheduler: delivered', { key, late: records[0]?.late ?? false, attempts: failedBefore + 1, skipped: records.filter((r) => r.outcome === 'skipped').length });
      return { status: 'sent' };
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
