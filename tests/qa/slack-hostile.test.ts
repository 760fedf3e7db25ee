// Outside tester: a hostile Slack user through the real Bolt receiver. Modal metadata changed on the way back, huge
// payloads and forged menu values must not reach another URL, change anything, or escape the access log.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { withoutAccessLog } from '../helpers/access-attempts.ts';
import { NOW, startHarness, type SlackHarness } from '../slack/harness.ts';
import { interactionBody, jsonFixture, postToApp, slashBody } from '../slack/signed-request.ts';

let h: SlackHarness;
let elsewhere: Server | undefined;
afterEach(async () => {
  await h?.close();
  await new Promise((resolve) => (elsewhere ? elsewhere.close(resolve) : resolve(undefined)));
  elsewhere = undefined;
});

const INTERN = { user_id: 'U0INTERN01', user_name: 'ian.intern', channel_id: 'C0GENERAL1', channel_name: 'general' };

async function start(): Promise<SlackHarness> {
  const incident = makeIncident('BR-1', usHospitalFacts({ roles: { commander: '<@U0COMMAND1>' } }));
  return startHarness({ testBot: createTestBot(NOW, [incident], { admins: ['slack:U0ADMIN001'] }) });
}

/** A server that is not Slack: it counts what the bot sends it. */
async function startElsewhere(): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  elsewhere = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      hits.push(raw);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => elsewhere!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/collect`, hits };
}

const submitReason = (metadata: unknown, user?: { id: string; username: string }) => {
  const payload = jsonFixture('view-submission-reason.json', { METADATA: JSON.stringify(metadata), REASON: 'letters at the mail house' });
  if (user) payload.user = { ...payload.user, id: user.id, username: user.username, name: user.username };
  return postToApp(h.eventsUrl, interactionBody(payload));
};

describe('a hostile Slack user', () => {
  it('cannot make the bot post an answer to a URL of their choosing by changing a modal\'s private_metadata', async () => {
    h = await start();
    const other = await startElsewhere();
    // An admin's snooze modal whose metadata was changed to send the answer (incident details) elsewhere.
    const metadata = { origin: { channel: { id: 'C0INC00001' }, responseUrl: other.url }, command: 'snooze BR-1 US-HIPAA-164.404-INDIVIDUALS --for 1d' };
    const answer = await submitReason(metadata, { id: 'U0ADMIN001', username: 'ada.admin' });
    expect(answer.status).toBe(200);
    // The snooze itself ran (an admin may), and its answer went to the user, not to the foreign URL.
    // processBeforeResponse: the HTTP answer waits for the listener, delivery included.
    expect(other.hits).toEqual([]);
    expect((await h.store.get('BR-1'))!.timeline.at(-1)).toMatchObject({ action: 'reminder.snoozed' });
  });

  it('is refused a forged modal submission on an incident they are not on; nothing changes and the access log has it', async () => {
    h = await start();
    const before = withoutAccessLog(await h.snapshot());
    const metadata = { origin: { channel: { id: 'C0GENERAL1', name: 'general' } }, command: 'snooze BR-1 US-HIPAA-164.404-INDIVIDUALS --for 1d' };
    const answer = await submitReason(metadata, { id: 'U0INTERN01', username: 'ian.intern' });
    expect(answer.json).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(answer.json?.view.blocks)).toMatch(/BR-1 is restricted to its response team/);
    expect(withoutAccessLog(await h.snapshot())).toEqual(before);
    expect((await h.store.get('BR-1'))!.accessLog).toEqual([expect.objectContaining({ kind: 'refused', command: 'snooze', actor: expect.objectContaining({ id: 'U0INTERN01' }) })]);
  });

  it('gets a plain sentence for a 40,000-character slash command, and nothing is created', async () => {
    h = await start();
    const before = await h.snapshot();
    const answer = await postToApp(h.eventsUrl, slashBody(`new ${'A'.repeat(40_000)}`, h.fake.responseUrl(), INTERN));
    expect(answer.status).toBe(200);
    expect(answer.json?.text).toMatch(/title&gt; is 40,000 characters; the limit is 200\./);
    expect(answer.json?.text).not.toMatch(/ZodError|at .*\.ts:\d+|too_big/);
    expect(await h.snapshot()).toEqual(before);
  });

  it('is refused the access log through a forged Details menu value, and the attempt is logged', async () => {
    h = await start();
    const payload = jsonFixture('block-actions.json', { RESPONSE_URL: h.fake.responseUrl(), COMMAND: 'x', ACTION_ID: 'bd:1' });
    payload.user = { ...payload.user, id: 'U0INTERN01', username: 'ian.intern', name: 'ian.intern' };
    payload.actions = [{ type: 'static_select', action_id: 'bdsel:0', block_id: 'b', selected_option: { value: 'access BR-1', text: { type: 'plain_text', text: 'x' } }, action_ts: '1' }];
    expect((await postToApp(h.eventsUrl, interactionBody(payload))).status).toBe(200);
    await h.fake.waitFor('views.open');
    expect(JSON.stringify(h.fake.callsOf('views.open')[0]?.body)).toMatch(/for breachdesk admins/);
    expect((await h.store.get('BR-1'))!.accessLog).toEqual([expect.objectContaining({ kind: 'refused', command: 'access' })]);
  });

  it('cannot open an incident through the new-incident form when BREACHDESK_OPENERS leaves them out', async () => {
    h = await startHarness({ testBot: createTestBot(NOW, [], { admins: ['slack:U0ADMIN001'], openers: ['slack:U0ADMIN001'] }) });
    const metadata = JSON.stringify({ origin: { channel: { id: 'C0GENERAL1', name: 'general' }, responseUrl: h.fake.responseUrl('new') } });
    const payload = jsonFixture('view-submission-new.json', { METADATA: metadata, TITLE: 'Intern test', JURISDICTIONS: 'US-TX=3' });
    payload.user = { ...payload.user, id: 'U0INTERN01', username: 'ian.intern', name: 'ian.intern' };
    const answer = await postToApp(h.eventsUrl, interactionBody(payload));
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.json ?? {}) + JSON.stringify(h.fake.callsOf('response_url').map((c) => c.body))).toMatch(/open|allowed|BREACHDESK_OPENERS/i);
    expect(await h.store.ids()).toEqual([]);
  });
});

describe('the new-incident form with a pasted list that is too long or repeats itself', () => {
  it('names a repeated code and refuses more than 100 lines, before anything is created', async () => {
    const { parseNewIncident } = await import('../../adapters/slack/modals.ts');
    const form = (jur: string) => ({
      title: { value: { value: 'Vendor breach' } },
      discovered: { value: { selected_date_time: 1740063600 } },
      role: { value: { selected_option: { value: 'covered_entity' } } },
      affected: { value: { value: null } },
      jurisdictions: { value: { value: jur } },
    });
    expect(parseNewIncident(form('US-TX=300\nUS-CA=2\nus-tx 5'))).toEqual({ errors: { jurisdictions: 'US-TX is listed twice: give each state or country once.' } });
    // 101 distinct two-letter codes: AA, AB, … DW.
    const lines = Array.from({ length: 101 }, (_, i) => `${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}=1`).join('\n');
    expect(parseNewIncident(form(lines))).toEqual({ errors: { jurisdictions: expect.stringMatching(/^More than 100 states or countries/) } });
  });
});
