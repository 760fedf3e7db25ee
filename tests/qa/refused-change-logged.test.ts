// Outside tester: a change refused by its handler on an incident the asker may see ("done BR-1 zzz", whose "did you
// mean" lists the incident's notices; a notice already recorded as sent) left no access-log entry. Every refusal is logged.
import { describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const ADMIN = { actor: { id: 'U0ADMIN001', name: 'ada' }, platform: 'slack' as const, channel: { platform: 'slack' as const, id: 'C0INC00001', name: 'incident' } };
const O = 'US-HIPAA-164.404-INDIVIDUALS';

describe('a change refused by its handler', () => {
  it('is recorded in the access log as a refusal, with who, platform, channel, when and why', async () => {
    const { bot, store, clock } = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())], { admins: ['slack:U0ADMIN001'] });
    const none = await bot.handle({ ...ADMIN, text: 'done BR-1 zzz' });
    expect(none.text).toMatch(/BR-1 has no notice matching "zzz"\. Did you mean: US-/);
    expect((await bot.handle({ ...ADMIN, text: `done BR-1 ${O}` })).outcome).toBe('ok');
    clock.set('2025-03-01T12:05:00Z');
    const again = await bot.handle({ ...ADMIN, text: `done BR-1 ${O}` });
    expect(again.text).toMatch(/already recorded as sent/);
    const log = (await store.get('BR-1'))!.accessLog;
    expect(log).toEqual([
      expect.objectContaining({ kind: 'refused', command: 'done', at: '2025-03-01T12:00:00.000Z', actor: { id: 'U0ADMIN001', name: 'ada', platform: 'slack' }, channel: { platform: 'slack', id: 'C0INC00001', name: 'incident' }, reason: expect.stringContaining('no notice matching "zzz"') }),
      expect.objectContaining({ kind: 'refused', command: 'done', reason: expect.stringContaining(`${O} is already recorded as sent`) }),
    ]);
  });

  it('keeps no patient identifier typed where no free text is guarded (the reason quotes the words)', async () => {
    const { bot, store } = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())], { admins: ['slack:U0ADMIN001'] });
    expect((await bot.handle({ ...ADMIN, text: 'done BR-1 512-44-7788' })).outcome).not.toBe('ok');
    const [entry] = (await store.get('BR-1'))!.accessLog;
    expect(entry).toMatchObject({ kind: 'refused', command: 'done', reason: expect.stringContaining('[redacted') });
    expect(JSON.stringify(entry)).not.toContain('512-44-7788');
  });

  it('is not logged for an incident that does not exist, and still answers that', async () => {
    const { bot } = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())], { admins: ['slack:U0ADMIN001'] });
    expect((await bot.handle({ ...ADMIN, text: 'done BR-9 zzz' })).text).toMatch(/No incident BR-9/);
  });
});
