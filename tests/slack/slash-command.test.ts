// `/breach <command>` through the real Bolt receiver over HTTP: ephemeral lookups, in-channel posts, ack-then-respond.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestBot } from '../helpers/test-bot.ts';
import { slowBot, startHarness, type SlackHarness } from './harness.ts';

const NOW_FOR_FORM = '2025-03-01T12:00:00Z';
import { postToApp, slashBody } from './signed-request.ts';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

const slash = (text: string, overrides: Record<string, string> = {}) => postToApp(h.eventsUrl, slashBody(text, h.fake.responseUrl(), overrides));

describe('/breach slash command', () => {
  it('answers a lookup ephemerally in the ack, with blocks and a text fallback', async () => {
    h = await startHarness();
    const answer = await slash('show BR-1');
    expect(answer.status).toBe(200);
    expect(answer.json?.response_type).toBe('ephemeral');
    expect(answer.json?.text).toContain('BR-1');
    expect(answer.json?.blocks[0]).toMatchObject({ type: 'header', text: { text: 'BR-1 · Legacy EHR vendor breach' } });
    expect(JSON.stringify(answer.json?.blocks)).toContain('Example Hospital');
  });

  it('treats an empty command as help and lists the commands', async () => {
    h = await startHarness();
    const answer = await slash('');
    expect(answer.json?.response_type).toBe('ephemeral');
    expect(answer.json?.text).toMatch(/list[\s\S]*show[\s\S]*link/);
  });

  it('posts channel replies in_channel and records the Slack user and channel on the timeline', async () => {
    h = await startHarness();
    const answer = await slash('link BR-1');
    expect(answer.json?.response_type).toBe('in_channel');
    expect(answer.json?.text).toContain('inc-ehr-breach');
    const incident = await h.store.get('BR-1');
    expect(incident?.channels).toEqual([expect.objectContaining({ platform: 'slack', id: 'C0INC00001', name: 'inc-ehr-breach', linkedBy: 'Sam Rivera' })]);
    expect(incident?.timeline.at(-1)?.actor).toEqual({ id: 'U0SAM00001', name: 'Sam Rivera', platform: 'slack' });
  });

  it("stores what the user typed, not Slack's &amp; &lt; &gt; escaping", async () => {
    h = await startHarness();
    const answer = await slash('log BR-1 Called FBI &amp; HHS &lt;case 2025-123&gt;');
    expect(answer.json?.text).toContain('Noted on BR-1');
    expect((await h.store.get('BR-1'))?.timeline.at(-1)?.text).toBe('Called FBI & HHS <case 2025-123>');
  });

  it('changes a fact with set and says so privately', async () => {
    h = await startHarness();
    const answer = await slash('set BR-1 affected.US-TX 300');
    expect(answer.json).toMatchObject({ response_type: 'ephemeral' });
    expect(answer.json?.text).toContain('individuals affected in US-TX: (none) → 300');
    expect((await h.store.get('BR-1'))?.affected.byJurisdiction['US-TX']).toBe(300);
  });

  it('answers refusals and usage errors ephemerally with a marker', async () => {
    h = await startHarness();
    const missing = await slash('show BR-99');
    expect(missing.json?.response_type).toBe('ephemeral');
    expect(missing.json?.blocks[0].text.text).toMatch(/^:warning: .*BR-99/);
    const typo = await slash('shwo BR-1');
    expect(typo.json?.text).toContain('Did you mean `show`?');
  });

  it('acks at once and answers through response_url when the work is slow', async () => {
    h = await startHarness({ wrap: (bot) => slowBot(bot, 150), tuning: { ackBudgetMs: 20 } });
    const answer = await slash('link BR-1');
    expect(answer.json).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Working on `link BR-1`') });
    const [posted] = h.fake.callsOf('response_url');
    expect(posted?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(posted?.body.text).toContain('Linked slack channel inc-ehr-breach to BR-1');
  });

  it('sends the HTTP ack before slow work finishes when responses are not held (production mode)', async () => {
    h = await startHarness({ wrap: (bot) => slowBot(bot, 800), tuning: { processBeforeResponse: false, ackBudgetMs: 50 } });
    const started = performance.now();
    const answer = await slash('show BR-1');
    expect(performance.now() - started).toBeLessThan(600);
    expect(answer.json?.text).toContain('Working on');
    const [posted] = await h.fake.waitFor('response_url');
    expect(posted?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(posted?.body.text).toContain('BR-1');
  });

  it('opens the new-incident form for a bare `new`', async () => {
    h = await startHarness();
    const answer = await slash('new');
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
    const [open] = h.fake.callsOf('views.open');
    expect(open?.body.trigger_id).toBe('13345224609.738474920.8088930838d88f008e0');
    const view = JSON.parse(String(open?.body.view));
    expect(view.callback_id).toBe('breach_new');
    expect(JSON.parse(view.private_metadata).origin.channel).toEqual({ id: 'C0INC00001', name: 'inc-ehr-breach' });
  });

  it('opens the form in French for a French deployment (default organization in FR)', async () => {
    const testBot = createTestBot(NOW_FOR_FORM, [], { defaultOrganization: { name: 'CH Exemple', role: 'controller', country: 'FR' } });
    h = await startHarness({ testBot });
    await slash('new');
    const view = JSON.parse(String(h.fake.callsOf('views.open')[0]?.body.view));
    expect(view.title.text).toBe('Nouvel incident');
    expect(view.submit.text).toBe('Ouvrir l’incident');
    const labels = view.blocks.map((b: { label?: { text: string } }) => b.label?.text);
    expect(labels).toContain('Découverte (date et heure)');
    expect(labels).toContain('Personnes concernées par État ou pays');
    expect(JSON.stringify(view)).not.toMatch(/Discovered|Organization role|Time zone/);
  });

  it('falls back to a typed hint when the form cannot be opened', async () => {
    h = await startHarness();
    h.fake.script('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
    await slash('create');
    const [hint] = await h.fake.waitFor('response_url');
    expect(hint?.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('new <title>') });
  });

  it('runs `new <title>` directly as the Slack user', async () => {
    h = await startHarness();
    const answer = await slash('new Lost laptop --discovered "2025-02-28 10:00" --affected 40');
    expect(answer.json?.text).toContain('Opened BR-2');
    const created = await h.store.get('BR-2');
    expect(created?.timeline[0]?.actor).toEqual({ id: 'U0SAM00001', name: 'Sam Rivera', platform: 'slack' });
  });
});
