// Running the scheduler: start/stop, overlapping ticks, a store that fails after the platform accepted a post.
import { describe, expect, it, vi } from 'vitest';
import { parseChannelTarget } from '../../bot/scheduler/digest.ts';
import { createWorld, HIPAA, reminderData, smallUsIncident } from './helpers.ts';

describe('scheduler lifecycle', () => {
  it('start() ticks at once and stop() waits for the running tick', async () => {
    const world = createWorld('2025-04-07T14:00:00Z', [smallUsIncident()], { tickSeconds: 3600 });
    world.scheduler.start();
    await vi.waitFor(() => expect(world.notifier.posts).toHaveLength(1));
    await world.scheduler.stop();
    expect(reminderData(world.notifier.posts[0]!).step).toBe('before:P14D');
  });

  it('stop() during the start-up walk ends it at the next incident, and the next start plans everything', async () => {
    const many = Array.from({ length: 400 }, (_, i) => smallUsIncident({}, [], `BR-${i + 1}`));
    const world = createWorld('2025-04-07T14:00:00Z', many, { tickSeconds: 3600 });
    const planned = () => world.logger.lines.filter((l) => l.startsWith('info scheduler: planned'));
    let walked = 0;
    const get = world.store.get.bind(world.store);
    world.store.get = (id) => {
      walked++;
      return get(id);
    };
    world.scheduler.start();
    // Stop as soon as the walk is under way: it must not read the other incidents first.
    await vi.waitFor(() => expect(walked).toBeGreaterThan(0));
    await world.scheduler.stop();
    expect(walked).toBeLessThan(many.length);
    expect(planned()).toEqual([]);
    // Started again, it walks the whole store.
    await world.scheduler.tick();
    expect(planned()).toHaveLength(1);
    expect(planned()[0]).toMatch(/planned 400 open incidents/);
  });

  it('overlapping tick() calls share one run, so nothing is posted twice', async () => {
    const world = createWorld('2025-04-07T14:00:00Z', [smallUsIncident()]);
    const [a, b] = await Promise.all([world.scheduler.tick(), world.scheduler.tick()]);
    expect(a).toBe(b);
    expect(world.notifier.posts).toHaveLength(1);
  });

  it('posts nothing while the intent cannot be recorded, then posts once it can', async () => {
    const world = createWorld('2025-04-07T14:00:00Z', [smallUsIncident()]);
    const update = world.store.update;
    world.store.update = async () => {
      throw new Error('disk full');
    };
    await world.tickAt('2025-04-07T14:00:00Z');
    expect(world.notifier.attempts).toEqual([]);
    expect(world.logger.lines.some((l) => l.startsWith('error scheduler: could not record the intent to post'))).toBe(true);
    world.store.update = update;
    // Backoff after the first failure: 30 s.
    await world.tickAt('2025-04-07T14:00:30Z');
    expect(world.notifier.posts).toHaveLength(1);
    expect((await world.store.get('BR-1'))!.outbox).toEqual([]);
  });

  it('does not post again when the store failed to record an accepted post; the record is written later', async () => {
    const world = createWorld('2025-04-07T14:00:00Z', [smallUsIncident()]);
    const update = world.store.update;
    // The intent is written; every write after it (the outcome) fails.
    let writes = 0;
    world.store.update = async (...args) => {
      if (++writes === 1) return update(...args);
      throw new Error('disk full');
    };
    await world.tickAt('2025-04-07T14:00:00Z');
    await world.tickAt('2025-04-07T14:00:30Z');
    expect(world.notifier.posts).toHaveLength(1);
    expect(world.logger.lines.some((l) => l.startsWith('error scheduler: delivered but could not record it'))).toBe(true);
    world.store.update = update;
    await world.tickAt('2025-04-07T14:01:00Z');
    await world.tickAt('2025-04-07T14:01:30Z');
    expect(world.notifier.posts).toHaveLength(1);
    expect((await world.store.get('BR-1'))!.deliveries.map((d) => [d.obligation, d.step, d.at])).toEqual([[HIPAA, 'before:P14D', '2025-04-07T14:00:00.000Z']]);
  });
});

describe('parseChannelTarget (BREACHDESK_DIGEST_CHANNEL)', () => {
  it.each([
    ['slack:C0123456789', { platform: 'slack', id: 'C0123456789' }],
    ['teams:19:abc123@thread.tacv2', { platform: 'teams', id: '19:abc123@thread.tacv2' }],
  ])('%s', (text, target) => {
    expect(parseChannelTarget(text)).toEqual(target);
  });

  it('rejects anything else with an example', () => {
    expect(() => parseChannelTarget('#privacy-office')).toThrow(/not a channel like slack:C0123456789/);
  });
});
