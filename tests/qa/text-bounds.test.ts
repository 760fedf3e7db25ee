// Outside tester: free text typed in chat was bounded for notes, titles and names but not for snooze reasons, the
// four risk-assessment answers or member keys: 5,000 characters went into the record. Now each is named and refused.
import { describe, expect, it } from 'vitest';
import { withoutAccessLog } from '../helpers/access-attempts.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const SAM = { id: 'U0SAM00001', name: 'Sam' };
const long = 'a'.repeat(5001);

describe('over-long free text in commands', () => {
  it.each([
    [`snooze BR-1 US-HIPAA-164.404-INDIVIDUALS --for 1d --reason ${long}`, '--reason is 5,001 characters; the limit is 1,000.'],
    [`assess BR-1 --nature ${long} --person p --acquired a --mitigation m --conclusion breach`, '--nature is 5,001 characters; the limit is 2,000.'],
    [`assess BR-1 --nature n --person p --acquired a --mitigation ${long} --conclusion low`, '--mitigation is 5,001 characters; the limit is 2,000.'],
    [`member add BR-1 slack:${long}`, 'Cannot tell who "slack:aaaa'],
  ])('refuses %#, names the limit, shows no more than a start of the text, and changes nothing', async (text, message) => {
    const t = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())]);
    // Unchanged but for the access log, where the refusal is recorded (tests/qa/refused-change-logged.test.ts).
    const before = withoutAccessLog(JSON.stringify(await t.store.list()));
    const reply = await t.bot.handle({ text, actor: SAM, platform: 'slack' });
    expect(reply.outcome).toBe('usage');
    expect(reply.text).toContain(message);
    expect(reply.text).toContain('Usage:');
    expect(reply.text).not.toContain('a'.repeat(100));
    expect(withoutAccessLog(JSON.stringify(await t.store.list()))).toEqual(before);
  });

  it('still takes a reason at the limit', async () => {
    const t = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())]);
    const reply = await t.bot.handle({ text: `snooze BR-1 US-HIPAA-164.404-INDIVIDUALS --for 1d --reason ${'r'.repeat(1000)}`, actor: SAM, platform: 'slack' });
    expect(reply.outcome).toBe('ok');
  });
});

describe('over-long wrong values in set', () => {
  it('quotes only the start of the value', async () => {
    const t = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())]);
    const reply = await t.bot.handle({ text: `set BR-1 timezone ${long}`, actor: SAM, platform: 'slack' });
    expect(reply.outcome).toBe('usage');
    expect(reply.text).toMatch(/^The value "a{80}…": unknown IANA time zone/);
  });
});

describe('deadlines --only with unquoted words', () => {
  it('reads every word after --only (it kept only the first and answered "texas matches several")', async () => {
    const facts = usHospitalFacts({ affected: { total: 1200, byJurisdiction: { 'US-TX': 1200 } } });
    const t = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', facts)]);
    const reply = await t.bot.handle({ text: 'deadlines BR-1 --only texas attorney', actor: SAM, platform: 'slack' });
    expect(reply.outcome).toBe('ok');
    expect(reply.text).toContain('US-TX-BREACH:attorney_general');
    expect(reply.text).not.toMatch(/matches several/);
  });
});
