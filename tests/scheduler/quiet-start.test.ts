// A newcomer's first screen: a demo store created now sends nothing about clocks that ran before it existed, never
// escalates what it never reminded, and `unlink` stops a channel's queued reminders at once.
import { describe, expect, it } from 'vitest';
import { demoIncidents } from '../../adapters/demo-data.ts';
import { DEMO_ORGANIZATION } from '../../adapters/config.ts';
import { createManualClock } from '../../bot/clock.ts';
import type { Notifier } from '../../bot/ports.ts';
import type { Reply } from '../../bot/reply.ts';
import { quietStart } from '../../bot/scheduler/quiet-start.ts';
import { createScheduler } from '../../bot/scheduler/scheduler.ts';
import { createBot } from '../../commands/bot.ts';
import { createCommandRegistry } from '../../commands/index.ts';
import { createMemoryStore } from '../../data/memory-store.ts';
import { createMemoryLogger, TEST_ADMINS } from '../helpers/test-bot.ts';
import { channel, createWorld, rules, smallUsIncident } from './helpers.ts';

const NOW = '2025-06-02T15:00:00Z';

function demoWorld() {
  const now = new Date(NOW);
  const incidents = demoIncidents(now).map((build, i) => quietStart(build(`BR-${i + 1}`), now, { rules: rules(), escalateAfterHours: 4, digestTime: '08:30' }));
  return createWorld(NOW, incidents, { digest: { localTime: '08:30' } });
}

describe('a quiet first run', () => {
  it('the demo store posts nothing at start: every step and digest already due is recorded as skipped', async () => {
    const world = demoWorld();
    const incident = (await world.store.get('BR-1'))!;
    expect(incident.deliveries.length).toBeGreaterThan(0);
    expect(incident.deliveries.every((d) => d.outcome === 'skipped')).toBe(true);
    await world.tickAt(NOW);
    expect(world.notifier.posts).toEqual([]);
  });

  it('never escalates an obligation this store never reminded, hours later', async () => {
    const world = demoWorld();
    await world.tickAt(NOW);
    // Over the next hours new steps fall due (hourly reminders of an "immediate" notice, the first at +1 h): those are
    // sent; an escalation may only come 4 h after a reminder people received, so not before +5 h.
    for (let m = 30; m <= 4 * 60 + 59; m += 30) await world.tickAt(new Date(Date.parse(NOW) + m * 60_000).toISOString());
    expect(world.notifier.posts.length).toBeGreaterThan(0);
    const escalations = world.notifier.posts.filter((p) => (p.reply.data as { escalation?: boolean }).escalation);
    expect(escalations).toEqual([]);
  });

  it('help new\'s example works on the demo store (its default organization is set)', async () => {
    const world = demoWorld();
    const bot = createBot({ ...world.botDeps, config: { ...world.botDeps.config, defaultTimezone: 'America/Chicago', defaultOrganization: DEMO_ORGANIZATION } });
    const help = await bot.handle({ text: 'help new', actor: { id: 'U1', name: 'Sam' }, platform: 'terminal' });
    const example = /^ {2}(new .+)$/m.exec(help.text)![1]!;
    const made = await bot.handle({ text: example, actor: { id: 'U1', name: 'Sam' }, platform: 'terminal' });
    expect(made.outcome).toBe('ok');
    expect(made.text).toMatch(/^Opened BR-3/);
  });
});

describe('unlink', () => {
  it('cancels the reminders still queued for that channel at once', async () => {
    // Four states' notices overdue at once: several reminders for channel C1 go out one after the other.
    const incident = smallUsIncident({ affected: { total: 1000, byJurisdiction: { 'US-TX': 400, 'US-WA': 300, 'US-CO': 200, 'US-FL': 100 } } }, [channel('slack', 'C1')]);
    const store = createMemoryStore([incident]);
    const clock = createManualClock('2025-05-01T15:00:00Z');
    const logger = createMemoryLogger();
    const bot = createBot({ store, clock, logger, rules: rules(), registry: createCommandRegistry(), config: { defaultTimezone: 'America/Chicago', admins: TEST_ADMINS, openers: [] } });
    const posts: Reply[] = [];
    const notifier: Notifier = {
      platforms: ['slack'],
      async post(_target, reply) {
        posts.push(reply);
        // Someone unlinks the channel while the first reminder is being posted.
        if (posts.length === 1) await bot.handle({ text: 'unlink BR-1', actor: { id: 'U1', name: 'Sam' }, platform: 'slack', channel: { platform: 'slack', id: 'C1' } });
        return { messageId: `m${posts.length}` };
      },
    };
    const scheduler = createScheduler({ store, rules: rules(), clock, notifier, logger });
    await scheduler.tick();
    expect(posts).toHaveLength(1);
    clock.set('2025-05-02T15:00:00Z');
    await scheduler.tick();
    expect(posts).toHaveLength(1);
  });
});
