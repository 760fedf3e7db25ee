// The deadline index answers as the engine would at the moment it is asked: statuses move with time, changes reach it.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../bot/clock.ts';
import { deadlineEntry } from '../../bot/deadlines/deadline-entry.ts';
import { createDeadlineIndex } from '../../bot/deadlines/deadline-index.ts';
import { ORDER_SPAN } from '../../bot/deadlines/due-order.ts';
import { computeObligations } from '../../bot/deadlines/engine.ts';
import { isOpen } from '../../bot/deadlines/present.ts';
import type { Incident } from '../../bot/model/incident-schema.ts';
import { createMemoryStore } from '../../data/memory-store.ts';
import { makeIncident, usHospitalFacts } from '../helpers/incidents.ts';
import { rules } from './helpers.ts';

const HIPAA = 'US-HIPAA-164.404-INDIVIDUALS';
const everyone = () => true;

// Discovered 2025-02-20 09:00 CST; 45 CFR 164.404(b): 60 calendar days → 2025-04-21, end of day in Chicago (CDT, -05:00).
const HIPAA_DUE = Date.parse('2025-04-21T23:59:59.999-05:00');

async function statusAt(index: ReturnType<typeof createDeadlineIndex>, now: string, obligation = HIPAA) {
  const listing = await index.dueBy({ now: new Date(now), horizon: Date.parse(now) + 400 * 86_400_000, readable: everyone });
  return listing.items.find((d) => d.item.obligation === obligation)?.item.status;
}

