// Business rules the domain owns: snoozes bounded by the current deadline, notices not before discovery nor in the future,
// sanity warnings (#16.3), and replies that quote what the timeline recorded.
import { describe, expect, it } from 'vitest';
import { computeObligations } from '../../bot/deadlines/engine.ts';
import { loadRules } from '../../bot/deadlines/load-rules.ts';
import { snooze } from '../../bot/domain/reminders.ts';
import { CommandRefusedError } from '../../bot/errors.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const HIPAA = 'US-HIPAA-164.404-INDIVIDUALS';
// Discovery 2025-02-20 09:00 CST; HIPAA individuals no later than 60 calendar days after (45 CFR 164.404(b)): 2025-04-21.

function world(now = '2025-03-01T12:00:00Z', overrides = {}) {
  const t = createTestBot(now, [makeIncident('BR-1', usHospitalFacts(overrides))]);
  const say = (text: string) => t.bot.handle({ text, actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack', channel: { platform: 'slack', id: 'C1' } });
  return { ...t, say };
}

describe('snooze rules', () => {
  it('are checked against the record as it is when the change is applied, not the copy the command read', async () => {
    const t = world('2025-04-10T15:00:00Z');
    const rules = loadRules();
    const now = t.clock.now();
    const read = (await t.store.get('BR-1'))!;
    // Read with the 04-21 deadline; meanwhile discovery moved to 02-16 (12 + 31 + 17 = 60 days → 04-17).
    const movedEarlier = { ...read, discoveredAt: '2025-02-16T09:00:00-06:00' };
    const decide = snooze({ obligation: HIPAA, untilMs: Date.parse('2025-04-19T12:00:00-05:00'), reason: 'mail house', by: 'Sam' }, { rules, now });
    expect(() => decide(read)).not.toThrow();
    expect(() => decide(movedEarlier)).toThrow(/may not run past the deadline: .* due 2025-04-17 23:59 CDT/);
  });

  it('refuse an overdue obligation and a snooze past the deadline, and record nothing', async () => {
    const t = world('2025-04-22T15:00:00Z');
    const overdue = await t.say(`snooze BR-1 ${HIPAA} --for 1h --reason "mail house"`);
    expect(overdue).toMatchObject({ outcome: 'refused' });
    expect(overdue.text).toMatch(/is overdue \(overdue by .*\); it cannot be snoozed/);
    t.clock.set('2025-04-21T14:00:00Z');
    const past = await t.say(`snooze BR-1 ${HIPAA} --for 2d --reason "mail house"`);
    expect(past.text).toContain('may not run past the deadline');
    expect((await t.store.get('BR-1'))!.snoozes).toEqual([]);
  });
});

describe('notices', () => {
  it('are refused before discovery and in the future; nothing is recorded', async () => {
    const t = world();
    const early = await t.say(`done BR-1 ${HIPAA} --at "2024-01-10 10:00"`);
    expect(early).toMatchObject({ outcome: 'refused' });
    expect(early.text).toContain('before the discovery of BR-1 (2025-02-20 09:00 CST); a notice cannot precede discovery');
    const future = await t.say(`done BR-1 ${HIPAA} --at "2025-03-02 10:00"`);
    expect(future.text).toContain('is in the future');
    expect((await t.store.get('BR-1'))!.notices).toEqual([]);
  });

  it('stop the discovery time from moving after a notice already sent', async () => {
    const t = world();
    expect((await t.say(`done BR-1 ${HIPAA} --at "2025-02-25 10:00"`)).outcome).toBe('ok');
    const moved = await t.say('set BR-1 discovered "2025-02-27 09:00"');
    expect(moved).toMatchObject({ outcome: 'refused' });
    expect(moved.text).toContain(`the notice ${HIPAA} is recorded as sent 2025-02-25T10:00:00-06:00, before that discovery time`);
    expect((await t.store.get('BR-1'))!.discoveredAt).toBe('2025-02-20T09:00:00-06:00');
  });
});

describe('sanity warnings (allowed, but said)', () => {
  it.each([
    ['discovery in the future', 'set BR-1 discovered "2025-03-05 09:00"', 'Discovery (2025-03-05T09:00:00-06:00) is in the future'],
    ['unknown US state', 'set BR-1 affected.US-XX 5', 'Affected residents: US-XX is not a US state or territory code'],
    ['unknown country code', 'set BR-1 country QQ', 'Organization country QQ is not a known ISO country code'],
    ['unknown country of residents', 'set BR-1 affected.XX 5', 'Affected residents: XX is not a known ISO country code'],
    ['per-jurisdiction counts above the total', 'set BR-1 affected.US-TX 300', 'Residents counted per jurisdiction (1,500) exceed the total affected (1,200)'],
  ])('%s', async (_what, command, warning) => {
    const t = world();
    const reply = await t.say(command);
    expect(reply.outcome).toBe('ok');
    expect(reply.text).toContain(`Warning: ${warning}`);
  });

  it('vendor notice before the vendor discovered it', async () => {
    const t = world();
    await t.say('set BR-1 vendor.discoveredAt "2025-02-10 09:00"');
    const reply = await t.say('set BR-1 vendor.notified "2025-02-01 09:00"');
    expect(reply.text).toContain('Warning: The vendor notified you (2025-02-01T09:00:00-06:00) before it discovered the breach (2025-02-10T09:00:00-06:00)');
  });

  it('are not repeated by a change that does not cause them, and a real state or country raises none', async () => {
    const t = world();
    await t.say('set BR-1 affected.US-XX 5');
    expect((await t.say('set BR-1 title Laptop theft')).text).not.toContain('Warning');
    const ok = await t.say('set BR-1 affected.FR 0');
    expect(ok.text).not.toContain('Warning');
    const imported = await t.say(`import ${JSON.stringify({ ...usHospitalFacts(), affected: { total: 10, byJurisdiction: { 'US-ZZ': 20 } } })}`);
    expect(imported.text).toContain('Warning: Affected residents: US-ZZ is not a US state');
    expect(imported.text).toContain('Warning: Residents counted per jurisdiction (20) exceed the total affected (10)');
  });
});

describe('replies quote what was recorded', () => {
  it('concurrent `set` replies each quote the change their own timeline entry holds', async () => {
    const t = world();
    const values = [100, 200, 300, 400, 500];
    const replies = await Promise.all(values.map((v) => t.say(`set BR-1 affected ${v}`)));
    const entries = (await t.store.get('BR-1'))!.timeline.filter((e) => e.action === 'fact.changed').map((e) => e.text);
    expect(entries).toHaveLength(values.length);
    for (const reply of replies) expect(entries.some((text) => reply.text.startsWith(`BR-1 ${text}.`)), reply.text).toBe(true);
    // The chain holds: each entry's old value is the previous entry's new value.
    const pairs = entries.map((text) => /: ([\d,]+) → ([\d,]+)$/.exec(text)!.slice(1));
    for (let i = 1; i < pairs.length; i++) expect(pairs[i]![0]).toBe(pairs[i - 1]![1]);
  });

  it('a refusal from the domain is a CommandRefusedError with a plain sentence', () => {
    const incident = makeIncident('BR-1', usHospitalFacts());
    const now = new Date('2025-04-22T15:00:00Z');
    const o = computeObligations(incident, loadRules(), now).find((x) => x.obligation === HIPAA)!;
    expect(o.status).toBe('overdue');
    expect(() => snooze({ obligation: HIPAA, untilMs: now.getTime() + 3_600_000, reason: 'x', by: 'Sam' }, { rules: loadRules(), now })(incident)).toThrow(CommandRefusedError);
  });
});
