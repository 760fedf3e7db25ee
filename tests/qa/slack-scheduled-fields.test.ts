// Outside tester: every free-text field that reaches a scheduled Slack post (reminders, the contractual clock's
// recipient and basis, the daily digest's tasks, roles, organization and vendor) stays inert: no live mention or link.
import { afterEach, describe, expect, it } from 'vitest';
import { createScheduler } from '../../bot/scheduler/scheduler.ts';
import { allStrings, dueGdprIncident, LIVE_SLACK_TOKEN, RAW_CONTROL, slackParsedText } from '../fixtures/frontdoor/hostile-text.ts';
import { createTestBot } from '../helpers/test-bot.ts';
import { NOW, startHarness, type SlackHarness } from '../slack/harness.ts';
import { postToApp, slashBody } from '../slack/signed-request.ts';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

const HOSTILE = '<!channel> <@U0ANA00002> <https://evil.example|hhs.gov> \u001b[31m';
const ADMIN = { user_id: 'U0ADMIN001', user_name: 'ada.admin', channel_id: 'C0INC00001', channel_name: 'inc' };
const CHANNEL = { platform: 'slack' as const, id: 'C0INC00001', linkedAt: NOW, linkedBy: 'Ana', linkedByKey: 'slack:U0ADMIN001' };

describe('hostile text in scheduled Slack posts', () => {
  it('keeps every free-text field inert in reminders and the daily digest', async () => {
    const incident = dueGdprIncident(NOW, CHANNEL, 'Plain title');
    h = await startHarness({ testBot: createTestBot(NOW, [incident], { admins: ['slack:U0ADMIN001'] }) });
    const slash = async (text: string) => {
      const answer = await postToApp(h.eventsUrl, slashBody(text, h.fake.responseUrl(), ADMIN));
      expect(String(answer.json?.text), text).not.toMatch(/^:warning:/);
    };
    const q = JSON.stringify(HOSTILE);
    await slash(`set BR-1 org ${q}`);
    await slash(`set BR-1 vendor ${q}`);
    await slash(`set BR-1 commander ${q}`);
    await slash(`task add BR-1 ${HOSTILE}`);
    await slash(`clock add BR-1 --to ${q} --within 1h --from discovery --basis ${q}`);
    await slash(`log BR-1 ${HOSTILE}`);
    // 13:00 in Berlin: the digest time has passed, the GDPR notice and the 1-hour contractual clock are due.
    const scheduler = createScheduler({ store: h.store, rules: h.bot.rules, clock: h.clock, notifier: h.notifier, logger: h.logger, digest: { localTime: '12:30' } });
    const report = await scheduler.tick();
    expect(report.digests).toBeGreaterThan(0);
    const posts = h.fake.callsOf('chat.postMessage');
    expect(posts.length).toBeGreaterThan(1);
    const all = posts.map((p) => slackParsedText(p.body)).join('\n');
    // The hostile text did reach the posts (as text), so the check below is not vacuous.
    expect(all).toContain('&lt;!channel&gt;');
    for (const post of posts) {
      expect(slackParsedText(post.body)).not.toMatch(LIVE_SLACK_TOKEN);
      expect(allStrings([post.body.text, post.body.blocks])).not.toMatch(RAW_CONTROL);
    }
  });
});

describe('a hostile Slack handle', () => {
  it('is inert when the timeline names it in a summary posted to the channel', async () => {
    const incident = dueGdprIncident(NOW, CHANNEL, 'Plain title');
    h = await startHarness({ testBot: createTestBot(NOW, [incident], { admins: ['slack:U0HOSTILE1'] }) });
    // Not in the fake directory: users.info fails, so the payload's own handle is the name recorded.
    const who = { user_id: 'U0HOSTILE1', user_name: '<!channel>', channel_id: 'C0INC00001', channel_name: 'inc' };
    await postToApp(h.eventsUrl, slashBody('log BR-1 board briefed', h.fake.responseUrl(), who));
    const summary = await postToApp(h.eventsUrl, slashBody('summary BR-1', h.fake.responseUrl(), who));
    // Quick enough for the ack: Slack posts the answer into the channel itself (in_channel).
    expect(summary.json?.response_type).toBe('in_channel');
    const shown = slackParsedText(summary.json!);
    expect(shown).toContain('&lt;!channel&gt;');
    expect(shown).not.toMatch(LIVE_SLACK_TOKEN);
  });
});
