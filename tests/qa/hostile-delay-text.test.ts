// `delay` takes free text (agency, official) that every later answer repeats: deadlines, show, summary, the reminder.
// Typed with broadcasts, mentions and disguised links through the real Slack front door, none of it is live anywhere.
import { afterEach, describe, expect, it } from 'vitest';
import { createScheduler } from '../../bot/scheduler/scheduler.ts';
import { LIVE_SLACK_TOKEN, slackParsedText } from '../fixtures/frontdoor/hostile-text.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { NOW, startHarness, type SlackHarness } from '../slack/harness.ts';
import { postToApp, slashBody } from '../slack/signed-request.ts';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

// As Slack sends typed text: & < > as entities.
const typed = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('hostile delay text in Slack', () => {
  it('is stored as typed and shown inert in deadlines, show, summary and a scheduled reminder', async () => {
    const facts = { ...usHospitalFacts(), organization: { ...usHospitalFacts().organization, secRegistrant: true }, materialityDeterminedAt: '2025-02-26T09:00:00-06:00' };
    h = await startHarness({ testBot: createTestBot(NOW, [makeIncident('BR-1', facts)]) });
    const say = (text: string) => postToApp(h.eventsUrl, slashBody(typed(text), h.fake.responseUrl()));
    expect((await say('link BR-1')).status).toBe(200);
    const agency = '<!channel> FBI <@U0ANA00002>';
    const official = '<https://evil.example/login|SA Jane Doe> <!subteam^S0PRIV|@privacy>';
    await say(`delay BR-1 --written --agency "${agency}" --official "${official}" --sec initial --until "2025-03-20 17:00"`);
    await say(`delay BR-1 --oral --agency "${agency}" --official "${official}"`);
    const incident = (await h.store.get('BR-1'))!;
    expect(incident.lawEnforcementDelays.map((d) => [d.agency, d.official, d.secItem105c ?? null])).toEqual([[agency, official, 'initial'], [agency, official, null]]);
    const answers = h.fake.callsOf('response_url').map((c) => c.body as Record<string, unknown>);
    for (const command of ['deadlines BR-1', 'deadlines BR-1 --only US-SEC-8K-1.05', 'show BR-1', 'summary BR-1']) {
      const answer = await say(command);
      answers.push(answer.json ?? {});
    }
    const scheduler = createScheduler({ store: h.store, rules: h.bot.rules, clock: h.clock, notifier: h.notifier, logger: h.logger });
    await scheduler.tick();
    const everything = [...answers, ...h.fake.callsOf('response_url').map((c) => c.body as Record<string, unknown>), ...h.fake.callsOf('chat.postMessage').map((c) => c.body as Record<string, unknown>)];
    const texts = everything.map(slackParsedText).join('\n');
    expect(texts).toContain('&lt;!channel&gt; FBI');
    expect(texts).not.toMatch(LIVE_SLACK_TOKEN);
  });
});
