// The pure planner, table-driven: which step is due at an instant, what catch-up skips, when to look again.
import { describe, expect, it } from 'vitest';
import type { Obligation } from '../../bot/deadlines/types.ts';
import { deliveryKey, planReminders, type PlanOptions } from '../../bot/scheduler/plan.ts';
import { DEFAULT_REMINDER_POLICY } from '../../bot/scheduler/policy.ts';
import type { Delivery, Incident } from '../../bot/model/incident-schema.ts';
import { channel, smallUsIncident } from './helpers.ts';

const OPTIONS: PlanOptions = { escalateAfterHours: 4 };

function ob(over: Partial<Obligation> = {}): Obligation {
  return {
    obligation: 'X-DATE', rule: 'X-DATE', recipient: 'affected individuals', citation: '45 CFR 164.404', kind: 'date',
    dueDate: '2025-04-21', dueAt: '2025-04-21T23:59:59.999-05:00', status: 'pending', verification: 'verified_primary_text',
    basis: '60 calendar days after discovery on 2025-02-20', law: 'HIPAA', caveats: [], jurisdiction: 'US',
    trigger: { event: 'discovery', at: '2025-02-20T09:00:00-06:00' }, tolledUntil: null, doneAt: null, ...over,
  };
}

// GDPR Art. 33: 72 hours from awareness at 2025-03-01T10:00+01:00.
const instant = ob({ obligation: 'X-HOURS', kind: 'instant', dueDate: null, dueAt: '2025-03-04T10:00:00.000+01:00', trigger: { event: 'awareness', at: '2025-03-01T10:00:00+01:00' } });
// "Immediately" from 08:00 CST: due by the end of that day, 23:59:59.999 CST = 05:59:59.999Z next day.
const immediate = ob({ obligation: 'X-NOW', kind: 'immediate', dueDate: null, dueAt: '2025-03-01T23:59:59.999-06:00', trigger: { event: 'discovery', at: '2025-03-01T08:00:00-06:00' } });
// "Without undue delay" from 14:00 CST on 2025-03-01: daily at 09:00 Chicago from the next morning.
const noneFixed = ob({ obligation: 'X-UNDUE', kind: 'none_fixed', dueDate: null, dueAt: null, trigger: { event: 'discovery', at: '2025-03-01T14:00:00-06:00' } });

function plan(incident: Incident, obligations: Obligation[], now: string) {
  return planReminders(incident, obligations, DEFAULT_REMINDER_POLICY, new Date(now), OPTIONS);
}

function summary(incident: Incident, obligations: Obligation[], now: string) {
  const p = plan(incident, obligations, now);
  return {
    steps: p.sends.map((s) => s.step.id),
    skipped: p.sends.flatMap((s) => s.records.filter((r) => r.outcome === 'skipped').map((r) => r.step)),
    late: p.sends.map((s) => s.late),
    escalation: p.sends.map((s) => s.escalation),
    next: p.nextAt === null ? null : new Date(p.nextAt).toISOString(),
  };
}

/**
 * The incident as a store that has been reminding all along: each obligation got one reminder weeks earlier (under an
 * older due instant, so no step of these tables counts as sent). Escalation needs such a past reminder.
 */
function remindedBefore(incident: Incident): Incident {
  const deliveries: Delivery[] = ['X-DATE', 'X-HOURS', 'X-NOW', 'X-UNDUE'].map((obligation) => ({
    key: `old|${obligation}`, obligation, step: 'before:P14D', dueAt: '2025-02-01T00:00:00.000Z', channel: 'slack:C1', outcome: 'delivered', at: '2025-01-15T00:00:00Z', late: false,
  }));
  return { ...incident, deliveries: [...incident.deliveries, ...deliveries] };
}

