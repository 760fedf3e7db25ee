// Where Slack requests may come from and how often they run, through the real Bolt receiver over HTTP.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileBot } from '../helpers/file-bot.ts';
import { startHarness, type SlackHarness } from './harness.ts';
import { interactionBody, jsonFixture, postToApp, signatureHeaders, slashBody } from './signed-request.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const titles = async (harness: SlackHarness) => (await harness.store.list()).map((i) => i.title);
const mention = (harness: SlackHarness, text: string, eventId: string, teamId = 'T0001') => {
  const event = jsonFixture('app-mention.json', { TEXT: text, EVENT_ID: eventId });
  return postToApp(harness.eventsUrl, JSON.stringify({ ...event, team_id: teamId, authorizations: [{ ...event.authorizations[0], team_id: teamId }] }), { contentType: 'application/json' });
};

describe('SLACK_TEAM_IDS', () => {
  it('refuses a slash command from another workspace with a plain answer, and runs nothing', async () => {
    h = await startHarness({ incidents: [], config: { teamIds: ['T0001'] } });
    const answer = await postToApp(h.eventsUrl, slashBody('new Foreign workspace incident', h.fake.responseUrl(), { team_id: 'T0FOREIGN', team_domain: 'elsewhere' }));
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ response_type: 'ephemeral', text: 'breachdesk is not enabled for this workspace.' });
    expect(await titles(h)).toEqual([]);
    expect(h.logger.lines).toContainEqual(expect.stringMatching(/^warn slack: refused a request from a workspace not in SLACK_TEAM_IDS .*T0FOREIGN/));
    // The listed workspace is served.
    await postToApp(h.eventsUrl, slashBody('new Own workspace incident', h.fake.responseUrl()));
    expect(await titles(h)).toEqual(['Own workspace incident']);
  });

  it('refuses a click by a user of another workspace (Slack Connect) and a mention from another workspace', async () => {
    h = await startHarness({ config: { teamIds: ['T0001'] } });
    const before = await h.snapshot();
    const payload = jsonFixture('block-actions.json', { RESPONSE_URL: h.fake.responseUrl(), COMMAND: 'set BR-1 status closed', ACTION_ID: 'bd:1' });
    const click = await postToApp(h.eventsUrl, interactionBody({ ...payload, user: { ...payload.user, team_id: 'T0FOREIGN' } }));
    expect(click.status).toBe(200);
    expect((await mention(h, '<@UBOT> set BR-1 status closed', 'Ev0FOREIGN1', 'T0FOREIGN')).status).toBe(200);
    expect(await h.snapshot()).toBe(before);
    expect(h.fake.callsOf('response_url')).toHaveLength(0);
    expect(h.fake.callsOf('chat.postEphemeral')).toHaveLength(0);
  });

  it('serves every workspace of a listed Enterprise Grid org', async () => {
    h = await startHarness({ incidents: [], config: { teamIds: ['E0GRID0001'] } });
    await postToApp(h.eventsUrl, slashBody('new Grid incident', h.fake.responseUrl(), { team_id: 'T0OTHER', enterprise_id: 'E0GRID0001' }));
    await postToApp(h.eventsUrl, slashBody('new Outside the grid', h.fake.responseUrl(), { team_id: 'T0OTHER', enterprise_id: 'E0ELSEWHERE' }));
    expect(await titles(h)).toEqual(['Grid incident']);
  });
});

describe('timestamps and replays', () => {
  it('refuses (401) a validly signed request timestamped 6 minutes in the future', async () => {
    h = await startHarness({ incidents: [] });
    const body = slashBody('new Future incident', h.fake.responseUrl());
    const answer = await postToApp(h.eventsUrl, body, { headers: signatureHeaders(body, undefined, Math.floor(Date.now() / 1000) + 6 * 60) });
    expect(answer.status).toBe(401);
    expect(await titles(h)).toEqual([]);
    // Four minutes ahead is within Slack's window (clock skew) and runs.
    const near = slashBody('new Near future incident', h.fake.responseUrl());
    expect((await postToApp(h.eventsUrl, near, { headers: signatureHeaders(near, undefined, Math.floor(Date.now() / 1000) + 4 * 60) })).status).toBe(200);
    expect(await titles(h)).toEqual(['Near future incident']);
  });

  it('runs a replayed request (same body, same signature) once', async () => {
    h = await startHarness({ incidents: [] });
    const body = slashBody('new Replayed incident', h.fake.responseUrl());
    const headers = signatureHeaders(body);
    const first = await postToApp(h.eventsUrl, body, { headers });
    const second = await postToApp(h.eventsUrl, body, { headers });
    expect(first.json?.text).toContain('Opened BR-1');
    expect(second.status).toBe(200);
    expect(second.text).toBe('');
    expect(await titles(h)).toEqual(['Replayed incident']);
    expect(h.logger.lines).toContainEqual(expect.stringMatching(/^warn slack: ignored a replayed request \(same signature\)/));
  });

  it('runs a redelivered event (same event_id, new signature) once', async () => {
    h = await startHarness({ incidents: [] });
    await mention(h, '<@UBOT> new Mentioned incident', 'Ev0REDELIVER');
    await mention(h, '<@UBOT> new Mentioned incident', 'Ev0REDELIVER');
    expect(await titles(h)).toEqual(['Mentioned incident']);
  });

  it('still runs a replayed request and a redelivered event once after a restart (the store remembers them)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'breachdesk-replay-')), 'store.json');
    const body = slashBody('new Before the restart', 'http://127.0.0.1:1/unused');
    const headers = signatureHeaders(body);
    const run = async () => {
      const testBot = await createFileBot(path);
      const harness = await startHarness({ testBot });
      try {
        await postToApp(harness.eventsUrl, body, { headers });
        await mention(harness, '<@UBOT> new Mentioned before the restart', 'Ev0RESTART1');
        return await titles(harness);
      } finally {
        await harness.close();
        await testBot.store.close();
      }
    };
    expect(await run()).toEqual(['Before the restart', 'Mentioned before the restart']);
    expect(await run()).toEqual(['Before the restart', 'Mentioned before the restart']);
  });
});

