// Delivery: each step once per channel, no duplicate after a restart, retries with backoff and Retry-After, catch-up, recompute.
import { describe, expect, it } from 'vitest';
import { channel, createWorld, HIPAA, rateLimited, reminderData, say, smallUsIncident, type World } from './helpers.ts';

// HIPAA individuals for discovery 2025-02-20 09:00 CST: due 2025-04-21 23:59:59.999 CDT (04-22T04:59:59.999Z).
// Reminders at 09:00 CDT (14:00Z): 14 d before 04-07, 7 d 04-14, 3 d 04-18, 1 d 04-20, morning 04-21, overdue 04-22, 04-23…
const TWO_CHANNELS = [channel('slack', 'C1'), channel('teams', '19:incident@thread.tacv2')];

async function tickEvery(world: World, fromIso: string, toIso: string, minutes: number): Promise<void> {
  for (let t = Date.parse(fromIso); t < Date.parse(toIso); t += minutes * 60_000) await world.tickAt(new Date(t).toISOString());
}

const steps = (world: World) => world.postsFor(HIPAA).map((p) => `${p.at} ${p.target.platform} ${reminderData(p).step}${reminderData(p).escalation ? '+escalation' : ''}`);

describe('scheduler delivery', () => {
  it('sends each step exactly once per linked channel when ticking every 30 minutes', async () => {
    const world = createWorld('2025-04-06T00:00:00Z', [smallUsIncident({}, TWO_CHANNELS)]);
    await tickEvery(world, '2025-04-06T00:00:00Z', '2025-04-24T00:00:00Z', 30);
    const expected = [
      '2025-04-07T14:00:00.000Z before:P14D', '2025-04-14T14:00:00.000Z before:P7D', '2025-04-18T14:00:00.000Z before:P3D',
      '2025-04-20T14:00:00.000Z before:P1D', '2025-04-21T14:00:00.000Z morning', '2025-04-22T14:00:00.000Z overdue:1',
      '2025-04-22T18:00:00.000Z escalate+escalation', '2025-04-23T14:00:00.000Z overdue:2',
    ];
    const perChannel = (platform: string) => steps(world).filter((s) => s.includes(` ${platform} `)).map((s) => s.replace(` ${platform}`, ''));
    expect(perChannel('slack')).toEqual(expected);
    expect(perChannel('teams')).toEqual(expected);
    expect(world.postsFor(HIPAA).every((p) => p.reply.visibility === 'channel' && !reminderData(p).late)).toBe(true);
    const incident = (await world.store.get('BR-1'))!;
    expect(incident.deliveries.filter((d) => d.obligation === HIPAA)).toHaveLength(16);
    expect(incident.deliveries.every((d) => d.outcome === 'delivered' && d.messageId)).toBe(true);
  });

  it('sends nothing already recorded after a restart, then carries on with the next step', async () => {
    const world = createWorld('2025-04-07T14:00:00Z', [smallUsIncident()]);
    await world.tickAt('2025-04-07T14:00:00Z');
    await world.scheduler.stop();
    expect(steps(world)).toEqual(['2025-04-07T14:00:00.000Z slack before:P14D']);
    world.scheduler = world.restart();
    await world.tickAt('2025-04-07T14:05:00Z');
    await world.tickAt('2025-04-10T10:00:00Z');
    expect(steps(world)).toHaveLength(1);
    await world.tickAt('2025-04-14T14:00:00Z');
    expect(steps(world)).toEqual(['2025-04-07T14:00:00.000Z slack before:P14D', '2025-04-14T14:00:00.000Z slack before:P7D']);
  });

  it('retries a refused post with backoff (30 s, then 60 s) and records and logs it once delivered', async () => {
    const world = createWorld('2025-04-07T14:00:00Z', [smallUsIncident()], { failures: (n) => (n <= 2 ? new Error('socket hang up') : undefined) });
    const first = await world.tickAt('2025-04-07T14:00:00Z');
    expect(first).toMatchObject({ sent: 0, failed: 1 });
    expect((await world.store.get('BR-1'))!.deliveries).toEqual([]);
    await world.tickAt('2025-04-07T14:00:29Z');
    expect(world.notifier.attempts).toEqual(['2025-04-07T14:00:00.000Z']);
    await world.tickAt('2025-04-07T14:00:30Z');
    await world.tickAt('2025-04-07T14:01:29Z');
    expect(world.notifier.attempts).toEqual(['2025-04-07T14:00:00.000Z', '2025-04-07T14:00:30.000Z']);
    const last = await world.tickAt('2025-04-07T14:01:30Z');
    expect(last).toMatchObject({ sent: 1, failed: 0 });
    expect(world.notifier.attempts).toHaveLength(3);
    const deliveries = (await world.store.get('BR-1'))!.deliveries;
    expect(deliveries).toMatchObject([{ step: 'before:P14D', outcome: 'delivered', at: '2025-04-07T14:01:30.000Z', late: false, channel: 'slack:C1' }]);
    expect(world.logger.lines.filter((l) => l.startsWith('warn scheduler: post refused'))).toHaveLength(2);
    const delivered = world.logger.lines.filter((l) => l.startsWith('info scheduler: delivered'));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toContain('"attempts":3');
    await world.tickAt('2025-04-07T15:00:00Z');
    expect(world.notifier.posts).toHaveLength(1);
  });

  it("honours the platform's Retry-After: no retry before it, even when backoff would allow one", async () => {
    const world = createWorld('2025-04-07T14:00:00Z', [smallUsIncident()], { failures: (n) => (n === 1 ? rateLimited(120_000) : undefined) });
    await world.tickAt('2025-04-07T14:00:00Z');
    await world.tickAt('2025-04-07T14:00:30Z');
    await world.tickAt('2025-04-07T14:01:59Z');
    expect(world.notifier.attempts).toEqual(['2025-04-07T14:00:00.000Z']);
    await world.tickAt('2025-04-07T14:02:00Z');
    expect(world.notifier.attempts).toEqual(['2025-04-07T14:00:00.000Z', '2025-04-07T14:02:00.000Z']);
    expect(steps(world)).toEqual(['2025-04-07T14:02:00.000Z slack before:P14D']);
  });

  it('after downtime sends only the latest missed step per channel, marked late, and records the older ones skipped', async () => {
    const world = createWorld('2025-04-06T00:00:00Z', [smallUsIncident({}, TWO_CHANNELS)]);
    await world.tickAt('2025-04-06T00:00:00Z');
    const report = await world.tickAt('2025-04-20T20:00:00Z');
    expect(report).toMatchObject({ sent: 2, late: 2, skipped: 6 });
    expect(steps(world)).toEqual(['2025-04-20T20:00:00.000Z slack before:P1D', '2025-04-20T20:00:00.000Z teams before:P1D']);
    expect(world.postsFor(HIPAA).every((p) => reminderData(p).late && p.reply.text.includes('Sent late: planned for 2025-04-20 09:00 CDT'))).toBe(true);
    const slack = (await world.store.get('BR-1'))!.deliveries.filter((d) => d.channel === 'slack:C1');
    expect(slack.map((d) => [d.step, d.outcome, d.late])).toEqual([
      ['before:P1D', 'delivered', true], ['before:P14D', 'skipped', false], ['before:P7D', 'skipped', false], ['before:P3D', 'skipped', false],
    ]);
    await world.tickAt('2025-04-21T14:00:00Z');
    expect(steps(world).slice(2)).toEqual(['2025-04-21T14:00:00.000Z slack morning', '2025-04-21T14:00:00.000Z teams morning']);
  });

  it('follows a changed discovery date: old future steps are not sent, the new dates are', async () => {
    const world = createWorld('2025-04-07T14:00:00Z', [smallUsIncident()]);
    await world.tickAt('2025-04-07T14:00:00Z');
    // 10 days later: due 2025-05-01 (CDT), 14 days before = 04-17 09:00 CDT, 7 days before = 04-24.
    expect((await say(world, 'set BR-1 discovered "2025-03-02 09:00"')).outcome).toBe('ok');
    await world.tickAt('2025-04-14T14:00:00Z');
    await world.tickAt('2025-04-17T13:59:00Z');
    expect(steps(world)).toEqual(['2025-04-07T14:00:00.000Z slack before:P14D']);
    await world.tickAt('2025-04-17T14:00:00Z');
    await world.tickAt('2025-04-24T14:00:00Z');
    expect(steps(world).slice(1)).toEqual(['2025-04-17T14:00:00.000Z slack before:P14D', '2025-04-24T14:00:00.000Z slack before:P7D']);
    expect(reminderData(world.postsFor(HIPAA)[1]!).dueAt).toBe('2025-05-01T23:59:59.999-05:00');
  });

  it('re-plans only changed or due incidents; an idle tick examines none', async () => {
    const incidents = [1, 2, 3].map((n) => smallUsIncident({}, [channel('slack', `C${n}`)], `BR-${n}`));
    const world = createWorld('2025-04-01T00:00:00Z', incidents);
    expect(await world.scheduler.rebuildIndex()).toBe(3);
    expect(await world.tickAt('2025-04-01T00:00:30Z')).toMatchObject({ examined: 0, sent: 0 });
    await say(world, 'log BR-2 called the FBI field office');
    expect(await world.tickAt('2025-04-01T00:01:00Z')).toMatchObject({ examined: 1, sent: 0 });
    // The 14-day reminders at 09:00 CDT on 04-07.
    expect(world.scheduler.nextDueAt()?.toISOString()).toBe('2025-04-07T14:00:00.000Z');
    expect(await world.tickAt('2025-04-07T13:59:30Z')).toMatchObject({ examined: 0 });
    expect(await world.tickAt('2025-04-07T14:00:00Z')).toMatchObject({ examined: 3, sent: 3 });
  });
});