describe('the deadline index', () => {
  it('moves pending → due soon → overdue as time passes, without any change to the incident', async () => {
    const store = createMemoryStore([makeIncident('BR-1', usHospitalFacts())]);
    const clock = createManualClock('2025-03-01T12:00:00Z');
    const index = createDeadlineIndex({ store, rules, clock });
    expect(await statusAt(index, '2025-03-01T12:00:00Z')).toBe('pending');
    // Due soon from 7 days before the last instant: 2025-04-14T23:59:59.999-05:00.
    expect(await statusAt(index, '2025-04-15T04:59:59.998Z')).toBe('pending');
    expect(await statusAt(index, '2025-04-15T04:59:59.999Z')).toBe('due_soon');
    expect(await statusAt(index, '2025-04-22T04:59:59.999Z')).toBe('due_soon');
    expect(await statusAt(index, '2025-04-22T05:00:00.000Z')).toBe('overdue');
    // Asked about an earlier moment again (a CLI --now): recomputed, not the later answer.
    expect(await statusAt(index, '2025-03-02T00:00:00Z')).toBe('pending');
    index.close();
  });

  it('a law-enforcement delay tolls the notice until its end, then it is owed again', async () => {
    // Oral statement on 2025-03-10 (CDT from 03-09): at most 30 days (45 CFR 164.412(b)), to 2025-04-09 end of day.
    const delays = [{ form: 'oral' as const, agency: 'FBI', official: 'SA Example', statedAt: '2025-03-10T10:00:00-05:00', until: null }];
    const store = createMemoryStore([makeIncident('BR-1', usHospitalFacts({ lawEnforcementDelays: delays }))]);
    const index = createDeadlineIndex({ store, rules, clock: createManualClock('2025-03-01T12:00:00Z') });
    expect(await statusAt(index, '2025-03-05T12:00:00Z')).toBe('pending');
    expect(await statusAt(index, '2025-03-20T12:00:00Z')).toBe('tolled');
    expect(await statusAt(index, '2025-04-09T23:59:59.999-05:00')).toBe('tolled');
    expect(await statusAt(index, '2025-04-10T00:00:00.000-05:00')).not.toBe('tolled');
    index.close();
  });

  it('follows store changes: a notice recorded as sent leaves the listing, a closed incident is not counted', async () => {
    const store = createMemoryStore([makeIncident('BR-1', usHospitalFacts()), makeIncident('BR-2', usHospitalFacts())]);
    const index = createDeadlineIndex({ store, rules, clock: createManualClock('2025-03-01T12:00:00Z') });
    const now = '2025-04-20T12:00:00Z';
    expect((await index.dueBy({ now: new Date(now), horizon: HIPAA_DUE, readable: everyone })).open).toBe(2);
    await store.update('BR-1', (i) => ({ ...i, notices: [{ obligation: HIPAA, sentAt: '2025-04-01T12:00:00-05:00' }] }));
    await store.update('BR-2', (i) => ({ ...i, status: 'closed' }));
    const after = await index.dueBy({ now: new Date(now), horizon: HIPAA_DUE, readable: everyone });
    expect(after.open).toBe(1);
    expect(after.items.some((d) => d.item.obligation === HIPAA)).toBe(false);
    index.close();
  });

  it('lists only incidents the reader accepts, by their team keys', async () => {
    const opened = { ...makeIncident('BR-1', usHospitalFacts()), timeline: [{ at: '2025-02-20T15:00:00Z', actor: { id: 'U1', name: 'Sam', platform: 'slack' as const }, action: 'incident.opened', text: 'Opened' }] };
    const store = createMemoryStore([opened, makeIncident('BR-2', usHospitalFacts())]);
    const index = createDeadlineIndex({ store, rules, clock: createManualClock('2025-03-01T12:00:00Z') });
    const sam = await index.dueBy({ now: new Date('2025-04-20T12:00:00Z'), horizon: HIPAA_DUE, readable: (keys) => keys.includes('slack:U1') });
    expect([sam.open, [...new Set(sam.items.map((d) => d.entry.id))]]).toEqual([1, ['BR-1']]);
    index.close();
  });

  it('keeps the soonest items when asked for a few, and counts them all', async () => {
    const store = createMemoryStore([1, 2, 3].map((n) => makeIncident(`BR-${n}`, usHospitalFacts({ discoveredAt: `2025-02-2${n}T09:00:00-06:00` }))));
    const index = createDeadlineIndex({ store, rules, clock: createManualClock('2025-03-01T12:00:00Z') });
    const all = await index.dueBy({ now: new Date('2025-03-01T12:00:00Z'), horizon: Date.parse('2026-01-01T00:00:00Z'), readable: everyone });
    const few = await index.dueBy({ now: new Date('2025-03-01T12:00:00Z'), horizon: Date.parse('2026-01-01T00:00:00Z'), readable: everyone, limit: 2 });
    expect(few.total).toBe(all.total);
    expect(few.items.map((d) => `${d.entry.id} ${d.item.obligation}`)).toEqual(all.items.slice(0, 2).map((d) => `${d.entry.id} ${d.item.obligation}`));
    expect(all.items.map((d) => d.item.dueMs)).toEqual([...all.items.map((d) => d.item.dueMs)].sort((a, b) => a - b));
    index.close();
  });

  it('starts from entries read back, with their order or one incident twice, and recomputes in place those that expired', async () => {
    const store = createMemoryStore([1, 2, 3].map((n) => makeIncident(`BR-${n}`, usHospitalFacts({ discoveredAt: `2025-02-2${n - 1}T09:00:00-06:00` }))));
    const t0 = new Date('2025-03-01T12:00:00Z');
    const read = await Promise.all(['BR-1', 'BR-2', 'BR-3'].map(async (id) => deadlineEntry((await store.get(id))!, rules, t0, [])));
    // The order as the file keeps it, worked out here from the items: due instant, then incident, then obligation id.
    const sorted = read
      .flatMap((e, slot) => e.items.all().map((item, i) => ({ item, ref: slot * ORDER_SPAN + i, n: slot })))
      .sort((a, b) => a.item.dueMs - b.item.dueMs || a.n - b.n || (a.item.obligation < b.item.obligation ? -1 : 1))
      .map((d) => d.ref);
    const fresh = createDeadlineIndex({ store, rules, clock: createManualClock(t0) });
    for (const initial of [{ entries: read, sorted }, { entries: [...read, read[0]!] }]) {
      const index = createDeadlineIndex({ store, rules, clock: createManualClock(t0), initial });
      // BR-1 (discovered 2025-02-20): HIPAA due 2025-04-21 end of day CDT; due soon from 7 days before, overdue after.
      expect(await statusAt(index, '2025-03-01T12:00:00Z')).toBe('pending');
      expect(await statusAt(index, '2025-04-15T12:00:00Z')).toBe('due_soon');
      expect(await statusAt(index, '2025-04-22T12:00:00Z')).toBe('overdue');
      const lines = async (i: typeof index) => (await i.dueBy({ now: new Date('2025-04-22T12:00:00Z'), horizon: Date.parse('2026-01-01T00:00:00Z') })).items.map((d) => `${d.entry.id} ${d.item.obligation} ${d.item.status}`);
      expect(await lines(index)).toEqual(await lines(fresh));
      index.close();
    }
    fresh.close();
  });

  it('takes the whole store from entries said to be whole, without a pass over it, until one of them expires', async () => {
    const store = createMemoryStore([1, 2].map((n) => makeIncident(`BR-${n}`, usHospitalFacts({ discoveredAt: `2025-02-2${n - 1}T09:00:00-06:00` }))));
    const t0 = new Date('2025-03-01T12:00:00Z');
    const read = await Promise.all(['BR-1', 'BR-2'].map(async (id) => deadlineEntry((await store.get(id))!, rules, t0, [])));
    const whole = { open: 2, nextExpiry: Math.min(...read.map((e) => e.validUntil)), latest: t0.getTime() };
    let reads = 0;
    const counted = new Proxy(store, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if ((key === 'get' || key === 'ids') && typeof value === 'function') return (...args: unknown[]) => (reads++, (value as (...a: unknown[]) => unknown).apply(target, args));
        return value;
      },
    });
    const index = createDeadlineIndex({ store: counted, rules, clock: createManualClock(t0), initial: { entries: read, whole } });
    expect(await statusAt(index, '2025-03-01T12:00:00Z')).toBe('pending');
    expect((await index.dueBy({ now: t0, horizon: t0.getTime() + 400 * 86_400_000 })).open).toBe(2);
    expect(reads).toBe(0);
    // BR-1 (discovered 2025-02-20): HIPAA due 2025-04-21 end of day CDT, due soon 7 days before: its entry expired.
    expect(await statusAt(index, '2025-04-15T12:00:00Z')).toBe('due_soon');
    expect(reads).toBeGreaterThan(0);
    index.close();
  });
});

