// Outside tester: a member's read whose handler refuses (an obligation name matching none or several) still answers
// with the incident's notices ("did you mean: …"). Like every read of its details, it must be in the access log.
import { describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const ADMIN = { actor: { id: 'U0ADMIN001', name: 'ada' }, platform: 'slack' as const, channel: { platform: 'slack' as const, id: 'C0INC00001', name: 'incident' } };

describe('a read refused by its handler', () => {
  it('is recorded in the access log with who, platform, channel and when, before the answer', async () => {
    const { bot, store } = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())], { admins: ['slack:U0ADMIN001'] });
    const none = await bot.handle({ ...ADMIN, text: 'deadlines BR-1 --only zzz' });
    expect(none.text).toMatch(/BR-1 has no notice matching "zzz"\. Did you mean: US-/);
    const several = await bot.handle({ ...ADMIN, text: 'draft BR-1 hipaa' });
    expect(several.text).toMatch(/"hipaa" matches several notices of BR-1/);
    expect((await store.get('BR-1'))!.accessLog).toEqual([
      expect.objectContaining({ kind: 'read', command: 'deadlines', at: '2025-03-01T12:00:00.000Z', actor: { id: 'U0ADMIN001', name: 'ada', platform: 'slack' }, channel: { platform: 'slack', id: 'C0INC00001', name: 'incident' } }),
      expect.objectContaining({ kind: 'read', command: 'draft', actor: expect.objectContaining({ id: 'U0ADMIN001' }) }),
    ]);
  });

  it('is not logged for an incident that does not exist, and still answers that', async () => {
    const { bot } = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())], { admins: ['slack:U0ADMIN001'] });
    expect((await bot.handle({ ...ADMIN, text: 'draft BR-9 hipaa' })).text).toMatch(/No incident BR-9/);
  });
});
