// A local time the clocks show twice (the night daylight saving ends) is asked about, never guessed: which of the two
// is meant moves every hour-counted clock (GDPR's 72 hours) by an hour.
import { describe, expect, it } from 'vitest';
import { readInstant } from '../../commands/instants.ts';
import { createTestBot, makeIncident } from '../helpers/test-bot.ts';

describe('a local time in the hour clocks go back', () => {
  it('is refused with both readings as offsets (US: first Sunday of November)', () => {
    // 2025-11-02 in Chicago: at 02:00 CDT (-05:00) clocks go back to 01:00 CST (-06:00), so 01:30 happens at
    // 01:30-05:00 (06:30 UTC) and again at 01:30-06:00 (07:30 UTC).
    expect(() => readInstant('2025-11-02 01:30', 'America/Chicago')).toThrow(
      '"2025-11-02 01:30" happens twice in America/Chicago (clocks go back that night); give its offset: 2025-11-02T01:30:00-05:00 (the first time) or 2025-11-02T01:30:00-06:00 (the second).',
    );
  });

  it('is refused in Europe too (last Sunday of October), in French for a French reader', () => {
    // 2025-10-26 in Paris: at 03:00 CEST (+02:00) clocks go back to 02:00 CET (+01:00): 02:15 happens twice.
    expect(() => readInstant('26/10/2025 02:15', 'Europe/Paris', 'fr')).toThrow(/happens twice in Europe\/Paris.*2025-10-26T02:15:00\+02:00 \(the first time\) or 2025-10-26T02:15:00\+01:00/);
  });

  it('leaves the hours around it, the spring gap and explicit offsets as they were', () => {
    expect(readInstant('2025-11-02 00:59', 'America/Chicago')).toBe('2025-11-02T00:59:00-05:00');
    expect(readInstant('2025-11-02 02:00', 'America/Chicago')).toBe('2025-11-02T02:00:00-06:00');
    expect(readInstant('2025-11-02T01:30:00-06:00', 'America/Chicago')).toBe('2025-11-02T01:30:00-06:00');
    expect(() => readInstant('2025-03-09 02:30', 'America/Chicago')).toThrow(/does not exist in America\/Chicago/);
  });

  it('changes nothing when typed in a command: the reader gets the question, in French for a French reader', async () => {
    const fr = makeIncident('BR-2', {
      title: 'Compte à privilèges volé',
      organization: { name: 'Groupe hospitalier Exemple', role: 'controller', country: 'FR', timezone: 'Europe/Paris', frHealthEstablishment: true },
      discoveredAt: '2025-10-25T09:00:00+02:00',
      affected: { total: 1200, byJurisdiction: { FR: 1200 } },
    }, '2025-10-25T08:00:00Z');
    const t = createTestBot('2025-10-27T09:00:00Z', [fr]);
    // A usage problem is answered in the asker's language (`lang fr`), like every argument message.
    await t.bot.handle({ text: 'lang fr', actor: { id: 'U1', name: 'Sam' }, platform: 'slack' });
    const reply = await t.bot.handle({ text: 'set BR-2 discovered "26/10/2025 02:15"', actor: { id: 'U1', name: 'Sam' }, platform: 'slack' });
    expect(reply.outcome).not.toBe('ok');
    expect(reply.text).toContain('«\u00a026/10/2025 02:15\u00a0» existe deux fois dans le fuseau Europe/Paris');
    expect((await t.store.get('BR-2'))!.discoveredAt).toBe('2025-10-25T09:00:00+02:00');
  });
});
