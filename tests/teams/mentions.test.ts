// Teams mentions of people (`member add BR-1 @Dana`, `set BR-1 commander @Chris`) through the real botbuilder adapter over
// HTTP: each mention is resolved to its Entra object id with the connector's member lookup and counts as membership.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { startHarness, type Harness } from './helpers/teams-harness.ts';

const ADMIN = '0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d';
const DANA = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a';
const CHRIS = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';
const TEAM = '19:9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e@thread.tacv2';
const CHANNEL = '19:incbr1000000000000000000000000@thread.tacv2';
const BOT = { id: '28:00000000-0000-4000-8000-0000000000b1', name: 'breachdesk' };

let h: Harness;
let next = 0;
afterEach(async () => {
  await h?.close();
});

async function start(): Promise<Harness> {
  const harness = await startHarness({ test: createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())], { admins: [`teams:${ADMIN}`] }) });
  // The team's roster as the connector knows it: channel account ids (what mention entities carry) to Entra object ids.
  harness.connector.directory.set('29:1DanaChannelAccount', { id: '29:1DanaChannelAccount', name: 'Dana Smith', aadObjectId: DANA });
  harness.connector.directory.set('29:1ChrisChannelAccount', { id: '29:1ChrisChannelAccount', name: 'Chris Doe', aadObjectId: CHRIS });
  return harness;
}

/** A channel message from `aad` @mentioning the bot and the people in `mentions` (display name → channel account id). */
async function say(aad: string, name: string, text: string, mentions: Record<string, string> = {}): Promise<string> {
  const before = h.connector.captured.length;
  const entities = [
    { type: 'mention', mentioned: BOT, text: '<at>breachdesk</at>' },
    ...Object.entries(mentions).map(([who, id]) => ({ type: 'mention', mentioned: { id, name: who }, text: `<at>${who}</at>` })),
  ];
  const activity = h.activity('channel-mention-message', {
    id: `17408305${String(++next).padStart(5, '0')}`,
    text: `<at>breachdesk</at> ${text}`,
    entities,
    from: { id: `29:${aad}`, name, aadObjectId: aad },
    conversation: { isGroup: true, conversationType: 'channel', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', id: CHANNEL, name: 'inc-br-1' },
  });
  expect((await h.post(activity)).status).toBe(200);
  return h.connector.captured.slice(before).map((s) => JSON.stringify(s.body)).join('\n');
}

describe('Teams mentions of people', () => {
  it('adds a mentioned person as teams:<object id>, looked up in the team, who can then read the incident', async () => {
    h = await start();
    expect(await say(DANA, 'Dana Smith', 'show BR-1')).toMatch(/restricted to its response team/);
    expect(await say(ADMIN, 'Lee Admin', 'member add BR-1 <at>Dana Smith</at>', { 'Dana Smith': '29:1DanaChannelAccount' })).toContain(`Added to BR-1's response team: teams:${DANA}`);
    // botbuilder's TeamsInfo.getMember asks the team (channelData.team.id) about the channel account id.
    expect(h.connector.lookups).toEqual([{ conversationId: TEAM, userId: '29:1DanaChannelAccount' }]);
    expect((await h.test.store.get('BR-1'))!.members.map((m) => m.key)).toEqual([`teams:${DANA}`]);
    expect(await say(DANA, 'Dana Smith', 'show BR-1')).not.toMatch(/restricted to its response team/);
  });

  it('gives a role to a mentioned person, two mentions in one command each resolved', async () => {
    h = await start();
    await say(ADMIN, 'Lee Admin', 'set BR-1 commander <at>Chris Doe</at>', { 'Chris Doe': '29:1ChrisChannelAccount' });
    expect((await h.test.store.get('BR-1'))!.roles.commander).toBe(`teams:${CHRIS}`);
    expect(await say(CHRIS, 'Chris Doe', 'members BR-1')).toContain(`teams:${CHRIS}`);
    // The commander adds Dana and an account the entity already names by object id (no lookup needed for it).
    const other = 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e';
    const answer = await say(CHRIS, 'Chris Doe', 'member add BR-1 <at>Dana Smith</at> <at>Sam Guest</at>', { 'Dana Smith': '29:1DanaChannelAccount', 'Sam Guest': `8:orgid:${other}` });
    expect(answer).toContain(`teams:${DANA}, teams:${other}`);
    expect(h.connector.lookups.map((l) => l.userId)).toEqual(['29:1ChrisChannelAccount', '29:1DanaChannelAccount']);
  });

  it('refuses, changing nothing, a mention the connector does not know (a name is nobody checkable)', async () => {
    h = await start();
    const answer = await say(ADMIN, 'Lee Admin', 'member add BR-1 <at>Ghost</at>', { Ghost: '29:1NotInThisTeam' });
    expect(answer).toContain('Cannot tell who \\"@Ghost\\" is');
    expect((await h.test.store.get('BR-1'))!.members).toEqual([]);
    expect(h.test.logger.lines.some((l) => /^warn teams: could not look up a mentioned user/.test(l))).toBe(true);
  });
});