describe('planReminders: day-counted deadline due 2025-04-21 (Chicago, CDT)', () => {
  const incident = remindedBefore(smallUsIncident());
  it.each([
    ['2025-04-07T13:59:59Z', [], [], [], '2025-04-07T14:00:00.000Z'],
    // 14 days before, at 09:00 CDT = 14:00Z.
    ['2025-04-07T14:00:00Z', ['before:P14D'], [], [false], '2025-04-14T14:00:00.000Z'],
    ['2025-04-07T14:10:00Z', ['before:P14D'], [], [false], '2025-04-14T14:00:00.000Z'],
    // Missed since 04-14 14:00Z: the latest is sent late, the older one skipped.
    ['2025-04-15T02:00:00Z', ['before:P7D'], ['before:P14D'], [true], '2025-04-18T14:00:00.000Z'],
    ['2025-04-21T14:00:00Z', ['morning'], ['before:P14D', 'before:P7D', 'before:P3D', 'before:P1D'], [false], '2025-04-22T14:00:00.000Z'],
    // First overdue reminder the morning after; escalation 4 h later.
    ['2025-04-22T14:00:00Z', ['overdue:1'], ['before:P14D', 'before:P7D', 'before:P3D', 'before:P1D', 'morning'], [false], '2025-04-22T18:00:00.000Z'],
    ['2025-04-25T14:00:00Z', ['overdue:4'], ['before:P14D', 'before:P7D', 'before:P3D', 'before:P1D', 'morning', 'overdue:1', 'overdue:2', 'overdue:3'], [false], '2025-04-26T14:00:00.000Z'],
  ])('at %s sends %j, skips %j', (now, steps, skipped, late, next) => {
    const s = summary(incident, [ob()], now);
    expect(s).toMatchObject({ steps, skipped, late, next });
  });

  it('escalates 4 h after the first overdue reminder, in the same message when both are due', () => {
    expect(summary(incident, [ob()], '2025-04-22T18:00:00Z')).toMatchObject({ steps: ['overdue:1'], escalation: [true] });
    const p = plan(incident, [ob()], '2025-04-22T18:00:00Z');
    expect(p.sends[0]!.records.filter((r) => r.outcome === 'delivered').map((r) => r.step)).toEqual(['overdue:1', 'escalate']);
  });

  it('plans nothing already delivered, and nothing older than a delivered step', () => {
    const delivered = withDeliveries(incident, [['before:P7D', '2025-04-14T14:00:00Z']]);
    expect(summary(delivered, [ob()], '2025-04-15T02:00:00Z')).toMatchObject({ steps: [], next: '2025-04-18T14:00:00.000Z' });
  });

  it('sends one reminder per linked channel, with distinct keys', () => {
    const two = { ...incident, channels: [channel('slack', 'C1'), channel('teams', '19:abc@thread.tacv2')] };
    const p = plan(two, [ob()], '2025-04-07T14:00:00Z');
    expect(p.sends.map((s) => s.key)).toEqual([
      'BR-1|X-DATE|before:P14D|2025-04-22T04:59:59.999Z|slack:C1',
      'BR-1|X-DATE|before:P14D|2025-04-22T04:59:59.999Z|teams:19:abc@thread.tacv2',
    ]);
  });

  it('counts a step planned before a channel was linked from the link time', () => {
    const linkedLate = { ...incident, channels: [channel('slack', 'C1', '2025-04-08T10:00:00Z')] };
    const p = plan(linkedLate, [ob()], '2025-04-08T10:00:30Z');
    expect(p.sends.map((s) => [s.step.id, s.late, new Date(s.plannedAt).toISOString()])).toEqual([['before:P14D', false, '2025-04-08T10:00:00.000Z']]);
  });
});

describe('escalation needs a reminder people actually received', () => {
  it('never escalates an obligation this store never reminded; escalates 4 h after its first delivered overdue reminder', () => {
    // A store created after the deadline (2025-04-21): at 04-22 18:00Z, 4 h past overdue:1's time, nobody was ever told.
    const fresh = smallUsIncident();
    expect(summary(fresh, [ob()], '2025-04-22T18:00:00Z')).toMatchObject({ steps: ['overdue:1'], escalation: [false] });
    // overdue:1 is delivered at 18:00Z; the escalation comes 4 h after that, at 22:00Z, not before.
    const told = withDeliveries(fresh, [['overdue:1', '2025-04-22T18:00:00Z']]);
    expect(summary(told, [ob()], '2025-04-22T21:59:00Z')).toMatchObject({ steps: [], next: '2025-04-22T22:00:00.000Z' });
    expect(summary(told, [ob()], '2025-04-22T22:00:00Z')).toMatchObject({ steps: ['escalate'], escalation: [true] });
  });
});

