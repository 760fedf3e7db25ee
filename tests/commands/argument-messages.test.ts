// Every argument error names the real problem in a plain sentence; no raw zod or parseArgs text reaches a user.
import { describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const RAW = /Invalid input|Invalid option|Invalid string|Too big|Too small|expected one of|received NaN|argument is ambiguous|To specify an option/;

const CASES: Array<[string, string]> = [
  [`log BR-1 ${'a'.repeat(4001)}`, 'The note is 4,001 characters; the limit is 4,000.'],
  ['log BR-1', 'Missing note text.'],
  [`new ${'t'.repeat(201)}`, '<title> is 201 characters; the limit is 200.'],
  ['new Laptop --affected lots', '"lots" is not a count: give a whole number'],
  ['new Laptop --affected 2.5', '"2.5" is not a whole number'],
  ['new Laptop --affected -5', '"-5" is negative: a count of people is a whole number of 0 or more.'],
  ['new Laptop --role hospital', '"hospital" is not a valid --role: use one of covered_entity, business_associate, controller, processor, phr_vendor.'],
  ['list --status open', '"open" is not a valid --status: use one of triage, investigating, notifying, monitoring, closed.'],
  ['set BR-1 status open', 'The value "open" is not one of: triage, investigating, notifying, monitoring, closed.'],
  ['set BR-1 affected -3', '-3 is a negative number; counts and durations cannot be negative.'],
  ['set BR-1 affected many', '"many" is not a count: give a whole number'],
  [`set BR-1 title ${'x'.repeat(201)}`, 'The value is 201 characters; the limit is 200.'],
  [`new Laptop --org ${'o'.repeat(201)}`, '--org is 201 characters; the limit is 200.'],
  ['export BR-1 --format', 'Option --format needs a value.'],
  ['due --within soon', '--within: expected a period like 7d, 48h or 2w'],
];

describe('argument errors', () => {
  const t = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())]);
  const say = (text: string) => t.bot.handle({ text, actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack', channel: { platform: 'slack', id: 'C1' } });

  it.each(CASES.map(([command, sentence]) => ({ command, sentence, label: command.length > 60 ? `${command.slice(0, 40)}… (${command.length} characters)` : command })))('$label', async ({ command, sentence }) => {
    const reply = await say(command);
    expect(reply.outcome).not.toBe('ok');
    expect(reply.text).toContain(sentence);
    expect(reply.text).not.toMatch(RAW);
  });
});
