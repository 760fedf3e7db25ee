// Mention, link and terminal-escape injection in user text is neutralised in Slack replies and scheduled posts.
import { afterEach, describe, expect, it } from 'vitest';
import { createScheduler } from '../../bot/scheduler/scheduler.ts';
import { allStrings, dueGdprIncident, HOSTILE_TITLE, LIVE_SLACK_TOKEN, RAW_CONTROL, slackParsedText } from '../fixtures/frontdoor/hostile-text.ts';
import { createTestBot } from '../helpers/test-bot.ts';
import { NOW, startHarness, type SlackHarness } from './harness.ts';
import { postToApp, slashBody } from './signed-request.ts';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

/** Every string of a message body (plain_text included), for the control-character check. */
const everything = (message: Record<string, unknown>) => allStrings([message.text, typeof message.blocks === 'string' ? JSON.parse(message.blocks) : message.blocks]);

const CHANNEL = { platform: 'slack' as const, id: 'C0INC00001', linkedAt: NOW, linkedBy: 'Ana' };

describe('Slack safe output', () => {
  it('shows a hostile title as typed in a command answer: no mention, broadcast, user group, channel or disguised link is live', async () => {
    h = await startHarness({ testBot: createTestBot(NOW, [dueGdprIncident(NOW, CHANNEL)]) });
    const answer = await postToApp(h.eventsUrl, slashBody('show BR-1', h.fake.responseUrl()));
    expect(answer.status).toBe(200);
    const body = slackParsedText(answer.json!);
    expect(body).toContain('&lt;!channel&gt;');
    expect(body).toContain('&lt;https://evil.example/login|https://www.hhs.gov&gt;');
    expect(body).not.toMatch(LIVE_SLACK_TOKEN);
    expect(everything(answer.json!)).not.toMatch(RAW_CONTROL);
    expect(body).toContain('␛[2J');
    expect(body).toContain('invoice[U+202E]fdp.exe');
  });

  it('keeps a note typed through the slash command inert when it is shown back', async () => {
    h = await startHarness();
    await postToApp(h.eventsUrl, slashBody('log BR-1 FYI <!here> see <https://evil.example|hhs.gov>', h.fake.responseUrl()));
    expect((await h.store.get('BR-1'))!.timeline.at(-1)!.text).toBe('FYI <!here> see <https://evil.example|hhs.gov>');
    const answer = await postToApp(h.eventsUrl, slashBody('show BR-1', h.fake.responseUrl()));
    expect(slackParsedText(answer.json!)).not.toMatch(LIVE_SLACK_TOKEN);
  });

  it('neutralises the same text in a scheduled reminder posted through chat.postMessage', async () => {
    h = await startHarness({ testBot: createTestBot(NOW, [dueGdprIncident(NOW, CHANNEL)]) });
    const scheduler = createScheduler({ store: h.store, rules: h.bot.rules, clock: h.clock, notifier: h.notifier, logger: h.logger });
    const report = await scheduler.tick();
    expect(report.sent).toBeGreaterThan(0);
    const posts = h.fake.callsOf('chat.postMessage');
    expect(posts.length).toBe(report.sent);
    for (const post of posts) {
      const body = slackParsedText(post.body);
      expect(body).toContain('Breach &lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;!subteam^S0PRIV|@privacy&gt; &lt;@U0ANA00002&gt;');
      expect(body).not.toMatch(LIVE_SLACK_TOKEN);
      expect(everything(post.body)).not.toMatch(RAW_CONTROL);
      // Plain "@here" stays plain: Slack is told not to link names.
      expect(post.body.link_names).toBe('false');
    }
    expect(HOSTILE_TITLE).toMatch(LIVE_SLACK_TOKEN);
  });
});
