// Scheduling with a lease (PostgreSQL replicas): the scheduler runs only while the lease is held, stops the moment it
// is lost, starts again when it is won back, and gives the lease up on stop. A file store (no lease) schedules at once.
import { createRecordHealth } from '../../bot/record/record-health.ts';
import { describe, expect, it } from 'vitest';
import type { SchedulerLease } from '../../bot/ports.ts';
import { loadConfig } from '../../adapters/config.ts';
import type { Runtime } from '../../adapters/runtime.ts';
import { startScheduling } from '../../adapters/scheduling.ts';
import { createTestBot } from '../helpers/test-bot.ts';

/** A lease the test hands out and takes away; every tryHold() is counted and awaitable. */
function fakeLease() {
  let available = false;
  let held = false;
  let released = false;
  const lost = new Set<() => void>();
  const waiters: Array<() => void> = [];
  const lease: SchedulerLease = {
    async tryHold() {
      held = available;
      waiters.splice(0).forEach((w) => w());
      return held;
    },
    onLost(listener) {
      lost.add(listener);
      return () => lost.delete(listener);
    },
    async release() {
      released = true;
      held = false;
    },
  };
  return {
    lease,
    grant: () => (available = true),
    /** The connection behind the lease dies. */
    lose() {
      available = false;
      held = false;
      lost.forEach((l) => l());
    },
    nextCheck: () => new Promise<void>((resolve) => waiters.push(resolve)),
    get released() {
      return released;
    },
  };
}

const config = (() => {
  const loaded = loadConfig({ BREACHDESK_DATA: 'postgres://x@127.0.0.1/x', BREACHDESK_LEADER_POLL_SECONDS: '1' });
  if ('problems' in loaded) throw new Error(loaded.problems.join('; '));
  return loaded.config;
})();

function runtimeWith(lease?: SchedulerLease): Runtime {
  const t = createTestBot();
  const recordCheck = Promise.resolve({ checked: 0, sealed: [], broken: [] });
  return { bot: t.bot, store: t.store, notifier: t.notifier, records: createRecordHealth(), recordCheck, ...(lease ? { lease } : {}), close: async () => undefined };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('scheduling with a lease', () => {
  it('runs the scheduler only while the lease is held, and follows it as it is lost and won back', { timeout: 15_000 }, async () => {
    const f = fakeLease();
    const t = createTestBot();
    const scheduling = startScheduling(runtimeWith(f.lease), config, t.clock, t.logger);
    await f.nextCheck();
    await settle();
    expect(scheduling.leading()).toBe(false);
    f.grant();
    await f.nextCheck();
    await settle();
    expect(scheduling.leading()).toBe(true);
    f.lose();
    await settle();
    // Lost means stopped at once, not at the next check.
    expect(scheduling.leading()).toBe(false);
    f.grant();
    await f.nextCheck();
    await settle();
    expect(scheduling.leading()).toBe(true);
    await scheduling.stop();
    expect(scheduling.leading()).toBe(false);
    expect(f.released).toBe(true);
    expect(t.logger.lines.filter((l) => l.includes('holds the scheduler lease'))).toHaveLength(2);
  });

  it('schedules at once without a lease (file store: its lock allows one process)', async () => {
    const t = createTestBot();
    const scheduling = startScheduling(runtimeWith(), config, t.clock, t.logger);
    expect(scheduling.leading()).toBe(true);
    await scheduling.stop();
  });
});
