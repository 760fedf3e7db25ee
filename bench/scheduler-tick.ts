// The scheduler at scale: a full re-plan of every incident, then ticks when nothing changed and when a few did.
import { createManualClock } from '../bot/clock.ts';
import { loadRules } from '../bot/deadlines/load-rules.ts';
import { createNotifierHub } from '../bot/notifier-hub.ts';
import { createScheduler } from '../bot/scheduler/scheduler.ts';
import { createMemoryStore } from '../data/memory-store.ts';
import type { Incident } from '../bot/model/incident-schema.ts';
import { syntheticIncident } from './synthetic.ts';
import { percentile } from './stats.ts';

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** Timings of one scheduler run over `count` incidents, each linked to one channel. */
export interface TickResult {
  obligationsPerIncident: number;
  rebuildMs: number;
  idleTick: { p50: number; p99: number };
  changedTick: { changed: number; ms: number };
}

/** Incidents discovered during the last day, so no reminder is due yet and ticks measure the index alone. */
export async function benchSchedulerTick(count: number, now: Date, ticks = 200): Promise<TickResult> {
  const linkedAt = now.toISOString();
  const incidents: Incident[] = [];
  for (let n = 1; n <= count; n++) {
    const base = syntheticIncident(n, now, [{ platform: 'slack', id: `C${n % 50}`, linkedAt, linkedBy: 'bench' }]);
    const discoveredAt = new Date(now.getTime() - ((n * 7919) % 86_400_000)).toISOString();
    incidents.push({ ...base, status: 'investigating', discoveredAt });
  }
  const store = createMemoryStore(incidents);
  const clock = createManualClock(now);
  const notifier = createNotifierHub();
  notifier.register({ platforms: ['slack'], post: async () => ({ messageId: 'x' }) });
  const rules = loadRules();
  const scheduler = createScheduler({ store, rules, clock, notifier, logger: quiet });
  const { computeObligations } = await import('../bot/deadlines/engine.ts');
  const sample = incidents.slice(0, 200).reduce((sum, i) => sum + computeObligations(i, rules, now).length, 0) / Math.min(200, count);

  let t = performance.now();
  await scheduler.rebuildIndex();
  const rebuildMs = performance.now() - t;
  await scheduler.tick();

  const samples: number[] = [];
  for (let i = 0; i < ticks; i++) {
    clock.advance(30_000);
    t = performance.now();
    await scheduler.tick();
    samples.push(performance.now() - t);
  }
  // A few incidents change (a count, a note): only they are re-planned on the next tick.
  const changed = Math.min(100, count);
  for (let n = 1; n <= changed; n++) await store.update(`BR-${n}`, (c) => ({ ...c, affected: { ...c.affected, total: c.affected.total + 1 } }));
  clock.advance(30_000);
  t = performance.now();
  await scheduler.tick();
  const changedMs = performance.now() - t;
  await scheduler.stop();
  return { obligationsPerIncident: sample, rebuildMs, idleTick: { p50: percentile(samples, 50), p99: percentile(samples, 99) }, changedTick: { changed, ms: changedMs } };
}
