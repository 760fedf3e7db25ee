// One incident's history against its cost: get and update on the file store with 10 and with 10,000 history entries
// (deliveries and timeline notes), so a long-running incident does not slow every command on it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IncidentSchema, type Delivery, type Incident, type TimelineEntry } from '../bot/model/incident-schema.ts';
import { openFileStore } from '../data/file-store.ts';
import { percentile } from './stats.ts';

/** Median get and update (one timeline entry appended) at one history size, and the first read after opening. */
export interface HistoryCost {
  entries: number;
  getMs: number;
  updateMs: number;
  /** First read after the store opened: the history is parsed once. */
  firstGetMs: number;
}

const actor = { id: 'U0BENCH', name: 'bench', platform: 'slack' as const };

/** Measure get and update with `entries` history entries (5/6 deliveries, 1/6 notes, like a long-running incident). */
export async function benchHistory(entries: number, now: Date, rounds = 200): Promise<HistoryCost> {
  const path = join(mkdtempSync(join(tmpdir(), 'breachdesk-bench-history-')), 'store.json');
  const at = now.toISOString();
  const notes = Math.round(entries / 6);
  const timeline: TimelineEntry[] = Array.from({ length: notes }, (_, n) => ({ at, actor, action: 'note', text: `Call with the vendor's counsel, item ${n}` }));
  const deliveries: Delivery[] = Array.from({ length: entries - notes }, (_, n) => ({
    key: `BR-1|US-HIPAA-164.404-INDIVIDUALS|overdue:${n}|2025-04-21T23:59:59.999-05:00|slack:C${n % 40}`,
    obligation: 'US-HIPAA-164.404-INDIVIDUALS', step: `overdue:${n}`, dueAt: '2025-04-21T23:59:59.999-05:00', channel: `slack:C${n % 40}`,
    outcome: 'delivered', at, late: false, messageId: `17000${n}.000100`,
  }));
  let store = await openFileStore(path, now);
  await store.create((id) => incident(id, at, timeline, deliveries));
  await store.close();
  store = await openFileStore(path, now);
  const t0 = performance.now();
  await store.get('BR-1');
  const firstGetMs = performance.now() - t0;
  const gets: number[] = [];
  const updates: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    await store.get('BR-1');
    gets.push(performance.now() - t);
    t = performance.now();
    await store.appendTimeline('BR-1', { at, actor, action: 'note', text: `bench note ${i}` });
    updates.push(performance.now() - t);
  }
  await store.close();
  return { entries, getMs: percentile(gets, 50), updateMs: percentile(updates, 50), firstGetMs };
}

function incident(id: string, at: string, timeline: TimelineEntry[], deliveries: Delivery[]): Incident {
  return IncidentSchema.parse({
    id, title: 'Long-running vendor breach', createdAt: at, updatedAt: at, discoveredAt: at, status: 'notifying',
    organization: { name: 'Example Hospital', role: 'covered_entity', country: 'US', timezone: 'America/Chicago' },
    affected: { total: 262831, byJurisdiction: { 'US-IN': 262000 } }, phiInvolved: true, dataEncrypted: false,
    timeline, deliveries,
  });
}
