// Snoozes hold reminders and then resume; unacknowledged overdue obligations escalate; tolled obligations stay quiet.
import { describe, expect, it } from 'vitest';
import { createWorld, HIPAA, reminderData, say, smallUsIncident, type World } from './helpers.ts';

// HIPAA individuals: due 2025-04-21 23:59:59.999 CDT; reminders at 14:00Z; first overdue reminder 04-22 14:00Z, escalation 18:00Z.
const steps = (world: World) => world.postsFor(HIPAA).map((p) => `${p.at} ${reminderData(p).step}`);

describe('snooze', () => {
  it('holds the reminders that fall inside the snooze, sends the held one when it ends, then resumes the schedule', async () => {
    const world = createWorld('2025-04-14T14:00:00Z', [smallUsIncident()]);
    await world.tickAt('2025-04-14T14:00:00Z');
    world.clock.set('2025-04-15T15:00:00Z');
    const reply = await say(world, 'snooze BR-1 us-hipaa-164.404-individuals --for 4d --reason "letters are at the mail house"');
    expect(reply).toMatchObject({ outcome: 'ok', visibility: 'channel' });
    // 4 days from 04-15 15:00Z = 04-19 15:00Z = 10:00 CDT; the 3-day reminder (04-18 14:00Z) is held until then.
    await world.tickAt('2025-04-18T14:00:00Z');
    await world.tickAt('2025-04-19T14:59:00Z');
    expect(steps(world)).toEqual(['2025-04-14T14:00:00.000Z before:P7D']);
    await world.tickAt('2025-04-19T15:00:00Z');
    await world.tickAt('2025-04-20T14:00:00Z');
    expect(steps(world)).toEqual(['2025-04-14T14:00:00.000Z before:P7D', '2025-04-19T15:00:00.000Z before:P3D', '2025-04-20T14:00:00.000Z before:P1D']);
    expect(world.postsFor(HIPAA).every((p) => !reminderData(p).late)).toBe(true);
  });
});

describe('escalation', () => {
  it('mentions the privacy officer when an overdue obligation is not acknowledged within 4 hours, once per overdue period', async () => {
    const world = createWorld('2025-04-22T14:00:00Z', [smallUsIncident({ roles: { privacyOfficer: '@dana', commander: '@sam' } })]);
    await world.tickAt('2025-04-22T14:00:00Z');
    await world.tickAt('2025-04-22T17:59:00Z');
    const overdue = world.postsFor(HIPAA).at(-1)!;
    expect(reminderData(overdue)).toMatchObject({ step: 'overdue:1', escalation: false });
    expect(overdue.reply.text).not.toContain('@dana');
    await world.tickAt('2025-04-22T18:00:00Z');
    await world.tickAt('2025-04-22T22:00:00Z');
    const escalations = world.postsFor(HIPAA).filter((p) => reminderData(p).escalation);
    expect(escalations).toHaveLength(1);
    expect(escalations[0]!.at).toBe('2025-04-22T18:00:00.000Z');
    expect(reminderData(escalations[0]!)).toMatchObject({ step: 'escalate', mention: '@dana' });
    expect(escalations[0]!.reply.text).toMatch(/^Escalation to @dana \(privacy officer\): this overdue notice was not acknowledged within 4 h\./);
    expect((await world.store.get('BR-1'))!.deliveries.filter((d) => d.step === 'escalate')).toHaveLength(1);
  });

  it('falls back to the commander when no privacy officer is assigned, and honours escalateAfterHours', async () => {
    const world = createWorld('2025-04-22T14:00:00Z', [smallUsIncident({ roles: { commander: '@sam' } })], { escalateAfterHours: 1 });
    await world.tickAt('2025-04-22T14:00:00Z');
    await world.tickAt('2025-04-22T15:00:00Z');
    const escalation = world.postsFor(HIPAA).find((p) => reminderData(p).escalation)!;
    expect(escalation.at).toBe('2025-04-22T15:00:00.000Z');
    expect(escalation.reply.text).toContain('Escalation to @sam (incident commander)');
  });

  it('does not escalate once someone acknowledged the overdue reminder; overdue reminders continue', async () => {
    const world = createWorld('2025-04-22T14:00:00Z', [smallUsIncident({ roles: { privacyOfficer: '@dana' } })]);
    await world.tickAt('2025-04-22T14:00:00Z');
    world.clock.set('2025-04-22T15:00:00Z');
    const reply = await say(world, `ack BR-1 ${HIPAA}`);
    expect(reply.text).toContain('no escalation');
    await world.tickAt('2025-04-22T18:00:00Z');
    await world.tickAt('2025-04-23T14:00:00Z');
    expect(steps(world)).toEqual(['2025-04-22T14:00:00.000Z overdue:1', '2025-04-23T14:00:00.000Z overdue:2']);
  });
});

describe('tolled obligations', () => {
  it('get no reminders during a law-enforcement delay; when it ends they are reminded at once (not late) and escalate 4 h later', async () => {
    // Written FBI statement until 2025-05-01 00:00 CDT (05:00Z). The original deadline 2025-04-21 passes meanwhile,
    // so when the delay ends the engine reports the notice overdue ("notify now").
    const delay = { form: 'written' as const, agency: 'FBI', official: 'SA Example', statedAt: '2025-02-25T10:00:00-06:00', until: '2025-05-01T00:00:00-05:00' };
    const world = createWorld('2025-04-01T00:00:00Z', [smallUsIncident({ lawEnforcementDelays: [delay] })]);
    for (let t = Date.parse('2025-04-01T00:00:00Z'); t < Date.parse('2025-05-01T05:00:00Z'); t += 6 * 3_600_000) await world.tickAt(new Date(t).toISOString());
    expect(world.notifier.posts).toEqual([]);
    await world.tickAt('2025-05-01T05:00:30Z');
    // The latest missed overdue step is overdue:9 (04-30 09:00 CDT); it counts from the end of the delay.
    expect(steps(world)).toEqual(['2025-05-01T05:00:30.000Z overdue:9']);
    const first = world.postsFor(HIPAA)[0]!;
    expect(reminderData(first)).toMatchObject({ late: false, escalation: false });
    expect(first.reply.text).toContain('law-enforcement delay ended');
    // Escalation counts 4 h from the reminder people received (05:00:30Z), not from the step's time.
    await world.tickAt('2025-05-01T09:00:00Z');
    await world.tickAt('2025-05-01T09:00:30Z');
    expect(steps(world)).toEqual(['2025-05-01T05:00:30.000Z overdue:9', '2025-05-01T09:00:30.000Z escalate']);
  });
});
