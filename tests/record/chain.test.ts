// The chain itself: canonical form, each entry's prev/hash checked by an independent computation, and entries written
// before chaining sealed once into a first link without being rewritten.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../bot/record/canonical.ts';
import { sealLegacy } from '../../bot/record/chain.ts';
import { verifyChain } from '../../bot/record/verify-chain.ts';
import { checkRecords, createRecordHealth } from '../../bot/record/record-health.ts';
import { createMemoryStore } from '../../data/memory-store.ts';
import { createMemoryLogger, createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const sam = { id: 'U-SAM', name: 'Sam' };

describe('canonical JSON', () => {
  it('sorts keys at every level, keeps array order, writes no whitespace and leaves out undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x y', c: null }, 2], e: undefined, 'é': true })).toBe('{"a":[{"c":null,"d":"x y"},2],"b":1,"é":true}');
  });
});

describe('hash chain of the timeline', () => {
  it('each new entry carries the previous hash; hashes are SHA-256 of the canonical entry with prev, without hash', async () => {
    const t = createTestBot('2025-03-01T12:00:00Z');
    const say = (text: string) => t.bot.handle({ text, actor: sam, platform: 'slack', channel: { platform: 'slack', id: 'C1' } });
    await say('new Vendor breach --affected 10');
    await say('log BR-1 first note');
    await say('log BR-1 second note');
    const incident = (await t.store.get('BR-1'))!;
    // The first link follows SHA-256 of {"incident":"BR-1","list":"timeline"}, written out by hand here.
    let prev = sha('{"incident":"BR-1","list":"timeline"}');
    for (const entry of incident.timeline) {
      expect(entry.prev).toBe(prev);
      const { hash, ...rest } = entry;
      // An independent canonical form: top-level keys sorted, nested actor keys sorted.
      const body = Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
      const text = JSON.stringify(body, (k, v) => (v && typeof v === 'object' && !Array.isArray(v) && k !== '' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
      expect(hash).toBe(sha(text));
      prev = hash!;
    }
    const listHead = { entries: 3, head: prev };
    expect(incident.chain?.lists.timeline).toEqual(listHead);
    // The access log (empty here: `new` and `log` are changes, not reads) is a chained list too.
    const noAccess = sha('{"incident":"BR-1","list":"accessLog"}');
    expect(incident.chain?.head).toBe(sha(`{"incident":"BR-1","lists":{"accessLog":{"entries":0,"head":"${noAccess}"},"timeline":{"entries":3,"head":"${prev}"}}}`));
    expect(verifyChain(incident)).toMatchObject({ state: 'intact', head: incident.chain!.head, entries: { timeline: 3, accessLog: 0 } });
  });
});

describe('entries written before chaining', () => {
  const legacy = () =>
    makeIncident('BR-4', {
      ...usHospitalFacts(),
      // Written by an earlier breachdesk: no prev, no hash.
      ...({ timeline: [
        { at: '2025-02-20T15:00:00Z', actor: { id: 'ana', name: 'Ana', platform: 'slack' }, action: 'incident.opened', text: 'Opened' },
        { at: '2025-02-21T15:00:00Z', actor: { id: 'ana', name: 'Ana', platform: 'slack' }, action: 'note', text: 'Vendor called' },
      ] } as object),
    });

  it('are sealed once at start-up into a first link, left exactly as written, and later entries chain on', async () => {
    const store = createMemoryStore([legacy()]);
    const before = JSON.stringify((await store.get('BR-4'))!.timeline);
    const logger = createMemoryLogger();
    const report = await checkRecords(store, createRecordHealth(), logger, new Date('2025-03-01T12:00:00Z'));
    expect(report).toEqual({ checked: 1, sealed: ['BR-4'], broken: [] });
    expect(logger.lines.some((l) => l.startsWith('warn record check: sealed the entries of 1 incident(s) written before chaining'))).toBe(true);
    const sealed = (await store.get('BR-4'))!;
    expect(JSON.stringify(sealed.timeline)).toBe(before);
    expect(sealed.chain?.seal?.at).toBe('2025-03-01T12:00:00.000Z');
    // One first link over both old entries, computed by hand: each link is SHA-256 of the entry with `prev`, keys sorted.
    const link = (e: Record<string, unknown>, prev: string) => sha(canonicalJson({ ...e, prev }));
    const genesis = sha('{"incident":"BR-4","list":"timeline"}');
    const expected = link(sealed.timeline[1] as never, link(sealed.timeline[0] as never, genesis));
    expect(sealed.chain?.seal?.lists.timeline).toEqual({ entries: 2, head: expected });
    expect(verifyChain(sealed).state).toBe('intact');
    // A second start-up seals nothing again.
    expect((await checkRecords(store, createRecordHealth(), logger, new Date('2025-03-02T12:00:00Z'))).sealed).toEqual([]);
    const t = createTestBot('2025-03-03T12:00:00Z', [sealed]);
    await t.bot.handle({ text: 'log BR-4 after sealing', actor: sam, platform: 'slack' });
    const next = (await t.store.get('BR-4'))!;
    expect(next.timeline[2]!.prev).toBe(expected);
    expect(verifyChain(next).state).toBe('intact');
  });

  it('an edit, removal or reordering among sealed entries is placed within the sealed range', () => {
    const sealed = sealLegacy(legacy(), new Date('2025-03-01T12:00:00Z'));
    const [first, second] = [sealed.timeline[0]!, sealed.timeline[1]!];
    for (const timeline of [[first, { ...second, text: 'Nobody called' }], [second, first]]) {
      const status = verifyChain({ ...sealed, timeline });
      expect(status).toMatchObject({ state: 'broken', problem: { list: 'timeline', entry: 1 } });
      expect(status.state === 'broken' && status.problem.reason).toMatch(/Timeline entries 1–2, written before chaining .* no longer match their seal/);
    }
    expect(verifyChain({ ...sealed, timeline: [first] })).toMatchObject({ state: 'broken', problem: { reason: expect.stringMatching(/are not all there/) } });
  });

  it('a record whose chain record was removed while its entries carry hashes is broken, never re-sealed', async () => {
    const t = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())]);
    await t.bot.handle({ text: 'log BR-1 note', actor: sam, platform: 'slack' });
    const { chain: _removed, ...stripped } = (await t.store.get('BR-1'))!;
    const store = createMemoryStore([stripped as never]);
    const report = await checkRecords(store, createRecordHealth(), createMemoryLogger(), new Date('2025-03-02T00:00:00Z'));
    expect(report).toEqual({ checked: 1, sealed: [], broken: ['BR-1'] });
    expect((await store.get('BR-1'))!.chain).toBeUndefined();
  });
});

