// Outside tester: a note holding a link, posted to the channel by `summary`, must not be unfurled by Slack: the unfurl
// fetches the URL (its owner learns the incident was just summarised) and shows a preview of the owner's choosing
// under breachdesk's message. Reminders already ask Slack not to; answers must too.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type SlackHarness } from '../slack/harness.ts';
import { jsonFixture, postToApp, slashBody } from '../slack/signed-request.ts';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

const LINK = 'https://ocr-portal.evil.example/file-your-breach-report';

describe('links in answers posted to a Slack channel', () => {
  it('are not unfurled: chat.postMessage from a mention, and the slash command answer', async () => {
    h = await startHarness();
    await postToApp(h.eventsUrl, slashBody(`log BR-1 "File it at ${LINK}"`, h.fake.responseUrl()));
    const mention = JSON.stringify(jsonFixture('app-mention.json', { TEXT: '<@UBOT> summary BR-1', EVENT_ID: 'Ev0UNFURL01' }));
    expect((await postToApp(h.eventsUrl, mention, { contentType: 'application/json' })).status).toBe(200);
    const [post] = await h.fake.waitFor('chat.postMessage');
    expect(String(post!.body.blocks)).toContain(LINK);
    expect(post!.body).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    const slash = await postToApp(h.eventsUrl, slashBody('summary BR-1', h.fake.responseUrl()));
    expect(slash.json).toMatchObject({ response_type: 'in_channel', unfurl_links: false, unfurl_media: false });
  });
});
