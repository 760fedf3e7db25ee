// What people type in chat keeps its apostrophes: a quote mark inside a word (Vendor's, l’ARS) is not a quote, and a
// quote never closed is kept as typed. Before, both were dropped and the text stored was not what was said.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../commands/tokenize.ts';
import { createTestBot } from '../helpers/test-bot.ts';

describe('tokenize', () => {
  it('keeps apostrophes inside words, straight and typographic', () => {
    expect(tokenize("note Vendor's call, O'Brien's team")).toEqual(['note', "Vendor's", 'call,', "O'Brien's", 'team']);
    expect(tokenize('note Appel de l’ARS reçu')).toEqual(['note', 'Appel', 'de', 'l’ARS', 'reçu']);
  });

  it('still groups quoted words, with straight, smart or French quotes, and after =', () => {
    expect(tokenize('new "EHR vendor" --org \'Acme Health\' --tz “America/New_York”')).toEqual(['new', 'EHR vendor', '--org', 'Acme Health', '--tz', 'America/New_York']);
    expect(tokenize('set BR-1 org «Hôpital Nord»')).toEqual(['set', 'BR-1', 'org', 'Hôpital Nord']);
    expect(tokenize('snooze BR-1 X --reason="waiting for counsel"')).toEqual(['snooze', 'BR-1', 'X', '--reason=waiting for counsel']);
  });

  it('keeps a quote that is never closed as typed', () => {
    expect(tokenize("note 'tis the season")).toEqual(['note', "'tis", 'the', 'season']);
    expect(tokenize('note ’tis done')).toEqual(['note', '’tis', 'done']);
    // The first quote pairs with the next; the last, alone, is kept.
    expect(tokenize("note 'a b' and 'c")).toEqual(['note', 'a b', 'and', "'c"]);
  });
});

describe('a note typed in chat', () => {
  it('is stored with its apostrophes', async () => {
    const t = createTestBot('2025-02-21T09:00:00Z', []);
    const actor = { id: 'U1', name: 'Sam' };
    const opened = await t.bot.handle({ text: 'new Stolen account --discovered "2025-02-20 09:00" --org CH --role controller --country FR --tz Europe/Paris', actor, platform: 'slack' });
    const id = (opened.data as { id: string }).id;
    const noted = await t.bot.handle({ text: `log ${id} note Appel de l’ARS : le prestataire's rapport arrive`, actor, platform: 'slack' });
    expect(noted.outcome).toBe('ok');
    const texts = (await t.store.get(id))!.timeline.map((e) => e.text);
    expect(texts.some((x) => x.includes('Appel de l’ARS : le prestataire\'s rapport arrive'))).toBe(true);
  });
});
