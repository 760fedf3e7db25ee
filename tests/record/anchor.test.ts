// Anchoring: once a day the scheduler posts the chain heads of incidents changed since their last anchor to
// BREACHDESK_ANCHOR_CHANNEL; a restart the same day posts nothing again; `export` posts the head too.
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../bot/deadlines/load-rules.ts';
import { createAnchorJob } from '../../bot/record/anchor-job.ts';
import { createScheduler } from '../../bot/scheduler/scheduler.ts';
import type { IncidentStore } from '../../bot/ports.ts';
import { createTestBot, createMemoryLogger, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { createFakeNotifier } from '../scheduler/helpers.ts';

const ANCHOR = { platform: 'slack' as const, id: 'C0SECURITY' };
const sam = { id: 'U-SAM', name: 'Sam' };

function setup(config: { anchorChannel?: typeof ANCHOR } = {}) {
  const t = createTestBot('2025-03-01T10:00:00Z', [makeIncident('BR-1', usHospitalFacts()), makeIncident('BR-2', usHospitalFacts({ title: 'Lost laptop' }))], config);
  const notifier = createFakeNotifier(t.clock);
  const say = (text: string) => t.bot.handle({ text, actor: sam, platform: 'slack', channel: { platform: 'slack', id: 'C1' } });
  const scheduler = (store: IncidentStore = t.store) =>
    createScheduler({ store, rules: loadRules(), clock: t.clock, notifier, logger: createMemoryLogger(), jobs: [createAnchorJob({ store, notifier, channel: ANCHOR, logger: createMemoryLogger() })] });
  const anchorPosts = () => notifier.posts.filter((p) => p.target.id === ANCHOR.id);
  return { ...t, hub: t.notifier, notifier, say, scheduler, anchorPosts };
}

describe('daily anchor of chain heads', () => {
  it('posts the heads of changed incidents once a day, and only changed ones', async () => {
    const { say, scheduler, clock, anchorPosts, store } = setup();
    await say('log BR-1 first note');
    await say('log BR-2 first note');
    const s = scheduler();
    await s.tick();
    expect(anchorPosts()).toHaveLength(1);
    const head1 = (await store.get('BR-1'))!.chain!.head;
    const head2 = (await store.get('BR-2'))!.chain!.head;
    expect(anchorPosts()[0]!.reply.text).toContain(`BR-1 ${head1}`);
    expect(anchorPosts()[0]!.reply.text).toContain(`BR-2 ${head2}`);
    expect((await store.get('BR-1'))!.chain!.anchored).toMatchObject({ head: head1, channel: 'slack:C0SECURITY', day: '2025-03-01', messageId: 'm1' });

    // Later the same day: a change, more ticks, still one post that day.
    await say('log BR-1 second note');
    clock.set('2025-03-01T23:00:00Z');
    await s.tick();
    await s.tick();
    expect(anchorPosts()).toHaveLength(1);

    // The next day only BR-1 changed since its anchor.
    clock.set('2025-03-02T00:05:00Z');
    await s.tick();
    expect(anchorPosts()).toHaveLength(2);
    const second = anchorPosts()[1]!.reply.text;
    expect(second).toContain(`BR-1 ${(await store.get('BR-1'))!.chain!.head}`);
    expect(second).not.toContain('BR-2');
    // Anchoring never adds a timeline entry, so it does not change the head it posted.
    expect((await store.get('BR-1'))!.chain!.anchored!.head).toBe((await store.get('BR-1'))!.chain!.head);

    // Nothing changed: the day after, nothing is posted.
    clock.set('2025-03-03T09:00:00Z');
    await s.tick();
    expect(anchorPosts()).toHaveLength(2);
  });

  it('a restart the same day does not post again (the day is recorded on the anchored incidents)', async () => {
    const { say, scheduler, anchorPosts } = setup();
    await say('log BR-1 first note');
    await scheduler().tick();
    await say('log BR-1 after the anchor');
    await scheduler().tick();
    expect(anchorPosts()).toHaveLength(1);
  });

  it('a refused post is retried later the same day', async () => {
    const { say, store, clock } = setup();
    await say('log BR-1 first note');
    let refuse = true;
    const notifier = createFakeNotifier(clock, () => (refuse ? new Error('slack: channel_not_found') : undefined));
    const job = createAnchorJob({ store, notifier, channel: ANCHOR, logger: createMemoryLogger() });
    await job.run(clock.now());
    expect(notifier.posts).toHaveLength(0);
    refuse = false;
    clock.set('2025-03-01T10:06:00Z');
    await job.run(clock.now());
    expect(notifier.posts).toHaveLength(1);
  });

  it('export posts the head of the exported incident to the anchor channel', async () => {
    const { say, notifier, hub, anchorPosts, store } = setup({ anchorChannel: ANCHOR });
    hub.register(notifier);
    await say('log BR-1 first note');
    const reply = await say('export BR-1 --format pdf');
    expect(reply.text).toContain('posted to the anchor channel slack:C0SECURITY');
    expect(anchorPosts()).toHaveLength(1);
    // The head posted is the one the export carries (the export's own access-log entry comes after it).
    const exportedHead = (reply.data as { head: string }).head;
    expect(anchorPosts()[0]!.reply.text).toContain(`BR-1 ${exportedHead}`);
    expect((await store.get('BR-1'))!.chain!.anchored!.head).toBe(exportedHead);
  });
});
