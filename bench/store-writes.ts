// Durable timeline appends (the shared `measure` is also used by bench/postgres.ts) at several store sizes, against the straightforward single-file lowdb store.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Low } from 'lowdb';
import { openFileStore } from '../data/file-store.ts';
import { DurableJsonFile } from '../data/durable-json-file.ts';
import type { Incident } from '../bot/model/incident-schema.ts';
import { syntheticIncident } from './synthetic.ts';
import { percentile } from './stats.ts';

const actor = { id: 'U1', name: 'bench', platform: 'cli' as const };

/** Median cost of one durable append and the worst event-loop stall while appending. */
export interface WriteResult {
  medianMs: number;
  p99Ms: number;
  maxStallMs: number;
}

export async function measure(append: (i: number) => Promise<unknown>, rounds: number, warmup = 10): Promise<WriteResult> {
  // Warm-up rounds let the JIT and the file system settle; they are not counted.
  for (let i = 0; i < warmup; i++) await append(-1 - i);
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const samples: number[] = [];
  histogram.enable();
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await append(i);
    samples.push(performance.now() - t);
    await new Promise((r) => setImmediate(r));
  }
  histogram.disable();
  return { medianMs: percentile(samples, 50), p99Ms: percentile(samples, 99), maxStallMs: histogram.max / 1e6 };
}

/** breachdesk's store: one file per incident. */
export async function benchStoreWrites(storePath: string, now: Date, rounds = 200): Promise<WriteResult> {
  // Earlier rows' servers were killed, not closed: the start-up pack no longer matches the incidents they logged reads
  // on, and the store would rewrite it in the background (every incident, one fsync) while this row measures. One open
  // and close first leaves it fresh, as after a normal restart; the rewrite is start-up work, not an append's cost.
  await (await openFileStore(storePath, now)).close();
  const store = await openFileStore(storePath, now);
  try {
    return await measure((i) => store.appendTimeline('BR-1', { at: now.toISOString(), actor, action: 'note', text: `bench ${i}` }), rounds);
  } finally {
    await store.close();
  }
}

/** The straightforward lowdb store: every incident in one file, rewritten (and fsynced) on every write. */
export async function benchSingleFileWrites(count: number, now: Date, rounds = 20): Promise<WriteResult> {
  const path = join(mkdtempSync(join(tmpdir(), 'breachdesk-single-')), 'db.json');
  const db = new Low<{ incidents: Incident[] }>(new DurableJsonFile(path), { incidents: [] });
  for (let n = 1; n <= count; n++) db.data.incidents.push(syntheticIncident(n, now));
  await db.write();
  return measure(async (i) => {
    const incident = db.data.incidents[0]!;
    incident.timeline.push({ at: now.toISOString(), actor, action: 'note', text: `bench ${i}` });
    await db.write();
  }, rounds, 2);
}
