// Long walks over the store (re-plan, `due`, portfolio digest) read one incident at a time and let the event loop run.
import { describe, expect, it } from 'vitest';
import { createSlicer, openIncidents } from '../../bot/slices.ts';
import { createMemoryStore } from '../../data/memory-store.ts';
import { makeIncident, usHospitalFacts } from '../helpers/incidents.ts';

const incidents = [1, 2, 3, 10].map((n) => makeIncident(`BR-${n}`, usHospitalFacts({ title: `n${n}`, ...(n === 2 ? { status: 'closed' as const } : {}) })));

describe('store walks', () => {
  it('gives the open incidents in id order, closed ones skipped', async () => {
    const store = createMemoryStore(incidents);
    const seen: string[] = [];
    for await (const incident of openIncidents(store)) seen.push(incident.id);
    expect(seen).toEqual(['BR-1', 'BR-3', 'BR-10']);
  });

  it('lets other work run between slices', async () => {
    const store = createMemoryStore(incidents);
    const order: string[] = [];
    setImmediate(() => order.push('other work'));
    // A zero-length slice yields before every incident: the other work runs before the walk ends.
    for await (const incident of openIncidents(store, 0)) order.push(incident.id);
    expect(order.indexOf('other work')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('other work')).toBeLessThan(order.length - 1);
  });

  it('reads each incident after the yield: a change made meanwhile is seen', async () => {
    const store = createMemoryStore(incidents);
    const titles: string[] = [];
    setImmediate(() => void store.update('BR-10', (c) => ({ ...c, title: 'changed meanwhile' })));
    for await (const incident of openIncidents(store, 0)) titles.push(incident.title);
    expect(titles.at(-1)).toBe('changed meanwhile');
  });

  it('does not yield inside a slice', async () => {
    const pause = createSlicer(60_000);
    let ran = false;
    setImmediate(() => (ran = true));
    for (let i = 0; i < 100; i++) await pause();
    expect(ran).toBe(false);
  });
});
