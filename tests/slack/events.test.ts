// Events API through the real Bolt receiver: @mentions answer like the slash command; the Home tab lists incidents.
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_BOT_TOKEN } from './fake-slack.ts';
import { startHarness, type SlackHarness } from './harness.ts';
import { jsonFixture, postToApp } from './signed-request.ts';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

const mention = (text: string, eventId = `Ev${Math.random().toString(36).slice(2, 10)}`) =>
  postToApp(h.eventsUrl, JSON.stringify(jsonFixture('app-mention.json', { TEXT: text, EVENT_ID: eventId })), { contentType: 'application/json' });

describe('@breachdesk mentions', () => {
  it('answers a lookup privately to the mentioning user (chat.postEphemeral)', async () => {
    h = await startHarness();
    await h.slack.identity.resolved;
    expect((await mention('<@UBOT> show BR-1')).status).toBe(200);
    const [post] = await h.fake.waitFor('chat.postEphemeral');
    expect(post?.headers.authorization).toBe(`Bearer ${FAKE_BOT_TOKEN}`);
    expect(post?.body).toMatchObject({ channel: 'C0INC00001', user: 'U0ANA00002' });
    expect(post?.body.text).toContain('BR-1 · Legacy EHR vendor breach');
    expect(JSON.parse(String(post?.body.blocks))[0].type).toBe('header');
  });

  it('posts channel replies into the channel and records the user by display name', async () => {
    h = await startHarness();
    await mention('<@UBOT> link BR-1');
    const [post] = await h.fake.waitFor('chat.postMessage');
    expect(post?.body.channel).toBe('C0INC00001');
    // Mention events carry no channel name; conversations.info gives it (and says the channel is private: no warning).
    expect(post?.body.text).toContain('Linked slack channel inc-ehr-breach to BR-1');
    expect(post?.body.text).not.toContain('Warning');
    expect((await h.store.get('BR-1'))?.timeline.at(-1)?.actor).toEqual({ id: 'U0ANA00002', name: 'Ana', platform: 'slack' });
  });

  it('runs a redelivered event only once', async () => {
    h = await startHarness();
    await mention('<@UBOT> log BR-1 Called outside counsel', 'Ev0DUP0001');
    await mention('<@UBOT> log BR-1 Called outside counsel', 'Ev0DUP0001');
    const notes = (await h.store.get('BR-1'))?.timeline.filter((e) => e.text === 'Called outside counsel');
    expect(notes).toHaveLength(1);
  });
});

describe('App Home', () => {
  it('publishes open incidents with buttons when the Home tab is opened', async () => {
    h = await startHarness();
    // Days before the Indiana deadlines, so the `due` part has buttons of its own.
    h.clock.set('2025-04-03T12:00:00Z');
    const answer = await postToApp(h.eventsUrl, JSON.stringify(jsonFixture('app-home-opened.json')), { contentType: 'application/json' });
    expect(answer.status).toBe(200);
    const [publish] = await h.fake.waitFor('views.publish');
    expect(publish?.body.user_id).toBe('U0ANA00002');
    const view = JSON.parse(String(publish?.body.view));
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('BR-1 · Legacy EHR vendor breach');
    expect(json).toContain('"value":"deadlines BR-1"');
    expect(json).toContain('"action_id":"breach_open_new"');
    expect(json).toContain('Due within 7 days');
    const ids = [...json.matchAll(/"action_id":"([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(expect.arrayContaining(['bd:1', 'bd:2', 'bd:due1']));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
