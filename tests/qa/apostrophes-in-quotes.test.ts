// An apostrophe inside a word that sits in a quoted group (`'it's done'`, `‘l’ARS a appelé’`) closed the group: the
// reason `--reason 'vendor's call' --for 1d` was stored as "vendors" and "call'" became a stray word; `'Vendor's report`
// was stored as "Vendors report". A closing quote mark followed by a letter is an apostrophe.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../commands/tokenize.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

describe('an apostrophe inside a quoted group', () => {
  it.each([
    [`log BR-1 'it's done' now`, ['log', 'BR-1', "it's done", 'now']],
    [`log BR-1 ‘l’ARS a appelé’`, ['log', 'BR-1', 'l’ARS a appelé']],
    [`log BR-1 'Vendor's report`, ['log', 'BR-1', "'Vendor's", 'report']],
    [`log BR-1 'a'b`, ['log', 'BR-1', "'a'b"]],
    [`log BR-1 'quoted' text`, ['log', 'BR-1', 'quoted', 'text']],
    [`log BR-1 "say 'hi'" ok`, ['log', 'BR-1', "say 'hi'", 'ok']],
  ])('%s', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it('keeps a reason with an apostrophe whole, and the options after it', async () => {
    const t = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())]);
    const reply = await t.bot.handle({ text: "snooze BR-1 US-HIPAA-164.404-INDIVIDUALS --reason 'vendor's call' --for 1d", actor: { id: 'U1', name: 'Sam' }, platform: 'slack' });
    expect(reply.outcome).toBe('ok');
    expect((await t.store.get('BR-1'))!.snoozes.map((s) => s.reason)).toEqual(["vendor's call"]);
  });
});