describe('remembered verification (show)', () => {
  it('checks the entries added since the last intact check, and still names a bad one', async () => {
    const t = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())]);
    const say = (text: string) => t.bot.handle({ text, actor: sam, platform: 'slack' });
    for (const n of [1, 2, 3]) await say(`log BR-1 note ${n}`);
    const health = createRecordHealth();
    expect(health.check((await t.store.get('BR-1'))!)).toMatchObject({ state: 'intact', entries: { timeline: 3 } });
    await say('log BR-1 note 4');
    const grown = (await t.store.get('BR-1'))!;
    // The added entry is hashed: a bad one is named even though the first three are not hashed again.
    const bad = { ...grown, timeline: [...grown.timeline.slice(0, 3), { ...grown.timeline[3]!, text: 'changed' }] };
    expect(health.check(bad)).toMatchObject({ state: 'broken', problem: { entry: 4 } });
    expect(health.problem('BR-1')?.entry).toBe(4);
    // A broken result is not a prefix to resume from: the good record is verified in full, and found intact.
    expect(health.check(grown)).toMatchObject({ state: 'intact', entries: { timeline: 4 } });
    expect(health.problem('BR-1')).toBeUndefined();
  });
});

describe('the store port', () => {
  it('appendTimeline seals the entry into the chain', async () => {
    const store = createMemoryStore([makeIncident('BR-1', usHospitalFacts())]);
    await store.appendTimeline('BR-1', { at: '2025-03-01T12:00:00.000Z', actor: { id: 'sam', name: 'Sam', platform: 'cli' }, action: 'note', text: 'appended' });
    const incident = (await store.get('BR-1'))!;
    expect(incident.timeline[0]!.prev).toBe(sha('{"incident":"BR-1","list":"timeline"}'));
    expect(verifyChain(incident).state).toBe('intact');
  });
});
