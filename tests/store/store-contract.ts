// One contract every IncidentStore must keep; run against the memory store and the lowdb file store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentStore } from '../../bot/ports.ts';
import type { Incident, TimelineEntry } from '../../bot/model/incident-schema.ts';
import { makeIncident, usHospitalFacts } from '../helpers/incidents.ts';

const actor = { id: 'U1', name: 'Sam', platform: 'slack' as const };
const entry = (text: string, at = '2025-03-01T12:00:00Z'): TimelineEntry => ({ at, actor, action: 'note', text });
const build = (title: string) => (id: string): Incident => makeIncident(id, usHospitalFacts({ title }));

/** Registers the contract tests for a store factory. */
export function storeContract(name: string, open: () => Promise<IncidentStore>) {
  describe(`${name} store contract`, () => {
    let store: IncidentStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('creates incidents with consecutive ids BR-1, BR-2 …', async () => {
      const a = await store.create(build('first'));
      const b = await store.create(build('second'));
      expect([a.id, b.id]).toEqual(['BR-1', 'BR-2']);
      expect((await store.get('BR-2'))?.title).toBe('second');
      expect(await store.get('BR-3')).toBeUndefined();
    });

    it('lists in id order with status, open and channel filters', async () => {
      for (const t of ['a', 'b', 'c']) await store.create(build(t));
      await store.update('BR-2', (c) => ({ ...c, status: 'closed' }));
      await store.update('BR-3', (c) => ({ ...c, channels: [{ platform: 'slack', id: 'C9', linkedAt: '2025-03-01T00:00:00Z', linkedBy: 'Sam' }] }));
      expect((await store.list()).map((i) => i.id)).toEqual(['BR-1', 'BR-2', 'BR-3']);
      expect((await store.list({ openOnly: true })).map((i) => i.id)).toEqual(['BR-1', 'BR-3']);
      expect((await store.list({ status: ['closed'] })).map((i) => i.id)).toEqual(['BR-2']);
      expect((await store.list({ channel: { platform: 'slack', id: 'C9' } })).map((i) => i.id)).toEqual(['BR-3']);
    });

    it('gives every id in number order (BR-2 before BR-10)', async () => {
      expect(await store.ids()).toEqual([]);
      expect(await store.damaged()).toEqual([]);
      for (let n = 1; n <= 11; n++) await store.create(build(`incident ${n}`));
      expect(await store.ids()).toEqual(Array.from({ length: 11 }, (_, i) => `BR-${i + 1}`));
    });

    it('appends to the timeline and refuses edits to earlier entries', async () => {
      await store.create(build('x'));
      await store.appendTimeline('BR-1', entry('one'));
      const after = await store.appendTimeline('BR-1', entry('two'));
      expect(after.timeline.map((e) => e.text)).toEqual(['one', 'two']);
      await expect(store.update('BR-1', (c) => ({ ...c, timeline: c.timeline.slice(1) }))).rejects.toThrow(/append-only/);
      await expect(store.update('BR-1', (c) => ({ ...c, timeline: [entry('edited'), ...c.timeline.slice(1)] }))).rejects.toThrow(/append-only/);
      // Edited in place, on what the mutation receives: earlier entries are frozen (or the edit is caught).
      await expect(store.update('BR-1', (c) => (c.timeline[0]!.text = 'rewritten', c))).rejects.toThrow(/append-only|read only/);
      expect((await store.get('BR-1'))!.timeline.map((e) => e.text)).toEqual(['one', 'two']);
    });

    it('rejects an invalid incident and keeps the previous version', async () => {
      await store.create(build('x'));
      await expect(store.update('BR-1', (c) => ({ ...c, status: 'bogus' as Incident['status'] }))).rejects.toThrow();
      expect((await store.get('BR-1'))!.status).toBe('triage');
    });

    it('tells listeners about every acknowledged change, until they unsubscribe', async () => {
      const seen: string[] = [];
      const stop = store.onChange((i) => seen.push(`${i.id}:${i.status}`));
      await store.create(build('x'));
      await store.update('BR-1', (c) => ({ ...c, status: 'notifying' }));
      await store.update('BR-1', (c) => ({ ...c, status: 'bogus' as Incident['status'] })).catch(() => undefined);
      stop();
      await store.update('BR-1', (c) => ({ ...c, status: 'closed' }));
      expect(seen).toEqual(['BR-1:triage', 'BR-1:notifying']);
    });

    it('names the missing incident', async () => {
      await expect(store.update('BR-404', (c) => c)).rejects.toThrow(/BR-404/);
    });

    it('hands out records that cannot be mutated behind its back', async () => {
      await store.create(build('x'));
      const got = (await store.get('BR-1'))!;
      expect(() => {
        (got as { title: string }).title = 'hacked';
      }).toThrow();
    });

    it('keeps a long history whole: every timeline entry and delivery, in order, through later changes', async () => {
      const deliveries = Array.from({ length: 1500 }, (_, n) => ({ key: `k${n}`, obligation: 'US-HIPAA-164.404-INDIVIDUALS', step: 'before:P14D', dueAt: '2025-04-21T23:59:59-05:00', channel: `slack:C${n}`, outcome: 'delivered' as const, at: '2025-04-07T14:00:00Z', late: false }));
      await store.create((id) => ({ ...build('long')(id), timeline: Array.from({ length: 500 }, (_, n) => entry(`old ${n}`)), deliveries }));
      await store.update('BR-1', (c) => ({ ...c, status: 'notifying', deliveries: [...c.deliveries, { ...deliveries[0]!, key: 'new' }] }));
      const after = await store.appendTimeline('BR-1', entry('newest'));
      expect(after.timeline).toHaveLength(501);
      const got = (await store.get('BR-1'))!;
      expect(got.status).toBe('notifying');
      expect(got.timeline.map((e) => e.text).slice(0, 2)).toEqual(['old 0', 'old 1']);
      expect(got.timeline.at(-1)!.text).toBe('newest');
      expect(got.deliveries).toHaveLength(1501);
      expect(got.deliveries.at(-1)!.key).toBe('new');
      // A delivery log replaced rather than extended is kept as given.
      await store.update('BR-1', (c) => ({ ...c, deliveries: c.deliveries.slice(1) }));
      expect((await store.get('BR-1'))!.deliveries[0]!.key).toBe('k1');
    });

    it('loses no update when 200 updates to one incident run concurrently', async () => {
      await store.create(build('x'));
      await Promise.all(Array.from({ length: 200 }, (_, n) => store.appendTimeline('BR-1', entry(`update ${n}`))));
      const texts = (await store.get('BR-1'))!.timeline.map((e) => e.text);
      expect(texts).toHaveLength(200);
      expect(new Set(texts).size).toBe(200);
    });

    it("keeps each person's preferences apart, merges changes and clears a field given as undefined", async () => {
      expect(await store.getPreferences('slack:U1')).toEqual({});
      await store.setPreferences('slack:U1', { language: 'fr' });
      await store.setPreferences('teams:6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5', { language: 'en' });
      expect(await store.getPreferences('slack:U1')).toEqual({ language: 'fr' });
      expect(await store.getPreferences('slack:U2')).toEqual({});
      await store.setPreferences('slack:U1', { language: undefined });
      expect(await store.getPreferences('slack:U1')).toEqual({});
      expect(await store.getPreferences('teams:6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5')).toEqual({ language: 'en' });
    });
  });
}
