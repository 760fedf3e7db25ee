// `set` on a French organization quotes instants as French readers write them, not as stored ISO text.
import { describe, expect, it } from 'vitest';
import { createTestBot } from '../helpers/test-bot.ts';
import { makeIncident } from '../helpers/incidents.ts';

const FR_HOSPITAL = makeIncident('BR-2', {
  title: 'Compte à privilèges volé',
  organization: { name: 'Groupe hospitalier Exemple', role: 'controller', country: 'FR', timezone: 'Europe/Paris', frHealthEstablishment: true },
  discoveredAt: '2025-02-20T09:00:00+01:00',
  affected: { total: 758912, byJurisdiction: { FR: 758912 } },
}, '2025-02-20T08:30:00Z');

describe('set discovered on a French organization', () => {
  it('says the old and new discovery time as 20/02/2025 09:00 CET', async () => {
    const t = createTestBot('2025-02-21T09:00:00Z', [FR_HOSPITAL]);
    const reply = await t.bot.handle({ text: 'set BR-2 discovered "19/02/2025 22:15"', actor: { id: 'U1', name: 'Sam' }, platform: 'slack' });
    expect(reply.outcome).toBe('ok');
    // 19/02/2025 22:15 in Paris is winter time (CET, UTC+1).
    expect(reply.text).toContain('20/02/2025 09:00 CET → 19/02/2025 22:15 CET');
    expect(reply.text).not.toContain('T09:00:00');
  });
});
