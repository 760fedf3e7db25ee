// Outside tester: `snooze` and `ack` confirmed, with the typed reason, into whatever channel they were typed in (#general,
// a channel linked to nothing). They post to the channel only where the incident is linked; elsewhere only the asker sees it.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { startHarness as startSlack, type SlackHarness } from '../slack/harness.ts';
import { postToApp, slashBody } from '../slack/signed-request.ts';
import { startHarness as startTeams, type Harness } from '../teams/helpers/teams-harness.ts';

const O = 'US-HIPAA-164.404-INDIVIDUALS';
let slack: SlackHarness | undefined;
let teams: Harness | undefined;
afterEach(async () => {
  await slack?.close();
  await teams?.close();
  slack = teams = undefined;
});

describe('snooze and ack confirmations', () => {
  it('in the core: channel only in a channel linked to the incident, private in another channel, a DM or the CLI', async () => {
    const { bot } = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts()), makeIncident('BR-2', usHospitalFacts())]);
    const as = (id: string, name: string) => ({ actor: { id: 'U0SAM00001', name: 'sam' }, platform: 'slack' as const, channel: { platform: 'slack' as const, id, name } });
    expect((await bot.handle({ ...as('C0INC00001', 'inc-br1'), text: 'link BR-1' })).visibility).toBe('channel');
    expect((await bot.handle({ ...as('C0INC00002', 'inc-br2'), text: 'link BR-2' })).visibility).toBe('channel');
    for (const [where, expected] of [[as('C0GENERAL1', 'general'), 'private'], [as('C0INC00002', 'inc-br2'), 'private'], [as('D0SAMDM001', 'directmessage'), 'private'], [as('C0INC00001', 'inc-br1'), 'channel']] as const) {
      const snoozed = await bot.handle({ ...where, text: `snooze BR-1 ${O} --for 1h --reason "vendor letter late"` });
      expect(snoozed.text).toContain('vendor letter late');
      expect([where.channel.name, snoozed.visibility]).toEqual([where.channel.name, expected]);
      expect([where.channel.name, (await bot.handle({ ...where, text: `ack BR-1 ${O}` })).visibility]).toEqual([where.channel.name, expected]);
    }
    const { bot: cli } = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())]);
    expect((await cli.handle({ actor: { id: 'sam', name: 'sam' }, platform: 'cli', text: `ack BR-1 ${O}` })).visibility).toBe('private');
  });

  it('on Slack: ephemeral in #general, in_channel in the incident\'s linked channel', async () => {
    slack = await startSlack();
    const slash = (text: string, channel_id: string, channel_name: string) => postToApp(slack!.eventsUrl, slashBody(text, slack!.fake.responseUrl(), { channel_id, channel_name }));
    expect((await slash('link BR-1', 'C0INC00001', 'inc-ehr-breach')).json?.response_type).toBe('in_channel');
    const general = await slash(`snooze BR-1 ${O} --for 1h --reason "mail house strike"`, 'C0GENERAL1', 'general');
    expect(general.json?.text).toContain('mail house strike');
    expect(general.json?.response_type).toBe('ephemeral');
    expect((await slash(`ack BR-1 ${O}`, 'C0GENERAL1', 'general')).json?.response_type).toBe('ephemeral');
    expect((await slash(`snooze BR-1 ${O} --for 2h --reason "still waiting"`, 'C0INC00001', 'inc-ehr-breach')).json?.response_type).toBe('in_channel');
    expect((await slash(`ack BR-1 ${O}`, 'C0INC00001', 'inc-ehr-breach')).json?.response_type).toBe('in_channel');
  });

  it('on Teams: in an unlinked channel the answer goes to the 1:1 chat, in the linked one to the thread', async () => {
    teams = await startTeams();
    let n = 0;
    const say = async (text: string, channel: string) => {
      teams!.connector.captured.length = 0;
      n += 1;
      const activity = teams!.activity('channel-mention-message', { id: `17408304${n}`, text: `<at>breachdesk</at> ${text}` });
      activity.conversation = { ...activity.conversation, id: `19:${channel}@thread.tacv2;messageid=17408304${n}` };
      expect((await teams!.post(activity)).status).toBe(200);
      return teams!.connector.captured.map((c) => ({ to: c.conversationId, text: JSON.stringify(c.body) }));
    };
    await say('link BR-1', 'incidentbr1');
    const elsewhere = await say(`snooze BR-1 ${O} --for 1h --reason "mail house strike"`, 'general0');
    expect(elsewhere).toEqual([
      { to: expect.stringMatching(/^a:personal-/), text: expect.stringContaining('mail house strike') },
      { to: expect.stringMatching(/^19:general0@thread/), text: expect.stringContaining('I sent you the answer in a private chat.') },
    ]);
    expect(elsewhere[1]!.text).not.toContain('mail house');
    const acked = await say(`ack BR-1 ${O}`, 'general0');
    expect(acked.map((c) => c.to)).toEqual([expect.stringMatching(/^a:personal-/), expect.stringMatching(/^19:general0@thread/)]);
    const linked = await say(`snooze BR-1 ${O} --for 2h --reason "still waiting"`, 'incidentbr1');
    expect(linked).toEqual([{ to: expect.stringMatching(/^19:incidentbr1@thread/), text: expect.stringContaining('still waiting') }]);
  });
});
