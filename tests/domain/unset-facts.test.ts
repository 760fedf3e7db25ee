// Facts the engine reads that users can now set through `set` (key compromised, Part 2 program, NY DFS entity), and a
// time zone nobody gave: `new` marks it assumed, so day-counted clocks need facts until `set <id> tz <zone>`.
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../bot/model/incident-schema.ts';
import { createTestBot, makeIncident, usHospitalFacts, type TestBot } from '../helpers/test-bot.ts';

const ask = async (t: TestBot, text: string) => t.bot.handle({ text, actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack' });
const status = async (t: TestBot, id: string, obligation: string) => {
  const reply = await ask(t, `deadlines ${id} --json`);
  const list = JSON.parse(reply.text) as { obligation: string; status: string; dueDate: string | null; basis: string }[];
  return list.find((o) => o.obligation === obligation);
};

/** A bot like a deployment without BREACHDESK_TIMEZONE (UTC, assumed). */
const unconfigured = (now = '2025-03-01T12:00:00Z', incidents: Incident[] = []) =>
  createTestBot(now, incidents, { defaultTimezone: 'UTC', defaultTimezoneAssumed: true });

describe('a time zone nobody gave', () => {
  it('new without --tz marks the zone assumed, and its day-counted clocks need facts until set tz', async () => {
    const t = unconfigured();
    const opened = await ask(t, 'new "Stolen laptop" --discovered "2025-02-20T09:00-06:00" --affected 1200');
    expect(opened.text).toContain('No time zone was given (UTC assumed)');
    expect(opened.text).toContain('set BR-1 tz <zone>');
    expect((await t.store.get('BR-1'))!.organization).toMatchObject({ timezone: 'UTC', timezoneAssumed: true });
    await ask(t, 'set BR-1 phi yes');
    const before = await status(t, 'BR-1', 'US-HIPAA-164.404-INDIVIDUALS');
    expect(before).toMatchObject({ status: 'needs_facts' });
    expect(before!.basis).toContain('time zone was not given');

    const set = await ask(t, 'set BR-1 tz America/Chicago');
    expect(set.outcome).toBe('ok');
    // Typed with its offset, the discovery was 15:00 UTC: 09:00 CST in Chicago. The answer says how it now reads.
    expect(set.text).toMatch(/Times typed before without an offset were read in UTC: the discovery reads 2025-02-20 09:00 CST in America\/Chicago\./);
    const incident = (await t.store.get('BR-1'))!;
    expect(incident.organization).toMatchObject({ timezone: 'America/Chicago', timezoneAssumed: false });
    expect(incident.timeline.at(-1)!.changes).toEqual([
      { field: 'organization.timezone', from: 'UTC', to: 'America/Chicago' },
      { field: 'organization.timezoneAssumed', from: true, to: false },
    ]);
    // 45 CFR 164.404(b): 60 calendar days after discovery on 2025-02-20: Feb 28 is day 8, Mar 31 day 39, Apr 21 day 60.
    expect(await status(t, 'BR-1', 'US-HIPAA-164.404-INDIVIDUALS')).toMatchObject({ status: 'pending', dueDate: '2025-04-21' });
  });

  it('set tz UTC confirms UTC on purpose (stored Etc/UTC), even though it names the assumed zone', async () => {
    const t = unconfigured();
    await ask(t, 'new "Stolen laptop" --discovered "2025-02-20T09:00-06:00" --affected 1200');
    await ask(t, 'set BR-1 phi yes');
    const set = await ask(t, 'set BR-1 tz UTC');
    expect(set.text).toContain('was assumed, now given');
    expect(set.text).not.toContain('Times typed before');
    expect((await t.store.get('BR-1'))!.organization).toMatchObject({ timezone: 'Etc/UTC', timezoneAssumed: false });
    expect(await status(t, 'BR-1', 'US-HIPAA-164.404-INDIVIDUALS')).toMatchObject({ status: 'pending', dueDate: '2025-04-21' });
    expect((await ask(t, 'set BR-1 tz Etc/UTC')).text).toContain('nothing changed');
  });

  it('is not assumed when --tz is given, nor when BREACHDESK_TIMEZONE is configured', async () => {
    const t = unconfigured();
    await ask(t, 'new "Phishing" --tz America/Denver --discovered "2025-02-20 09:00" --affected 10');
    expect((await t.store.get('BR-1'))!.organization).toMatchObject({ timezone: 'America/Denver', timezoneAssumed: false });
    const configured = createTestBot('2025-03-01T12:00:00Z', [], { defaultTimezone: 'America/New_York' });
    await ask(configured, 'new "Phishing" --discovered "2025-02-20 09:00" --affected 10');
    expect((await configured.store.get('BR-1'))!.organization).toMatchObject({ timezone: 'America/New_York', timezoneAssumed: false });
  });
});

describe('set for facts the engine reads', () => {
  it('keyCompromised: encrypted data whose key was taken too is unsecured PHI again', async () => {
    const t = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts({ dataEncrypted: true }))]);
    // 45 CFR 164.402: encrypted per HHS guidance is secured PHI, no breach notice, unless the key was taken too; while
    // nobody has said whether it was, the notice needs that fact (never assumed either way).
    expect(await status(t, 'BR-1', 'US-HIPAA-164.404-INDIVIDUALS')).toMatchObject({ status: 'needs_facts' });
    expect((await ask(t, 'set BR-1 key-compromised yes')).text).toContain('encryption key compromised: (none) → yes');
    expect((await t.store.get('BR-1'))!.keyCompromised).toBe(true);
    expect(await status(t, 'BR-1', 'US-HIPAA-164.404-INDIVIDUALS')).toMatchObject({ status: 'pending', dueDate: '2025-04-21' });
    await ask(t, 'set BR-1 key-compromised no');
    expect(await status(t, 'BR-1', 'US-HIPAA-164.404-INDIVIDUALS')).toMatchObject({ status: 'not_applicable' });
    await ask(t, 'set BR-1 keyCompromised unknown');
    expect((await t.store.get('BR-1'))!.keyCompromised).toBeNull();
    expect(await status(t, 'BR-1', 'US-HIPAA-164.404-INDIVIDUALS')).toMatchObject({ status: 'needs_facts' });
  });

  it('organization.part2Program: a Part 2 program owes the 42 CFR 2.16 notices; unknown goes back to inferring', async () => {
    // Discovered after the amended 2.16's compliance date (2026-02-16).
    // The data breached are recorded (no data categories at all would leave the question open: needs facts).
    const facts = usHospitalFacts({ discoveredAt: '2026-03-02T09:00:00-06:00', dataCategories: ['name', 'diagnosis'] });
    const t = createTestBot('2026-03-03T12:00:00Z', [makeIncident('BR-1', facts)]);
    // Not a Part 2 program as far as anyone said, and no SUD records among the data breached: the notice is left out.
    expect(await status(t, 'BR-1', 'US-42CFR2-2.16-INDIVIDUALS')).toBeUndefined();
    await ask(t, 'set BR-1 part2 yes');
    expect((await t.store.get('BR-1'))!.organization.part2Program).toBe(true);
    // 60 calendar days after discovery on 2026-03-02: Mar 31 is day 29, Apr 30 day 59, May 1 day 60.
    expect(await status(t, 'BR-1', 'US-42CFR2-2.16-INDIVIDUALS')).toMatchObject({ status: 'pending', dueDate: '2026-05-01' });
    expect(await status(t, 'BR-1', 'US-42CFR2-2.16-HHS')).toMatchObject({ status: 'pending' });
    await ask(t, 'set BR-1 part2 unknown');
    expect((await t.store.get('BR-1'))!.organization.part2Program).toBeNull();
    expect(await status(t, 'BR-1', 'US-42CFR2-2.16-INDIVIDUALS')).toBeUndefined();
  });

  it('organization.nyDfsEntity: DFS becomes a New York recipient', async () => {
    const facts = usHospitalFacts({ affected: { total: 1200, byJurisdiction: { 'US-NY': 1200 } } });
    const t = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', { ...facts, organization: { ...facts.organization, nyDfsEntity: false } })]);
    const before = await status(t, 'BR-1', 'US-NY-BREACH:regulator');
    expect(before).toMatchObject({ status: 'not_applicable' });
    expect(before!.basis).toContain('not a DFS-covered entity');
    await ask(t, 'set BR-1 nydfs yes');
    expect((await t.store.get('BR-1'))!.organization.nyDfsEntity).toBe(true);
    expect((await status(t, 'BR-1', 'US-NY-BREACH:regulator'))!.status).not.toBe('not_applicable');
    expect((await ask(t, 'set BR-1 nydfs maybe')).text).toContain('"maybe" is not yes or no');
  });

  it('help set lists the new fields', async () => {
    const t = createTestBot();
    const help = (await ask(t, 'help set')).text;
    for (const field of ['keyCompromised', 'organization.part2Program', 'organization.nyDfsEntity']) expect(help).toContain(field);
  });
});
