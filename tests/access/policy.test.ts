// Who is who and who may do what: user references, the local default, role holders as members, channel warnings.
import { describe, expect, it } from 'vitest';
import { actorKey, keysMatch, parseUserReference } from '../../bot/access/actor-key.ts';
import { canOpen, canRead, isAdmin, parseActorList, publicChannelWarning, responseTeam } from '../../bot/access/policy.ts';
import { makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

describe('user references', () => {
  it.each([
    ['<@U0123ABCD>', 'slack', 'slack:U0123ABCD'],
    ['<@U0123ABCD|dana.smith>', 'teams', 'slack:U0123ABCD'],
    ['slack:U0123ABCD', 'teams', 'slack:U0123ABCD'],
    ['teams:6F1C2D3E-4B5A-4C7D-8E9F-A0B1C2D3E4F5', 'slack', 'teams:6F1C2D3E-4B5A-4C7D-8E9F-A0B1C2D3E4F5'],
    ['6F1C2D3E-4B5A-4C7D-8E9F-A0B1C2D3E4F5', 'teams', 'teams:6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5'],
    ['U0123ABCD', 'slack', 'slack:U0123ABCD'],
    ['dana', 'cli', 'cli:dana'],
    ['@dana', 'terminal', 'terminal:dana'],
    ['Dana (CISO)', 'slack', undefined],
    ['@Dana', 'teams', undefined],
  ] as const)('%s from %s is %s', (text, platform, key) => {
    expect(parseUserReference(text, platform)).toBe(key);
  });

  it('treats terminal and CLI as the same local user, and Entra ids case-insensitively', () => {
    expect(keysMatch('terminal:dana', 'cli:dana')).toBe(true);
    expect(keysMatch('teams:6F1C2D3E-4B5A-4C7D-8E9F-A0B1C2D3E4F5', 'teams:6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5')).toBe(true);
    expect(keysMatch('slack:U1', 'teams:U1')).toBe(false);
  });
});

describe('access settings', () => {
  it('reads BREACHDESK_ADMINS with bare names as local users and names the bad entries', () => {
    expect(parseActorList('slack:U1, teams:abc ,alice')).toEqual({ keys: ['slack:U1', 'teams:abc', 'terminal:alice'], problems: [] });
    expect(parseActorList('slack:U1, two words').problems).toEqual(['"two words" is not slack:<user id>, teams:<AAD object id> or a local user name']);
  });

  it('makes every local user an admin until local admins are named', () => {
    expect(isAdmin('cli:anyone', { admins: ['slack:U1'], openers: [] })).toBe(true);
    expect(isAdmin('cli:anyone', { admins: ['terminal:alice'], openers: [] })).toBe(false);
    expect(isAdmin('cli:alice', { admins: ['terminal:alice'], openers: [] })).toBe(true);
    expect(isAdmin('slack:U2', { admins: ['slack:U1'], openers: [] })).toBe(false);
  });

  it('lets anyone open when BREACHDESK_OPENERS is empty, else only the named and admins', () => {
    expect(canOpen('slack:U9', { admins: [], openers: [] })).toBe(true);
    expect(canOpen('slack:U9', { admins: ['slack:U1'], openers: ['slack:U2'] })).toBe(false);
    expect(canOpen('slack:U1', { admins: ['slack:U1'], openers: ['slack:U2'] })).toBe(true);
  });
});

describe('the response team', () => {
  const incident = {
    ...makeIncident('BR-3', usHospitalFacts({ roles: { commander: '<@U0COMMAND1>', privacyOfficer: 'Sam (Privacy Officer)', legal: 'teams:0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d' } })),
    timeline: [{ at: '2025-02-20T15:00:00.000Z', actor: { id: 'U0OPENER1', name: 'olga', platform: 'slack' as const }, action: 'incident.opened', text: 'Opened' }],
    members: [{ key: 'slack:U0MEMBER01', addedBy: 'slack:U0OPENER1', addedAt: '2025-02-21T10:00:00Z' }],
  };
  const none = { admins: [], openers: [] };

  it('is the opener, the roles given as user references and the added members', () => {
    const team = responseTeam(incident);
    expect(team.opener).toEqual({ key: 'slack:U0OPENER1', name: 'olga' });
    expect(team.roles.map((r) => `${r.role}=${r.key}`)).toEqual(['commander=slack:U0COMMAND1', 'legal counsel=teams:0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d']);
    for (const key of ['slack:U0OPENER1', 'slack:U0COMMAND1', 'teams:0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d', 'slack:U0MEMBER01']) expect(canRead(incident, key, none), key).toBe(true);
    expect(canRead(incident, 'slack:U0INTERN01', none)).toBe(false);
    expect(canRead(incident, 'slack:U0INTERN01', { admins: ['slack:U0INTERN01'], openers: [] })).toBe(true);
    expect(actorKey(incident.timeline[0]!.actor)).toBe('slack:U0OPENER1');
  });
});

describe('public channel warning', () => {
  it('warns for #general, a channel reported public, or a large one; not for a small private one', () => {
    expect(publicChannelWarning({ name: 'general' })).toMatch(/#general is usually the whole organization/);
    expect(publicChannelWarning({ name: 'inc-br-1', isPrivate: false })).toMatch(/this channel is public/);
    expect(publicChannelWarning({ name: 'inc-br-1', memberCount: 400 })).toMatch(/400 members/);
    expect(publicChannelWarning({ name: 'inc-br-1', isPrivate: true, memberCount: 6 })).toBeUndefined();
  });
});

describe('typed keys', () => {
  it.each([
    'slack:<!channel>', 'slack:@here', 'slack:u0123abcd', 'slack:U0123ABCD;DROP', 'slack:', 'teams:not-an-object-id', 'teams:6F1C2D3E', 'terminal:dana smith'.replace(' ', '*'),
    `slack:U${'A'.repeat(40)}`,
  ])('%s names nobody', (text) => {
    expect(parseUserReference(text, 'slack')).toBeUndefined();
  });

  it('a well-formed key is kept as typed', () => {
    expect(parseUserReference('slack:U0123ABCD')).toBe('slack:U0123ABCD');
    expect(parseUserReference('teams:6F1C2D3E-4B5A-4C7D-8E9F-A0B1C2D3E4F5')).toBe('teams:6F1C2D3E-4B5A-4C7D-8E9F-A0B1C2D3E4F5');
    expect(parseUserReference('cli:dana.smith')).toBe('cli:dana.smith');
  });
});
