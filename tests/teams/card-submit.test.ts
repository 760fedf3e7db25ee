// Card clicks back to command text, including reasons that must survive the core's tokenizer intact.
import { describe, expect, it } from 'vitest';
import { commandFromSubmit, quoteArgument } from '../../adapters/teams/card-submit.ts';
import { tokenize } from '../../commands/tokenize.ts';

describe('commandFromSubmit', () => {
  it.each([
    [{ breachdesk: 'show BR-1' }, 'show BR-1'],
    [{ breachdesk: '  deadlines BR-2 ' }, 'deadlines BR-2'],
    [{ breachdesk: 'snooze BR-1 X', breachdeskReasonInput: 'r1', r1: 'waiting for vendor' }, 'snooze BR-1 X --reason="waiting for vendor"'],
    [{ breachdesk: 'snooze BR-1 X', breachdeskReasonInput: 'r1', r1: '   ' }, 'snooze BR-1 X'],
    [{ breachdesk: 'snooze BR-1 X', breachdeskReasonInput: 'r1' }, 'snooze BR-1 X'],
    [{ breachdesk: 'snooze BR-1 X', breachdeskReasonInput: 'r2', r1: 'other card', r2: 'line\nbreak' }, 'snooze BR-1 X --reason="line break"'],
  ])('%j → %s', (value, expected) => {
    expect(commandFromSubmit(value)).toBe(expected);
  });

  it.each([undefined, null, 'show BR-1', [], {}, { breachdesk: '' }, { breachdesk: 42 }, { other: 'x' }, { breachdesk: 'x'.repeat(3_000) }])(
    'ignores %j',
    (value) => {
      expect(commandFromSubmit(value)).toBeUndefined();
    },
  );
});

describe('quoteArgument', () => {
  it.each(['plain words', 'say "hi"', `it's "quoted"`, `all "three' »kinds`, `all "four' »kinds’`, '«already» guillemets', ''])(
    'keeps %j as one argument through tokenize',
    (reason) => {
      const tokens = tokenize(`snooze BR-1 X --reason ${quoteArgument(reason)}`);
      expect(tokens).toHaveLength(5);
      expect(tokens[4]).toBe(reason.includes('"') && reason.includes("'") && reason.includes('»') && reason.includes('’') ? reason.replace(/»/g, '>') : reason);
    },
  );
});
