// A snooze never outlasts a deadline that moved earlier (issue 11, 04-21 → 04-17), and reminder buttons offer only what `snooze` accepts.
import { describe, expect, it } from 'vitest';
import { SNOOZE_CUT_ACTION } from '../../bot/domain/reminder-state.ts';
import { computeObligations } from '../../bot/deadlines/engine.ts';
import { snoozeButton } from '../../bot/scheduler/reminder-message.ts';
import { createWorld, HIPAA, reminderData, rules, say, smallUsIncident, type World } from './helpers.ts';

// HIPAA individuals (45 CFR 164.404(b)): no later than 60 calendar days after discovery.
// Discovery 2025-02-20 → 2025-04-21 (8 days left in February + 31 in March + 21 in April = 60), ending 23:59:59.999 CDT.
// Discovery moved to 2025-02-16 → 12 + 31 + 17 = 60 → 2025-04-17, ending 23:59:59.999 CDT = 2025-04-18T04:59:59.999Z.
// Day-counted reminders fire at 09:00 local = 14:00Z (CDT).
const steps = (world: World) => world.postsFor(HIPAA).map((p) => `${p.at} ${reminderData(p).step}`);

describe('a snooze re-checked against the current deadline', () => {
  it('is cut to the earlier deadline on the next plan, the timeline says so, and the due-day and overdue reminders still go out', async () => {
    const world = createWorld('2025-04-10T15:00:00Z', [smallUsIncident()]);
    const snoozed = await say(world, `snooze BR-1 ${HIPAA} --until "2025-04-21 08:00" --reason "letters are at the mail house"`);
    expect(snoozed.outcome).toBe('ok');
    const moved = await say(world, 'set BR-1 discovered "2025-02-16 09:00"');
    expect(moved.outcome).toBe('ok');

    await world.tickAt('2025-04-10T15:01:00Z');
    const incident = (await world.store.get('BR-1'))!;
    expect(incident.snoozes.map((s) => s.until)).toEqual(['2025-04-17T23:59:59.999-05:00']);
    const cut = incident.timeline.at(-1)!;
    expect(cut).toMatchObject({ action: SNOOZE_CUT_ACTION, actor: { id: 'system', platform: 'system' }, at: '2025-04-10T15:01:00.000Z' });
    expect(cut.text).toContain('cut to the deadline, 2025-04-17 23:59 CDT');
    expect(cut.changes).toEqual([{ field: `snoozes.${HIPAA}.until`, from: '2025-04-21T08:00:00.000-05:00', to: '2025-04-17T23:59:59.999-05:00' }]);

    for (const at of ['2025-04-14T14:00:00Z', '2025-04-17T14:00:00Z', '2025-04-18T05:00:00Z', '2025-04-18T14:00:00Z', '2025-04-19T14:00:00Z', '2025-04-20T14:00:00Z']) {
      await world.tickAt(at);
    }
    // Held by the (cut) snooze until the deadline, the due-day step goes out as it ends; then one overdue reminder a day.
    expect(steps(world)).toEqual([
      '2025-04-18T05:00:00.000Z morning',
      '2025-04-18T14:00:00.000Z overdue:1',
      '2025-04-19T14:00:00.000Z overdue:2',
      '2025-04-20T14:00:00.000Z overdue:3',
    ]);
    // The cut is recorded once, not on every plan.
    expect((await world.store.get('BR-1'))!.timeline.filter((e) => e.action === SNOOZE_CUT_ACTION)).toHaveLength(1);
  });

  it('cuts a stored snooze that already runs past the deadline on the first plan after start-up (e.g. after a rule update)', async () => {
    // Stored as if set before the deadline came to be 04-21: until 04-25, four days past it.
    const snoozed = { ...smallUsIncident(), snoozes: [{ obligation: HIPAA, until: '2025-04-25T09:00:00.000-05:00', reason: 'old', by: 'Sam', at: '2025-04-01T15:00:00Z' }] };
    const world = createWorld('2025-04-10T15:00:00Z', [snoozed]);
    await world.tickAt('2025-04-10T15:00:00Z');
    const incident = (await world.store.get('BR-1'))!;
    expect(incident.snoozes.map((s) => s.until)).toEqual(['2025-04-21T23:59:59.999-05:00']);
    expect(incident.timeline.at(-1)).toMatchObject({ action: SNOOZE_CUT_ACTION, actor: { id: 'system' } });
    await world.tickAt('2025-04-22T05:00:00Z');
    await world.tickAt('2025-04-22T14:00:00Z');
    expect(steps(world)).toEqual(['2025-04-22T05:00:00.000Z morning', '2025-04-22T14:00:00.000Z overdue:1']);
  });

  it('leaves a snooze that still ends before the deadline alone', async () => {
    const world = createWorld('2025-04-10T15:00:00Z', [smallUsIncident()]);
    await say(world, `snooze BR-1 ${HIPAA} --until "2025-04-12 08:00" --reason "waiting for the mail house"`);
    await say(world, 'set BR-1 discovered "2025-02-16 09:00"');
    await world.tickAt('2025-04-10T15:01:00Z');
    const incident = (await world.store.get('BR-1'))!;
    expect(incident.snoozes.map((s) => s.until)).toEqual(['2025-04-12T08:00:00.000-05:00']);
    expect(incident.timeline.some((e) => e.action === SNOOZE_CUT_ACTION)).toBe(false);
  });
});