describe('an index entry', () => {
  const variants: Array<[string, Incident]> = [
    ['plain', makeIncident('BR-1', usHospitalFacts({ affected: { total: 900, byJurisdiction: { 'US-IN': 600, 'US-TX': 300, 'US-VT': 20 } } }))],
    ['oral delay', makeIncident('BR-2', usHospitalFacts({ lawEnforcementDelays: [{ form: 'oral', agency: 'FBI', official: 'SA', statedAt: '2025-03-10T10:00:00-05:00', until: null }] }))],
    ['written delay with an end', makeIncident('BR-3', usHospitalFacts({ lawEnforcementDelays: [{ form: 'written', agency: 'FBI', official: 'SA', statedAt: '2025-03-01T10:00:00-06:00', until: '2025-05-01T00:00:00-05:00' }] }))],
    ['a notice recorded later', makeIncident('BR-4', usHospitalFacts({ notices: [{ obligation: HIPAA, sentAt: '2025-04-02T12:00:00-05:00' }] }))],
  ];

  it.each(variants)('(%s) matches the engine every 6 hours, and at each instant it said it may change', (_name, incident) => {
    const t0 = Date.parse('2025-03-01T12:00:00Z');
    const engineAt = (t: number) => computeObligations(incident, rules, new Date(t)).filter((o) => isOpen(o) && o.dueAt !== null).map((o) => `${o.obligation} ${o.status} ${Date.parse(o.dueAt!)}`);
    const check = (entry: ReturnType<typeof deadlineEntry>, t: number) =>
      expect({ at: new Date(t).toISOString(), items: entry.items.all().map((i) => `${i.obligation} ${i.status} ${i.dueMs}`) }).toEqual({ at: new Date(t).toISOString(), items: engineAt(t) });
    let entry = deadlineEntry(incident, rules, new Date(t0), []);
    let recomputed = 0;
    for (let t = t0; t < t0 + 200 * 86_400_000; t += 6 * 3_600_000) {
      // Walk the chain of entries: each one checked just before it expires and its successor at the expiry instant.
      while (entry.validUntil <= t) {
        check(entry, entry.validUntil - 1);
        entry = deadlineEntry(incident, rules, new Date(entry.validUntil), []);
        check(entry, entry.computedAt);
        recomputed++;
      }
      check(entry, t);
    }
    // Not vacuous: the statuses changed along the way (due-soon windows, deadlines, delays).
    expect(recomputed).toBeGreaterThan(1);
  });
});
