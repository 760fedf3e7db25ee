// Bolt's request verification on our endpoint: forged, stale or unsigned requests get 401 and change nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type SlackHarness } from './harness.ts';
import { interactionBody, jsonFixture, postToApp, signatureHeaders, slashBody } from './signed-request.ts';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

const FIVE_MINUTES = 5 * 60;

describe('Slack request signatures', () => {
  it('accepts a correctly signed request (control)', async () => {
    h = await startHarness();
    const answer = await postToApp(h.eventsUrl, slashBody('set BR-1 affected 5000', h.fake.responseUrl()));
    expect(answer.status).toBe(200);
    expect((await h.store.get('BR-1'))?.affected.total).toBe(5000);
  });

  it.each([
    ['a forged signature', (body: string) => signatureHeaders(body, 'not-the-signing-secret')],
    ['a signature over a different body', (body: string) => signatureHeaders(body.replace('5000', '5001'))],
    ['a stale timestamp (more than 5 minutes old)', (body: string) => signatureHeaders(body, undefined, Math.floor(Date.now() / 1000) - FIVE_MINUTES - 10)],
    ['no signature headers', () => ({})],
  ])('rejects %s with 401 and leaves the store unchanged', async (_name, headers) => {
    h = await startHarness();
    const before = await h.snapshot();
    const body = slashBody('set BR-1 affected 5000', h.fake.responseUrl());
    const answer = await postToApp(h.eventsUrl, body, { headers: headers(body) });
    expect(answer.status).toBe(401);
    expect(await h.snapshot()).toBe(before);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('rejects a forged button click too: nothing is recorded', async () => {
    h = await startHarness();
    const before = await h.snapshot();
    const payload = jsonFixture('block-actions.json', { RESPONSE_URL: h.fake.responseUrl(), COMMAND: 'set BR-1 status closed', ACTION_ID: 'bd:1' });
    const body = interactionBody(payload);
    const answer = await postToApp(h.eventsUrl, body, { headers: signatureHeaders(body, 'forged') });
    expect(answer.status).toBe(401);
    expect(await h.snapshot()).toBe(before);
  });

  it('answers Slack’s url_verification challenge when signed', async () => {
    h = await startHarness();
    const body = JSON.stringify({ token: 'x', challenge: 'c-123', type: 'url_verification' });
    const answer = await postToApp(h.eventsUrl, body, { contentType: 'application/json' });
    expect(answer.json).toEqual({ challenge: 'c-123' });
  });
});
