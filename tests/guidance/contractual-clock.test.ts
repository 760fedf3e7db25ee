// Contractual and insurer clocks: computed like legal ones, reminded once per step, done and removed with history.
import { describe, expect, it } from 'vitest';
import { channel, createWorld, reminderData, say, smallUsIncident } from '../scheduler/helpers.ts';

// The fixture was discovered 2025-02-20 09:00 CST (15:00Z). A 48-hour insurer clock from discovery therefore ends at
// 2025-02-22 09:00 CST = 15:00Z, an exact instant (hour-counted, not rounded to the end of a day).
const INSURER_DUE = '2025-02-22T09:00:00.000-06:00';

describe('contractual clocks', () => {
  it('a 48-hour insurer clock is an hour-counted obligation marked contractual, with its basis', async () => {
    // At 16:00Z, 47 hours are left: more than the 24-hour due-soon window of hour-counted clocks.
    const world = createWorld('2025-02-20T16:00:00Z', [smallUsIncident()]);
    const added = await say(world, 'clock add BR-1 --to "Cyber insurer (policy 123)" --within 48h --from discovery --basis "Policy section 7.2"');
    expect(added.outcome).toBe('ok');
    const rows = JSON.parse((await say(world, 'deadlines BR-1 --json')).text) as Record<string, unknown>[];
    const row = rows.find((r) => r.obligation === 'CONTRACT-1');
    expect(row).toMatchObject({ rule: 'CONTRACT', recipient: 'Cyber insurer (policy 123)', kind: 'instant', dueDate: null, dueAt: INSURER_DUE, contractual: true, status: 'pending' });
    expect(String(row!.citation)).toContain('Policy section 7.2');
    expect(rows[0]!.obligation).toBe('CONTRACT-1'); // the soonest deadline of the incident
  });

  it('a 10-day clock ends at midnight in the organization zone, counted from the vendor notice', async () => {
    // Vendor told us 2025-03-03 10:00 CST: day 10 is 2025-03-13, ending 23:59:59.999 CDT (DST began 2025-03-09).
    const world = createWorld('2025-03-04T12:00:00Z', [smallUsIncident({ vendor: { name: 'EHR host', role: 'business_associate', notifiedUsAt: '2025-03-03T10:00:00-06:00' } })]);
    await say(world, 'clock add BR-1 --to "Health plan customer" --within 10d --from notified --basis "BAA 4.1"');
    const row = (JSON.parse((await say(world, 'deadlines BR-1 --json')).text) as Record<string, unknown>[]).find((r) => r.obligation === 'CONTRACT-1');
    expect(row).toMatchObject({ kind: 'date', dueDate: '2025-03-13', dueAt: '2025-03-13T23:59:59.999-05:00' });
  });

  it('"from notified" without a recorded vendor notice needs facts, never a silent default', async () => {
    const world = createWorld('2025-02-21T12:00:00Z', [smallUsIncident()]);
    await say(world, 'clock add BR-1 --to "Customer" --within 72h --from notified --basis "DPA 9"');
    const row = (JSON.parse((await say(world, 'deadlines BR-1 --json')).text) as Record<string, unknown>[]).find((r) => r.obligation === 'CONTRACT-1');
    expect(row).toMatchObject({ status: 'needs_facts', dueAt: null });
  });

  it('reminds once per step, like a legal hour-counted clock, and stops when done', async () => {
    const world = createWorld('2025-02-20T16:00:00Z', [smallUsIncident({}, [channel('slack', 'C1')])]);
    await say(world, 'clock add BR-1 --to "Cyber insurer" --within 48h --basis "Policy 7.2"');
    // Hour-counted steps 24h, 12h, 4h and 1h before 2025-02-22 15:00Z: 02-21 15:00Z, 02-22 03:00Z, 11:00Z, 14:00Z.
    for (const iso of ['2025-02-21T15:05:00Z', '2025-02-21T15:10:00Z', '2025-02-22T03:05:00Z', '2025-02-22T11:05:00Z', '2025-02-22T14:05:00Z', '2025-02-22T14:10:00Z']) {
      await world.tickAt(iso);
    }
    const steps = world.postsFor('CONTRACT-1').map((p) => reminderData(p).step);
    expect(steps).toHaveLength(4);
    expect(new Set(steps).size).toBe(4);
    // Insurer told at 08:00 CST (14:00Z), before the 14:10Z tick: no overdue reminder follows.
    expect((await say(world, 'done BR-1 CONTRACT-1 --at "2025-02-22 08:00"')).outcome).toBe('ok');
    await world.tickAt('2025-02-22T16:05:00Z');
    await world.tickAt('2025-02-23T16:05:00Z');
    expect(world.postsFor('CONTRACT-1')).toHaveLength(4);
  });

  it('clock remove keeps the clock and its history, and stops its reminders', async () => {
    const world = createWorld('2025-02-20T16:00:00Z', [smallUsIncident()]);
    await say(world, 'clock add BR-1 --to "Cyber insurer" --within 48h --basis "Policy 7.2"');
    const noReason = await say(world, 'clock remove BR-1 CONTRACT-1');
    expect(noReason.outcome).toBe('usage');
    expect((await say(world, 'clock remove BR-1 contract-1 --reason "policy excludes vendor incidents"')).outcome).toBe('ok');
    const incident = (await world.store.get('BR-1'))!;
    expect(incident.clocks[0]!.removedAt).toBe('2025-02-20T16:00:00.000Z');
    expect(incident.timeline.map((e) => e.action)).toEqual(expect.arrayContaining(['clock.added', 'clock.removed']));
    const rows = JSON.parse((await say(world, 'deadlines BR-1 --json')).text) as { obligation: string }[];
    expect(rows.some((r) => r.obligation === 'CONTRACT-1')).toBe(false);
    await world.tickAt('2025-02-21T15:05:00Z');
    expect(world.postsFor('CONTRACT-1')).toHaveLength(0);
  });

  it('refuses a clock without its basis, recipient or duration, with the usage', async () => {
    const world = createWorld('2025-02-20T16:00:00Z', [smallUsIncident()]);
    for (const bad of ['clock add BR-1 --to X --within 48h', 'clock add BR-1 --within 48h --basis B', 'clock add BR-1 --to X --basis B', 'clock add BR-1 --to X --within soon --basis B']) {
      const reply = await say(world, bad);
      expect(reply.outcome).toBe('usage');
      expect(reply.text).toContain('Usage: clock add');
    }
    expect((await world.store.get('BR-1'))!.clocks).toEqual([]);
  });
});
