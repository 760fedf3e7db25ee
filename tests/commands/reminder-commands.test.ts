// `snooze` and `ack`: validation, refusals, and what they write to the incident.
import { describe, expect, it } from 'vitest';
import { createWorld, HIPAA, say, smallUsIncident } from '../scheduler/helpers.ts';

// HIPAA individuals for the fixture is due 2025-04-21 23:59:59.999 CDT (2025-04-22T04:59:59.999Z).
function setup(now = '2025-04-15T15:00:00Z', overrides = {}) {
  return createWorld(now, [smallUsIncident(overrides)]);
}

describe('snooze', () => {
  it('records the snooze (case-insensitive obligation id) in the incident and on the timeline, and tells the channel', async () => {
    const world = setup();
    const reply = await say(world, 'snooze br-1 us-hipaa-164.404-individuals --for 2d --reason "letters are at the mail house"');
    expect(reply).toMatchObject({ outcome: 'ok', visibility: 'channel' });
    expect(reply.text).toContain('Sam snoozed BR-1 US-HIPAA-164.404-INDIVIDUALS reminders until 2025-04-17 10:00 CDT (letters are at the mail house).');
    expect(reply.text).toContain('The deadline does not move: 2025-04-21 23:59 CDT.');
    const incident = (await world.store.get('BR-1'))!;
    expect(incident.snoozes).toEqual([
      { obligation: HIPAA, until: '2025-04-17T10:00:00.000-05:00', reason: 'letters are at the mail house', by: 'Sam', at: '2025-04-15T15:00:00.000Z' },
    ]);
    expect(incident.timeline.at(-1)).toMatchObject({
      action: 'reminder.snoozed', at: '2025-04-15T15:00:00.000Z', actor: { name: 'Sam', platform: 'slack' },
      text: 'Snoozed reminders for US-HIPAA-164.404-INDIVIDUALS until 2025-04-17 10:00 CDT: letters are at the mail house',
    });
  });

  it('accepts --until in the incident zone, up to the deadline itself, and an unquoted reason', async () => {
    const world = setup();
    const reply = await say(world, `snooze BR-1 ${HIPAA} --until "2025-04-21 23:59" --reason waiting for counsel`);
    expect(reply.outcome).toBe('ok');
    expect((await world.store.get('BR-1'))!.snoozes[0]).toMatchObject({ until: '2025-04-21T23:59:00.000-05:00', reason: 'waiting for counsel' });
  });

  it.each([
    ['past the deadline', `snooze BR-1 ${HIPAA} --for 7d --reason "busy"`, /may not run past the deadline: US-HIPAA-164\.404-INDIVIDUALS is due 2025-04-21 23:59 CDT/],
    ['without a reason', `snooze BR-1 ${HIPAA} --for 1d`, /needs a reason/],
    ['with an empty reason', `snooze BR-1 ${HIPAA} --for 1d --reason "  "`, /needs a reason/],
    ['for an unknown obligation', 'snooze BR-1 US-HIPAA-NOPE --for 1d --reason x', /BR-1 has no notice matching "US-HIPAA-NOPE"\. Did you mean: US-HIPAA-164\.404-INDIVIDUALS \(each affected individual/],
    ['into the past', `snooze BR-1 ${HIPAA} --until "2025-04-01 09:00" --reason x`, /must end in the future/],
  ])('refuses %s and writes nothing', async (_label, text, message) => {
    const world = setup();
    const reply = await say(world, text);
    expect(reply.outcome).toBe('refused');
    expect(reply.text).toMatch(message);
    const incident = (await world.store.get('BR-1'))!;
    expect(incident.snoozes).toEqual([]);
    expect(incident.timeline).toEqual([]);
  });

  it('refuses an overdue obligation, pointing at ack', async () => {
    const world = setup('2025-04-22T14:00:00Z');
    const reply = await say(world, `snooze BR-1 ${HIPAA} --for 4h --reason "printer down"`);
    expect(reply.outcome).toBe('refused');
    expect(reply.text).toContain('is overdue (overdue by 9 hours); it cannot be snoozed');
    expect(reply.text).toContain(`ack BR-1 ${HIPAA}`);
  });

  it('refuses obligations that get no reminders (done, tolled)', async () => {
    const done = setup('2025-04-15T15:00:00Z', { notices: [{ obligation: HIPAA, sentAt: '2025-04-10T12:00:00-05:00' }] });
    expect((await say(done, `snooze BR-1 ${HIPAA} --for 1d --reason x`)).text).toMatch(/is already done \(2025-04-10 12:00 CDT\)/);
    const delay = { form: 'written' as const, agency: 'FBI', official: 'SA Example', statedAt: '2025-02-25T10:00:00-06:00', until: '2025-05-01T00:00:00-05:00' };
    const tolled = setup('2025-04-15T15:00:00Z', { lawEnforcementDelays: [delay] });
    expect((await say(tolled, `snooze BR-1 ${HIPAA} --for 1d --reason x`)).text).toMatch(/delayed by law enforcement until 2025-05-01 00:00 CDT/);
  });

  it.each([
    [`snooze BR-1 ${HIPAA} --reason x`, /either --for <duration> or --until <when>/],
    [`snooze BR-1 ${HIPAA} --for 1d --until "2025-04-16 09:00" --reason x`, /either --for <duration> or --until <when>/],
    [`snooze BR-1 ${HIPAA} --for soon --reason x`, /"soon" is not a duration; use 30m, 4h, 2d or 1w/],
    [`snooze BR-1 ${HIPAA} 2d`, /Unexpected words: 2d/],
    ['snooze BR-1', /Missing obligation id/],
  ])('%s → usage', async (text, message) => {
    const reply = await say(setup(), text);
    expect(reply.outcome).toBe('usage');
    expect(reply.text).toMatch(message);
    expect(reply.text).toContain('Usage: snooze <id> <obligation>');
  });
});

describe('ack', () => {
  it('acknowledges an overdue reminder on the timeline, once per overdue period', async () => {
    const world = setup('2025-04-22T15:00:00Z');
    const reply = await say(world, `ack BR-1 ${HIPAA.toLowerCase()}`);
    expect(reply).toMatchObject({ outcome: 'ok', visibility: 'channel' });
    expect(reply.text).toContain('Sam acknowledged BR-1 US-HIPAA-164.404-INDIVIDUALS (overdue since 2025-04-21 23:59 CDT): no escalation.');
    const entry = (await world.store.get('BR-1'))!.timeline.at(-1)!;
    expect(entry).toMatchObject({
      action: 'reminder.acknowledged', at: '2025-04-22T15:00:00.000Z', text: 'Acknowledged the overdue reminder for US-HIPAA-164.404-INDIVIDUALS (due 2025-04-21 23:59 CDT)',
      changes: [{ field: 'obligation', from: null, to: HIPAA }],
    });
    world.clock.set('2025-04-22T16:00:00Z');
    expect((await say(world, `ack BR-1 ${HIPAA}`)).text).toContain('already acknowledged');
    expect((await world.store.get('BR-1'))!.timeline).toHaveLength(1);
  });

  it('accepts an acknowledgement before the deadline but says escalation still applies once overdue', async () => {
    const world = setup();
    const reply = await say(world, `ack BR-1 ${HIPAA}`);
    expect(reply.outcome).toBe('ok');
    expect(reply.text).toContain('It is not overdue; if it becomes overdue, escalation still applies');
  });

  it('refuses unknown and not-applicable obligations', async () => {
    const world = setup();
    expect((await say(world, 'ack BR-1 NOPE')).text).toMatch(/BR-1 has no notice matching "NOPE"\. Did you mean: /);
    const na = await say(world, 'ack BR-1 US-HIPAA-164.408-HHS-500PLUS');
    expect(na).toMatchObject({ outcome: 'refused' });
    expect(na.text).toContain('not applicable');
  });
});