describe('planReminders: other kinds', () => {
  const incident = remindedBefore(smallUsIncident());
  it.each([
    // 72 h deadline at 09:00Z on 03-04: 48 h, 24 h, 12 h, 4 h, 1 h before, then every 4 h.
    ['instant', instant, '2025-03-02T08:59:00Z', [], '2025-03-02T09:00:00.000Z'],
    ['instant', instant, '2025-03-02T09:00:00Z', ['before:PT48H'], '2025-03-03T09:00:00.000Z'],
    ['instant', instant, '2025-03-03T21:00:00Z', ['before:PT12H'], '2025-03-04T05:00:00.000Z'],
    ['instant', instant, '2025-03-04T08:00:00Z', ['before:PT1H'], '2025-03-04T09:00:00.000Z'],
    ['instant', instant, '2025-03-04T09:00:00Z', ['overdue:1'], '2025-03-04T13:00:00.000Z'],
    ['instant', instant, '2025-03-05T09:00:00Z', ['overdue:7'], '2025-03-05T13:00:00.000Z'],
    // Immediate from 14:00Z: at once, then hourly, past the end of the day too.
    ['immediate', immediate, '2025-03-01T14:00:00Z', ['hourly:0'], '2025-03-01T15:00:00.000Z'],
    ['immediate', immediate, '2025-03-01T17:30:00Z', ['hourly:3'], '2025-03-01T18:00:00.000Z'],
    ['immediate', immediate, '2025-03-02T06:00:00Z', ['hourly:16'], '2025-03-02T07:00:00.000Z'],
    // Without undue delay: 09:00 CST = 15:00Z; from 03-09 (DST) 09:00 CDT = 14:00Z.
    ['noneFixed', noneFixed, '2025-03-02T14:59:00Z', [], '2025-03-02T15:00:00.000Z'],
    ['noneFixed', noneFixed, '2025-03-02T15:00:00Z', ['daily:2025-03-02'], '2025-03-03T15:00:00.000Z'],
    ['noneFixed', noneFixed, '2025-03-09T13:59:00Z', ['daily:2025-03-08'], '2025-03-09T14:00:00.000Z'],
    ['noneFixed', noneFixed, '2025-03-09T14:00:00Z', ['daily:2025-03-09'], '2025-03-10T14:00:00.000Z'],
  ] as [string, Obligation, string, string[], string][])('%s at %s', (_label, o, now, steps, next) => {
    expect(summary(incident, [o], now)).toMatchObject({ steps, next });
  });

  it('escalates an instant deadline 4 h after it passed, merged with overdue:2', () => {
    const p = plan(incident, [instant], '2025-03-04T13:00:00Z');
    expect(p.sends.map((s) => [s.step.id, s.escalation])).toEqual([['overdue:2', true]]);
  });

  it('escalates an immediate obligation 4 h after its first overdue hourly reminder (06:00Z)', () => {
    expect(summary(incident, [immediate], '2025-03-02T09:59:00Z').escalation).toEqual([false]);
    expect(summary(incident, [immediate], '2025-03-02T10:00:00Z').escalation).toEqual([true]);
  });

  it.each([
    ['done', ob({ status: 'done', doneAt: '2025-04-01T12:00:00-05:00' })],
    ['not_applicable', ob({ status: 'not_applicable', dueAt: null, dueDate: null })],
    ['needs_facts', ob({ status: 'needs_facts' })],
    ['on_request', ob({ kind: 'on_request', dueAt: null, dueDate: null })],
    ['none_fixed waiting for another notice', ob({ kind: 'none_fixed', dueAt: null, dueDate: null, trigger: null })],
  ])('plans nothing for %s', (_label, o) => {
    expect(summary(incident, [o], '2025-04-22T18:00:00Z')).toMatchObject({ steps: [], next: null });
  });

  it('plans nothing while tolled, and looks again when the delay ends', () => {
    const tolled = ob({ status: 'tolled', tolledUntil: '2025-05-01T00:00:00.000-05:00', dueDate: '2025-06-25', dueAt: '2025-06-25T23:59:59.999-05:00' });
    expect(summary(incident, [tolled], '2025-04-22T18:00:00Z')).toMatchObject({ steps: [], next: '2025-05-01T05:00:00.001Z' });
  });

  it('plans nothing for closed incidents or incidents without a linked channel', () => {
    expect(plan({ ...incident, status: 'closed' }, [ob()], '2025-04-22T18:00:00Z').sends).toEqual([]);
    expect(plan({ ...incident, channels: [] }, [ob()], '2025-04-22T18:00:00Z').sends).toEqual([]);
  });
});

