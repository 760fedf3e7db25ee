// Access control through the real Teams front door (botbuilder over HTTP): an outsider mentioning the bot in another
// channel is refused every command on an incident, nothing changes and each attempt is logged; a member and an admin succeed.
import { afterEach, describe, expect, it } from 'vitest';
import { ATTEMPTS, asText, withoutAccessLog } from '../helpers/access-attempts.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { startHarness, type Harness } from './helpers/teams-harness.ts';

const ADMIN_ID = '0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d';
const MEMBER_ID = '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c';
const OUTSIDER_ID = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const GENERAL = '19:general0000000000000000000000@thread.tacv2';

let h: Harness;
let next = 0;
afterEach(async () => {
  await h?.close();
});

async function start(): Promise<Harness> {
  const incident = makeIncident('BR-1', usHospitalFacts());
  return startHarness({ test: createTestBot('2025-03-01T12:00:00Z', [incident], { admins: [`teams:${ADMIN_ID}`] }) });
}

/** A channel message @mentioning the bot, from `aad` in `channel`; each gets its own activity id. */
async function say(aad: string, name: string, text: string, channel = GENERAL): Promise<string> {
  const before = h.connector.captured.length;
  const activity = h.activity('channel-mention-message', {
    id: `17408304${String(++next).padStart(5, '0')}`,
    text: `<at>breachdesk</at> ${text}`,
    from: { id: `29:${aad}`, name, aadObjectId: aad },
    conversation: { isGroup: true, conversationType: 'channel', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', id: channel, name: channel === GENERAL ? 'General' : 'inc-br-1' },
  });
  expect((await h.post(activity)).status).toBe(200);
  const sent = h.connector.captured.slice(before);
  return sent.map((s) => JSON.stringify(s.body)).join('\n');
}

describe('Teams access control', () => {
  it('refuses an outsider in General every command on BR-1, changing nothing and logging each attempt', async () => {
    h = await start();
    const before = withoutAccessLog(JSON.stringify(await h.test.store.list()));
    for (const [n, { command, words }] of ATTEMPTS.entries()) {
      const answer = await say(OUTSIDER_ID, 'Owen Outsider', asText(words));
      expect(answer, command).toMatch(command === 'access' ? /access<\/code> is for breachdesk admins/ : /BR-1 is restricted to its response team; ask an admin to add you/);
      const log = (await h.test.store.get('BR-1'))!.accessLog;
      expect(log, command).toHaveLength(n + 1);
      expect(log.at(-1), command).toMatchObject({ kind: 'refused', command, actor: { id: OUTSIDER_ID, platform: 'teams' }, channel: { platform: 'teams', id: GENERAL, name: 'General' } });
    }
    expect(withoutAccessLog(JSON.stringify(await h.test.store.list()))).toEqual(before);
    expect(await say(OUTSIDER_ID, 'Owen Outsider', 'list')).not.toContain('BR-1');
  });

  it('lets a member added by the admin, then the admin, run the team commands', async () => {
    h = await start();
    expect(await say(ADMIN_ID, 'Lee Admin', `member add BR-1 teams:${MEMBER_ID}`)).toContain(`Added to BR-1's response team: teams:${MEMBER_ID}`);
    for (const { command, words } of ATTEMPTS.filter((a) => a.command !== 'access')) {
      const answer = await say(MEMBER_ID, 'Max Member', asText(words), '19:incbr1000000000000000000000000@thread.tacv2');
      expect(answer, command).not.toMatch(/restricted to its response team|Usage:/);
    }
    expect((await h.test.store.get('BR-1'))!.status).toBe('investigating');
    const log = await say(ADMIN_ID, 'Lee Admin', 'access BR-1');
    expect(log).toMatch(/read(\s|&nbsp;)+show(\s|&nbsp;)+Max Member \(teams:5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c\) in teams #inc-br-1/);
  });
});
