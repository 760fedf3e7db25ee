// Access control through the real Slack front door: an intern in #general is refused every command on an incident
// they are not on (nothing changes, each attempt is in the access log); a member and an admin succeed.
import { afterEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../bot/model/incident-schema.ts';
import { ATTEMPTS, asText, restrictedCommands, withoutAccessLog } from '../helpers/access-attempts.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { NOW, startHarness, type SlackHarness } from './harness.ts';
import { interactionBody, jsonFixture, postToApp, slashBody } from './signed-request.ts';

const ADMIN = { user_id: 'U0ADMIN001', user_name: 'ada.admin', channel_id: 'C0PRIVOFF1', channel_name: 'privacy-office' };
const MEMBER = { user_id: 'U0MEMBER01', user_name: 'max.member', channel_id: 'C0INC00001', channel_name: 'inc-ehr-breach' };
const COMMANDER = { user_id: 'U0COMMAND1', user_name: 'cora.commander', channel_id: 'C0INC00001', channel_name: 'inc-ehr-breach' };
const INTERN = { user_id: 'U0INTERN01', user_name: 'ian.intern', channel_id: 'C0GENERAL1', channel_name: 'general' };

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

async function start(): Promise<SlackHarness> {
  // The commander is a user reference, so the role counts as team membership.
  const incident = makeIncident('BR-1', usHospitalFacts({ roles: { commander: '<@U0COMMAND1>' } }));
  return startHarness({ testBot: createTestBot(NOW, [incident], { admins: ['slack:U0ADMIN001'] }) });
}

const slash = (who: Record<string, string>, text: string) => postToApp(h.eventsUrl, slashBody(text, h.fake.responseUrl(), who));
/** True for a refusal or usage answer (the renderer marks them with :warning: / :information_source:). */
const failed = (answer: { json?: Record<string, any> }) => /^:(warning|information_source):/.test(String(answer.json?.blocks?.[0]?.text?.text ?? ''));
const br1 = async (): Promise<Incident> => (await h.store.get('BR-1'))!;

describe('Slack access control', () => {
  it('the attempts cover every command that needs more than public access', () => {
    expect(ATTEMPTS.map((a) => a.command).sort()).toEqual(restrictedCommands().sort());
  });

  it('refuses an intern in #general every command on BR-1, privately, changing nothing and logging each attempt', async () => {
    h = await start();
    const before = withoutAccessLog(await h.snapshot());
    for (const [n, { command, words }] of ATTEMPTS.entries()) {
      const answer = await slash(INTERN, asText(words));
      expect(answer.json?.response_type, command).toBe('ephemeral');
      expect(failed(answer), command).toBe(true);
      const expected = command === 'access' ? /`access` is for breachdesk admins/ : /BR-1 is restricted to its response team; ask its commander \(slack:U0COMMAND1\) or an admin to add you/;
      expect(answer.json?.text, command).toMatch(expected);
      expect(answer.json?.text, command).toContain('Nothing was changed');
      const log = (await br1()).accessLog;
      expect(log, command).toHaveLength(n + 1);
      expect(log.at(-1), command).toMatchObject({
        kind: 'refused', command, at: '2025-03-01T12:00:00.000Z',
        actor: { id: 'U0INTERN01', name: 'ian.intern', platform: 'slack' },
        channel: { platform: 'slack', id: 'C0GENERAL1', name: 'general' },
      });
    }
    expect(withoutAccessLog(await h.snapshot())).toEqual(before);
    // Nothing was posted anywhere: every refusal went back to the intern alone.
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('shows the intern no incident in list, due or the App Home tab', async () => {
    h = await start();
    h.clock.set('2025-04-15T12:00:00Z');
    expect((await slash(INTERN, 'list')).json?.text).not.toContain('BR-1');
    expect((await slash(INTERN, 'list --all')).json?.text).not.toContain('BR-1');
    const due = await slash(INTERN, 'due --within 30d');
    expect(due.json?.text).toMatch(/^Nothing due within 30 days across 0 open incidents/);
    const home = jsonFixture('app-home-opened.json');
    home.event.user = 'U0INTERN01';
    await postToApp(h.eventsUrl, JSON.stringify(home), { contentType: 'application/json' });
    const [publish] = await h.fake.waitFor('views.publish');
    expect(String(publish?.body.view)).not.toContain('BR-1');
    // The commander (a member through the role) does see it.
    expect((await slash(COMMANDER, 'list')).json?.text).toContain('BR-1');
  });

  it('lets an added member run every team command, and keeps the admin-only access log from them', async () => {
    h = await start();
    expect((await slash(ADMIN, 'member add BR-1 <@U0MEMBER01|max.member>')).json?.text).toContain('Added to BR-1\'s response team: slack:U0MEMBER01');
    for (const { command, words } of ATTEMPTS) {
      const answer = await slash(MEMBER, asText(words));
      if (command === 'access') {
        expect(answer.json?.text).toMatch(/`access` is for breachdesk admins/);
        continue;
      }
      expect(failed(answer), `${command}: ${answer.json?.text}`).toBe(false);
    }
    const incident = await br1();
    expect(incident.status).toBe('investigating');
    expect(incident.timeline.map((e) => e.action)).toEqual(expect.arrayContaining(['member.added', 'fact.changed', 'note', 'notice.sent', 'delay.recorded', 'channel.linked', 'channel.unlinked']));
    expect(incident.members.map((m) => m.key)).toEqual(['slack:U0MEMBER01', 'slack:U0NEWBIE01']);
    // Reads and the export are in the access log with who, platform, channel and when.
    expect(incident.accessLog.filter((e) => e.kind !== 'refused').map((e) => `${e.kind} ${e.command}`)).toEqual(['read show', 'read deadlines', 'export export', 'read summary', 'read members', 'read draft', 'read next', 'read verify']);
    expect(incident.accessLog[0]).toMatchObject({ actor: { id: 'U0MEMBER01', platform: 'slack' }, channel: { id: 'C0INC00001', name: 'inc-ehr-breach' }, at: '2025-03-01T12:00:00.000Z' });
  });

  it('lets an admin run every command, access log included', async () => {
    h = await start();
    await slash(INTERN, 'show BR-1');
    for (const { command, words } of ATTEMPTS) {
      const answer = await slash(ADMIN, asText(words));
      expect(failed(answer), `${command}: ${answer.json?.text}`).toBe(false);
    }
    const log = await slash(ADMIN, 'access BR-1');
    expect(log.json?.text).toMatch(/refused\s+show\s+ian\.intern \(slack:U0INTERN01\) in slack #general · BR-1 is restricted/);
    expect(log.json?.text).toMatch(/export\s+export\s+ada\.admin \(slack:U0ADMIN001\) in slack #privacy-office/);
  });

  it('removing a member stops them, and reminders stop going to the channel only they linked', async () => {
    h = await start();
    await slash(ADMIN, 'member add BR-1 <@U0MEMBER01>');
    await slash(MEMBER, 'link BR-1');
    expect((await br1()).channels[0]).toMatchObject({ id: 'C0INC00001', linkedByKey: 'slack:U0MEMBER01' });
    expect((await slash(ADMIN, 'member remove BR-1 <@U0MEMBER01>')).json?.text).toContain('Removed slack:U0MEMBER01');
    expect((await slash(MEMBER, 'show BR-1')).json?.text).toMatch(/restricted to its response team/);
    const { reachableChannels } = await import('../../bot/access/policy.ts');
    expect(reachableChannels(await br1(), { admins: ['slack:U0ADMIN001'], openers: [] })).toEqual([]);
  });

  it("refuses a reminder's Mark done button clicked by someone not on the team, and logs it", async () => {
    h = await start();
    // The fixture's clicker, ana.lopez (U0ANA00002), is in the incident channel but not on BR-1's team.
    const payload = jsonFixture('block-actions.json', { RESPONSE_URL: h.fake.responseUrl(), COMMAND: 'done BR-1 US-HIPAA-164.404-INDIVIDUALS', ACTION_ID: 'bd:1' });
    expect((await postToApp(h.eventsUrl, interactionBody(payload))).status).toBe(200);
    const [reply] = await h.fake.waitFor('response_url');
    expect(String(reply?.body.text)).toMatch(/BR-1 is restricted to its response team/);
    const incident = await br1();
    expect(incident.notices).toEqual([]);
    expect(incident.accessLog).toEqual([expect.objectContaining({ kind: 'refused', command: 'done', actor: expect.objectContaining({ id: 'U0ANA00002' }), channel: expect.objectContaining({ id: 'C0INC00001' }) })]);
  });

  it('warns when linking #general', async () => {
    h = await start();
    const answer = await slash({ ...ADMIN, channel_id: 'C0GENERAL1', channel_name: 'general' }, 'link BR-1');
    expect(answer.json?.text).toMatch(/Warning: #general is usually the whole organization/);
  });
});
