// One name per Slack user (#11.8): a slash command, a click, a mention and a modal all record users.info's display name.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type SlackHarness } from './harness.ts';
import { interactionBody, jsonFixture, postToApp, slashBody } from './signed-request.ts';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

const ANA = { id: 'U0ANA00002', name: 'Ana', platform: 'slack' };

describe('Slack identity', () => {
  it('records the same display name from every kind of request, looking it up once', async () => {
    h = await startHarness();
    // Each payload carries its own, different name for the same user: the handle, or the event's profile copy.
    await postToApp(h.eventsUrl, slashBody('log BR-1 from the slash command', h.fake.responseUrl(), { user_id: 'U0ANA00002', user_name: 'ana.lopez' }));
    await postToApp(h.eventsUrl, interactionBody(jsonFixture('block-actions.json', { RESPONSE_URL: h.fake.responseUrl(), COMMAND: 'log BR-1 from a button', ACTION_ID: 'bd:1' })));
    const event = jsonFixture('app-mention.json', { TEXT: '<@UBOT> log BR-1 from a mention', EVENT_ID: 'Ev0IDENTITY' });
    event.event.user_profile = { name: 'ana.lopez', display_name: 'Ana (events copy)', real_name: 'Ana Lopez' };
    await postToApp(h.eventsUrl, JSON.stringify(event), { contentType: 'application/json' });
    await h.fake.waitFor('chat.postEphemeral');
    await postToApp(h.eventsUrl, interactionBody(jsonFixture('view-submission-new.json', { METADATA: '{"origin":{}}', TITLE: 'Opened from the form', JURISDICTIONS: '' })));

    const notes = (await h.store.get('BR-1'))!.timeline.filter((e) => e.action === 'note');
    expect(notes.map((e) => [e.text, e.actor])).toEqual([
      ['from the slash command', ANA],
      ['from a button', ANA],
      ['from a mention', ANA],
    ]);
    const created = (await h.store.list()).find((i) => i.title === 'Opened from the form');
    expect(created?.timeline[0]?.actor).toEqual(ANA);
    expect(h.fake.callsOf('users.info').filter((c) => c.body.user === 'U0ANA00002')).toHaveLength(1);
  });

  it('falls back to the payload handle, without caching it, while users.info cannot answer', async () => {
    h = await startHarness();
    h.fake.script('users.info', { body: { ok: false, error: 'missing_scope' } });
    await postToApp(h.eventsUrl, slashBody('log BR-1 first', h.fake.responseUrl(), { user_id: 'U0ANA00002', user_name: 'ana.lopez' }));
    await postToApp(h.eventsUrl, slashBody('log BR-1 second', h.fake.responseUrl(), { user_id: 'U0ANA00002', user_name: 'ana.lopez' }));
    const names = (await h.store.get('BR-1'))!.timeline.map((e) => e.actor.name);
    expect(names).toEqual(['ana.lopez', 'Ana']);
  });
});
