// Outside tester: a member removed from an incident's response team must lose it, however their key was typed when they
// were added (an Entra object id in capitals and in small letters, `terminal:` and `cli:` are each one person).
import { describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const GUID = '4d3c2b1a-9f8e-4d7c-8b6a-5f4e3d2c1b0a';
const ADMIN = { actor: { id: 'U0ADMIN001', name: 'ada' }, platform: 'slack' as const };
const asTeams = (id: string) => ({ actor: { id, name: 'Tom' }, platform: 'teams' as const });

function start() {
  return createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())], { admins: ['slack:U0ADMIN001', 'terminal:ada'] });
}

describe('a removed member', () => {
  it('loses the incident when one add named them twice, in capitals and in small letters', async () => {
    const { bot, store } = start();
    const added = await bot.handle({ ...ADMIN, text: `member add BR-1 teams:${GUID.toUpperCase()} teams:${GUID}` });
    expect(added.outcome).toBe('ok');
    // One person, one entry.
    expect((await store.get('BR-1'))!.members.map((m) => m.key)).toEqual([`teams:${GUID.toUpperCase()}`]);
    expect((await bot.handle({ ...ADMIN, text: `member remove BR-1 teams:${GUID}` })).outcome).toBe('ok');
    const show = await bot.handle({ ...asTeams(GUID), text: 'show BR-1' });
    expect(show.outcome).toBe('refused');
    expect(show.text).toMatch(/BR-1 is restricted to its response team/);
    expect((await store.get('BR-1'))!.members).toEqual([]);
  });

  it('loses it when a record already holds them under two spellings of their key', async () => {
    const incident = makeIncident('BR-1', usHospitalFacts());
    const at = '2025-02-21T10:00:00.000Z';
    const { bot, store } = createTestBot('2025-03-01T12:00:00Z', [{
      ...incident,
      members: [{ key: 'terminal:dana', addedBy: 'slack:U0ADMIN001', addedAt: at }, { key: 'cli:dana', addedBy: 'slack:U0ADMIN001', addedAt: at }],
    }], { admins: ['slack:U0ADMIN001', 'terminal:ada'] });
    expect((await bot.handle({ ...ADMIN, text: 'member remove BR-1 cli:dana' })).outcome).toBe('ok');
    expect((await store.get('BR-1'))!.members).toEqual([]);
    const show = await bot.handle({ actor: { id: 'dana', name: 'dana' }, platform: 'terminal', text: 'show BR-1' });
    expect(show.outcome).toBe('refused');
  });
});
