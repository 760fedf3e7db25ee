// Durable delivery intent: written before the post, cleared with the outcome; what a restart finds is reconciled.
import { describe, expect, it } from 'vitest';
import { createLanePool } from '../../bot/scheduler/lanes.ts';
import type { Incident } from '../../bot/model/incident-schema.ts';
import type { Notifier } from '../../bot/ports.ts';
import { channel, createWorld, HIPAA, rateLimited, smallUsIncident } from './helpers.ts';

// smallUsIncident: HIPAA individuals notice due 2025-04-21 CDT; its 14-day step is due 2025-04-07 at 14:00 UTC.
const STEP_AT = '2025-04-07T14:00:00Z';
const keyOf = (incident: Incident, ch: string) => `BR-1|${HIPAA}|before:P14D|2025-04-22T04:59:59.999Z|${ch}`.replace('BR-1', incident.id);

describe('delivery intent (outbox)', () => {
  it('records the intent before posting and, once accepted, the delivery and a system timeline entry instead', async () => {
    const world = createWorld(STEP_AT, [smallUsIncident()]);
    const seen: Incident['outbox'][] = [];
    const post = world.notifier.post.bind(world.notifier);
    world.notifier.post = async (target, reply) => {
      seen.push((await world.store.get('BR-1'))!.outbox);
      return post(target, reply);
    };
    await world.tickAt(STEP_AT);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject([{ channel: 'slack:C1', intendedAt: '2025-04-07T14:00:00.000Z' }]);
    const incident = (await world.store.get('BR-1'))!;
    expect(incident.outbox).toEqual([]);
    expect(incident.deliveries.map((d) => d.key)).toEqual([seen[0]![0]!.key]);
    const entry = incident.timeline.at(-1)!;
    expect(entry).toMatchObject({ action: 'reminder.delivered', actor: { id: 'system', platform: 'system' }, at: '2025-04-07T14:00:00.000Z' });
    expect(entry.text).toContain(HIPAA);
    expect(entry.text).not.toContain('repeat');
  });

  it('after a restart, posts a leftover intent once more, marked as a possible repeat in the message and the record', async () => {
    const base = smallUsIncident();
    const key = keyOf(base, 'slack:C1');
    const world = createWorld(STEP_AT, [{ ...base, outbox: [{ key, channel: 'slack:C1', intendedAt: '2025-04-07T13:59:00Z' }] }]);
    await world.tickAt(STEP_AT);
    expect(world.notifier.posts).toHaveLength(1);
    expect(world.notifier.posts[0]!.reply.text).toMatch(/^Possible repeat/);
    expect(world.notifier.posts[0]!.reply.card?.subtitle).toMatch(/Possible repeat/);
    const incident = (await world.store.get('BR-1'))!;
    expect(incident.outbox).toEqual([]);
    expect(incident.deliveries.map((d) => d.key)).toEqual([key]);
    expect(incident.timeline.at(-1)!.text).toContain('possibly a repeat');
    await world.tickAt('2025-04-07T15:00:00Z');
    expect(world.notifier.posts).toHaveLength(1);
  });

  it('resolves a leftover intent that is no longer due without posting it, and the timeline says it may have been posted', async () => {
    const base = smallUsIncident();
    const key = `BR-1|${HIPAA}|before:P14D|2025-03-01T00:00:00.000Z|slack:C1`; // a due instant the plan no longer has
    const world = createWorld('2025-03-20T14:00:00Z', [{ ...base, outbox: [{ key, channel: 'slack:C1', intendedAt: '2025-03-18T09:00:00Z' }] }]);
    await world.tickAt('2025-03-20T14:00:00Z');
    expect(world.notifier.posts).toHaveLength(0);
    const incident = (await world.store.get('BR-1'))!;
    expect(incident.outbox).toEqual([]);
    expect(incident.timeline.at(-1)).toMatchObject({ action: 'reminder.uncertain', actor: { id: 'system' } });
    expect(incident.timeline.at(-1)!.text).toContain('may or may not have reached the channel');
  });

  it('marks the retry after a post that may have arrived (no answer), not the retry after a clear refusal', async () => {
    const maybe = Object.assign(new Error('Slack did not answer within 10 s'), { maybeDelivered: true });
    const world = createWorld(STEP_AT, [smallUsIncident({}, [channel('slack', 'C1'), channel('slack', 'C2')])], {
      failures: (n) => (n === 1 ? maybe : n === 2 ? new Error('channel_not_found') : undefined),
    });
    await world.tickAt(STEP_AT);
    expect(world.notifier.posts).toHaveLength(0);
    await world.tickAt('2025-04-07T14:00:30Z');
    const texts = Object.fromEntries(world.notifier.posts.map((p) => [p.target.id, p.reply.text]));
    expect(Object.keys(texts).sort()).toEqual(['C1', 'C2']);
    // Attempts go in channel order: C1 got the unanswered one, C2 the refusal.
    expect(texts.C1).toMatch(/^Possible repeat/);
    expect(texts.C2).not.toMatch(/Possible repeat/);
  });

  it('waits out a short Retry-After within the tick for every channel, then delivers them all in that tick', async () => {
    const channels = ['C1', 'C2', 'C3'].map((id) => channel('slack', id));
    const world = createWorld(STEP_AT, [smallUsIncident({}, channels)], { failures: (n) => (n === 1 ? rateLimited(300) : undefined) });
    const started = performance.now();
    const report = await world.tickAt(STEP_AT);
    expect(report).toMatchObject({ sent: 3, failed: 0 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(world.notifier.attempts).toHaveLength(4);
  });

  it('posts to other channels while one channel has not answered', async () => {
    const world = createWorld(STEP_AT, [smallUsIncident({}, ['CSLOW', 'C2', 'C3'].map((id) => channel('slack', id)))]);
    let release!: () => void;
    const slowAnswered = new Promise<void>((r) => (release = r));
    const posted: string[] = [];
    const fast: Notifier['post'] = world.notifier.post.bind(world.notifier);
    world.notifier.post = async (target, reply) => {
      if (target.id === 'CSLOW') await slowAnswered;
      posted.push(target.id);
      if (posted.length === 2) release(); // the slow one answers only after both others were accepted
      return fast(target, reply);
    };
    await world.tickAt(STEP_AT);
    expect(posted).toEqual(['C2', 'C3', 'CSLOW']);
  });
});

describe('lane pool', () => {
  it('runs one lane in order and at most `limit` lanes at once', async () => {
    const pool = createLanePool(2);
    const log: string[] = [];
    let active = 0;
    let peak = 0;
    const task = (name: string) => async () => {
      peak = Math.max(peak, ++active);
      await new Promise((r) => setImmediate(r));
      log.push(name);
      active--;
    };
    await Promise.all([pool.run('a', task('a1')), pool.run('a', task('a2')), pool.run('b', task('b1')), pool.run('c', task('c1')), pool.run('a', task('a3'))]);
    expect(peak).toBe(2);
    expect(log.filter((n) => n.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(log).toHaveLength(5);
  });
});