describe('planReminders: snoozes, acknowledgements, moved deadlines', () => {
  const incident = smallUsIncident();
  const snoozed = { ...incident, snoozes: [{ obligation: 'X-DATE', until: '2025-04-19T12:00:00-05:00', reason: 'letters at the printer', by: 'Sam', at: '2025-04-17T15:00:00Z' }] };

  it('holds a snoozed obligation until the snooze ends, then sends the step it held (not late)', () => {
    expect(summary(snoozed, [ob()], '2025-04-18T14:00:00Z')).toMatchObject({ steps: [], next: '2025-04-19T17:00:00.000Z' });
    const after = withDeliveries(snoozed, [['before:P7D', '2025-04-14T14:00:00Z']]);
    const p = plan(after, [ob()], '2025-04-19T17:00:00Z');
    expect(p.sends.map((s) => [s.step.id, s.late, new Date(s.plannedAt).toISOString()])).toEqual([['before:P3D', false, '2025-04-19T17:00:00.000Z']]);
  });

  it('does not escalate once someone acknowledged after the deadline passed', () => {
    const acked = withAck(incident, '2025-04-22T15:00:00Z');
    const delivered = withDeliveries(acked, [['overdue:1', '2025-04-22T14:00:00Z']]);
    expect(summary(delivered, [ob()], '2025-04-22T18:00:00Z')).toMatchObject({ steps: [], next: '2025-04-23T14:00:00.000Z' });
    const ackedEarly = withDeliveries(withAck(incident, '2025-04-20T15:00:00Z'), [['overdue:1', '2025-04-22T14:00:00Z']]);
    expect(summary(ackedEarly, [ob()], '2025-04-22T18:00:00Z')).toMatchObject({ steps: ['escalate'], escalation: [true] });
  });

  it('keys deliveries by due instant: a later deadline plans its own steps; an earlier one sends the newly missed step once', () => {
    const delivered = withDeliveries(incident, [['before:P14D', '2025-04-07T14:00:00Z']]);
    // Deadline moved a week earlier (2025-04-14): its 7-day step (04-07 14:00Z) was never sent.
    const earlier = ob({ dueDate: '2025-04-14', dueAt: '2025-04-14T23:59:59.999-05:00' });
    expect(summary(delivered, [earlier], '2025-04-08T09:00:00Z')).toMatchObject({ steps: ['before:P7D'], skipped: [] });
    // Moved a day earlier: its 14-day step (04-06) precedes the one already sent on 04-07: not repeated.
    const dayEarlier = ob({ dueDate: '2025-04-20', dueAt: '2025-04-20T23:59:59.999-05:00' });
    expect(summary(delivered, [dayEarlier], '2025-04-08T09:00:00Z').steps).toEqual([]);
    expect(plan(delivered, [dayEarlier], '2025-04-13T14:00:00Z').sends.map((s) => s.key)).toEqual(['BR-1|X-DATE|before:P7D|2025-04-21T04:59:59.999Z|slack:C1']);
  });

  it('builds delivery keys from incident, obligation, step, due instant (UTC) and channel', () => {
    expect(deliveryKey('BR-7', 'US-TX-BREACH:individuals', 'overdue:3', Date.parse('2025-04-21T23:59:59.999-05:00'), 'slack:C1')).toBe(
      'BR-7|US-TX-BREACH:individuals|overdue:3|2025-04-22T04:59:59.999Z|slack:C1',
    );
  });
});

function withDeliveries(incident: Incident, steps: [string, string][], dueAtUtc = '2025-04-22T04:59:59.999Z'): Incident {
  const deliveries: Delivery[] = steps.map(([step, at]) => ({
    key: deliveryKey(incident.id, 'X-DATE', step, Date.parse(dueAtUtc), 'slack:C1'), obligation: 'X-DATE', step, dueAt: dueAtUtc,
    channel: 'slack:C1', outcome: 'delivered', at, late: false,
  }));
  return { ...incident, deliveries: [...incident.deliveries, ...deliveries] };
}

function withAck(incident: Incident, at: string): Incident {
  const entry = { at, actor: { id: 'U-DANA', name: 'Dana', platform: 'slack' as const }, action: 'reminder.acknowledged', text: 'ack', changes: [{ field: 'obligation', from: null, to: 'X-DATE' }] };
  return { ...incident, timeline: [...incident.timeline, entry] };
}