describe('reminder buttons', () => {
  const snoozeButtons = (world: World) => world.postsFor(HIPAA).map((p) => (p.reply.card?.buttons ?? []).filter((b) => b.command.startsWith('snooze')).map((b) => b.label));

  it('offer "1 day" only with more than a day left, a shorter snooze on the due day, none when overdue; each offered one is accepted', async () => {
    const world = createWorld('2025-04-20T14:00:00Z', [smallUsIncident()]);
    await world.tickAt('2025-04-20T14:00:00Z'); // before:P1D, 1 day 15 hours left
    await world.tickAt('2025-04-21T14:00:00Z'); // morning of the due day, 15 hours left
    await world.tickAt('2025-04-21T22:00:00Z'); // nothing new
    await world.tickAt('2025-04-22T14:00:00Z'); // overdue:1
    expect(steps(world)).toEqual(['2025-04-20T14:00:00.000Z before:P1D', '2025-04-21T14:00:00.000Z morning', '2025-04-22T14:00:00.000Z overdue:1']);
    expect(snoozeButtons(world)).toEqual([['Snooze 1 day'], ['Snooze 4 hours'], []]);

    const offered = world.postsFor(HIPAA).flatMap((p) => (p.reply.card?.buttons ?? []).filter((b) => b.command.startsWith('snooze')).map((b) => ({ at: p.at, command: b.command })));
    for (const { at, command } of offered) {
      world.clock.set(at);
      const reply = await say(world, `${command} --reason "clicked"`);
      expect(reply.outcome, `${command} at ${at}`).toBe('ok');
    }
    world.clock.set('2025-04-21T14:00:00Z');
    expect((await say(world, `snooze BR-1 ${HIPAA} --for 1d --reason "too long"`)).text).toContain('may not run past the deadline');
  });

  it('offer no snooze at all in the last hour before the deadline', async () => {
    const world = createWorld('2025-04-21T14:00:00Z', [smallUsIncident()]);
    const incident = (await world.store.get('BR-1'))!;
    // 30 minutes before 2025-04-21 23:59:59.999 CDT: even "1 hour" would run past the deadline.
    const at = new Date('2025-04-22T04:30:00Z');
    const o = computeObligations(incident, rules(), at).find((x) => x.obligation === HIPAA)!;
    expect(snoozeButton(incident, o, at)).toBeUndefined();
    expect(snoozeButton(incident, o, new Date('2025-04-22T03:30:00Z'))?.label).toBe('Snooze 1 hour');
  });
});
