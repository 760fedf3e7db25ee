// Instants outside a sane range are refused in plain words; years are kept as typed; a stored year-9999 record is reported, not fatal.
import { describe, expect, it } from 'vitest';
import { readInstant } from '../../commands/instants.ts';
import { withoutAccessLog } from '../helpers/access-attempts.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { channel, createWorld, smallUsIncident } from '../scheduler/helpers.ts';

const NOW = '2025-03-01T12:00:00Z';

function world(incidents = [makeIncident('BR-1', usHospitalFacts())]) {
  const t = createTestBot(NOW, incidents);
  const say = (text: string) => t.bot.handle({ text, actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack', channel: { platform: 'slack', id: 'C1' } });
  return { ...t, say };
}

describe('the sane range of instants', () => {
  it.each([
    ['new Laptop --discovered 9999-12-31', 'is in the year 9999, more than 5 years after today (2025-03-01)'],
    ['new Laptop --discovered "0025-03-01 10:00"', 'is in the year 0025, before 1970'],
    ['new Laptop --discovered 1969-12-31T23:59:59Z', 'is in the year 1969, before 1970'],
    ['set BR-1 discovered 2030-03-02', 'is in the year 2030, more than 5 years after today'],
    ['set BR-1 vendor.discoveredAt 1900-01-01', 'is in the year 1900, before 1970'],
    ['delay BR-1 --written --agency FBI --official "SAC Roe" --until 9999-01-01', 'is in the year 9999'],
  ])('%s is refused and changes nothing', async (command, words) => {
    const t = world();
    // Unchanged but for the access log, where the refusal is recorded (tests/qa/refused-change-logged.test.ts).
    const before = withoutAccessLog(JSON.stringify(await t.store.list()));
    const reply = await t.say(command);
    expect(reply.outcome).not.toBe('ok');
    expect(reply.text).toContain(words);
    expect(withoutAccessLog(JSON.stringify(await t.store.list()))).toEqual(before);
  });

  it('accepts the edges: 1970 and five years ahead', async () => {
    const t = world();
    expect((await t.say('set BR-1 occurredFrom 1970-01-01T00:00:00Z')).outcome).toBe('ok');
    expect((await t.say('set BR-1 materiality 2030-03-01T12:00:00Z')).outcome).toBe('ok');
  });

  it('refuses an import whose dates are out of range', async () => {
    const t = world();
    const reply = await t.say(`import ${JSON.stringify({ ...usHospitalFacts(), discoveredAt: '9999-12-31T00:00:00Z' })}`);
    expect(reply.outcome).toBe('refused');
    expect(reply.text).toContain('The incident was not opened: discovery time (discoveredAt) 9999-12-31T00:00:00Z is in the year 9999');
    expect(await t.store.ids()).toEqual(['BR-1']);
  });

  it.each([
    ['2025-13-01 09:00', 'en'],
    ['2025-00-15 09:00', 'en'],
    ['2025-02-20 24:00', 'en'],
    ['2025-02-20 09:60', 'en'],
    ['2025-02-20 09:00:75', 'en'],
    ['2025-02-30 09:00', 'en'],
    // A US-style 13 January typed for a French organization: day 01 of month 13, not 2026-01-01.
    ['01/13/2025 09:00', 'fr'],
  ] as const)('refuses %s as a date that does not exist, instead of rolling it over', (typed, lang) => {
    expect(() => readInstant(typed, 'America/Chicago', lang)).toThrow(/does not exist in America\/Chicago \(a daylight-saving gap or an invalid date\)/);
  });

  it('keeps four-digit years as typed (0025 is not 1925)', () => {
    expect(readInstant('0025-03-01 10:00', 'UTC')).toBe('0025-03-01T10:00:00+00:00');
    expect(readInstant('0099-12-31', 'UTC')).toBe('0099-12-31T00:00:00+00:00');
  });
});

describe('a record stored with year 9999 (before the range check)', () => {
  const broken = () => ({ ...makeIncident('BR-2', usHospitalFacts({ title: 'Typo', discoveredAt: '9999-12-31T00:00:00Z' })), channels: [channel('slack', 'C2')] });

  it('is named by `due`, which still lists the others', async () => {
    const t = world([makeIncident('BR-1', usHospitalFacts()), broken()]);
    t.clock.set('2025-04-15T12:00:00Z');
    const reply = await t.say('due');
    expect(reply.outcome).toBe('ok');
    expect(reply.text).toMatch(/^BR-1 · 🟠 due soon · each affected individual .*`done BR-1 US-HIPAA-164.404-INDIVIDUALS`$/m);
    expect(reply.text).toContain('BR-2: its deadlines cannot be computed: discovery time (discoveredAt) 9999-12-31T00:00:00Z is in the year 9999');
    const deadlines = await t.say('deadlines BR-2');
    expect(deadlines).toMatchObject({ outcome: 'refused' });
    expect(deadlines.text).toContain("BR-2's deadlines cannot be computed");
  });

  it('is named in the portfolio digest, which still goes out', async () => {
    const portfolioChannel = { platform: 'slack' as const, id: 'C-PRIV' };
    const w = createWorld('2025-04-15T13:30:00Z', [smallUsIncident(), broken()], { digest: { localTime: '08:30', portfolioChannel } });
    await w.tickAt('2025-04-15T13:30:00Z');
    const digest = w.notifier.posts.find((p) => p.target.id === 'C-PRIV');
    expect(digest?.reply.text).toContain('BR-2 · deadlines cannot be computed');
    expect(digest?.reply.text).toContain('BR-1 · each affected individual');
  });
});

describe('an imported notice', () => {
  it.each([
    ['before discovery', '2024-12-20T10:00:00-06:00', 'before the discovery (2025-02-20T09:00:00-06:00); a notice cannot precede discovery'],
    ['in the future', '2025-03-05T10:00:00-06:00', 'which is in the future'],
  ])('%s is refused and nothing is created', async (_what, sentAt, words) => {
    const t = world();
    const reply = await t.say(`import ${JSON.stringify({ ...usHospitalFacts(), notices: [{ obligation: 'US-HIPAA-164.404-INDIVIDUALS', sentAt }] })}`);
    expect(reply.outcome).toBe('refused');
    expect(reply.text).toContain(words);
    expect(await t.store.ids()).toEqual(['BR-1']);
  });

  it('refuses `summary` and `export` of a year-9999 record with the reason instead of failing', async () => {
    const t = world([{ ...makeIncident('BR-2', usHospitalFacts({ discoveredAt: '9999-12-31T00:00:00Z' })) }]);
    for (const command of ['summary BR-2', 'export BR-2 --format md', 'snooze BR-2 US-HIPAA-164.404-INDIVIDUALS --for 1h --reason x']) {
      const reply = await t.say(command);
      expect(reply.outcome, command).toBe('refused');
      expect(reply.text, command).toContain("BR-2's deadlines cannot be computed: discovery time (discoveredAt) 9999-12-31T00:00:00Z is in the year 9999");
    }
  });
});
