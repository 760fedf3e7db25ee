// Outside tester: `verify-export` is open to anyone in chat and reads pasted JSON. Exports whose record-keeping fields
// have the wrong shape must be refused in one sentence, not fail "unexpectedly" with a TypeError in the server log.
import { describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const ANYONE = { actor: { id: 'U0ANYONE01', name: 'any' }, platform: 'slack' as const };
const HEAD = { format: 'breachdesk-incident', formatVersion: 2, id: 'BR-1' };

describe('verify-export with a malformed export', () => {
  it('names what cannot be read, for each shape, and logs no error', async () => {
    const { bot, logger } = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())]);
    const cases: [unknown, RegExp][] = [
      [{ ...HEAD, timeline: [null, 1, 'x'] }, /timeline entry 1 is not an entry/],
      [{ format: 'breachdesk-incident', formatVersion: 2, signature: { algorithm: 'x' } }, /"id" is not an incident id/],
      [{ ...HEAD }, /"timeline" is not a list/],
      [{ ...HEAD, timeline: [], accessLog: [{}, []] }, /accessLog entry 2 is not an entry/],
      [{ ...HEAD, timeline: [], chain: { head: 'x', lists: { other: null } } }, /"chain" is not a chain record breachdesk wrote/],
      [{ ...HEAD, timeline: [], chain: { head: 'x', lists: {}, seal: null } }, /"chain" is not a chain record breachdesk wrote/],
    ];
    for (const [document, said] of cases) {
      const reply = await bot.handle({ ...ANYONE, text: `verify-export ${JSON.stringify(document)}` });
      expect(reply.outcome).toBe('refused');
      expect(reply.text).toMatch(/^This export cannot be checked: /);
      expect(reply.text).toMatch(said);
    }
    // A pasted JSON list is JSON, not a file name.
    expect((await bot.handle({ ...ANYONE, text: 'verify-export [1,2]' })).text).toMatch(/not a breachdesk JSON export/);
    expect(logger.lines.filter((l) => l.startsWith('error'))).toEqual([]);
  });
});
