// Buttons, reason prompts and the `new` form through the real Bolt receiver: commands run as the clicking user.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type SlackHarness } from './harness.ts';
import { interactionBody, jsonFixture, postToApp } from './signed-request.ts';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

const ANA = { id: 'U0ANA00002', name: 'Ana', platform: 'slack' };

const click = (command: string, actionId = 'bd:1', fixtureName = 'block-actions.json') =>
  postToApp(h.eventsUrl, interactionBody(jsonFixture(fixtureName, { RESPONSE_URL: h.fake.responseUrl(), COMMAND: command, ACTION_ID: actionId })));

describe('button clicks (block_actions)', () => {
  it("runs the button's command as the clicking user and answers on the message's response_url", async () => {
    h = await startHarness();
    const answer = await click('set BR-1 status notifying');
    expect(answer.status).toBe(200);
    const incident = await h.store.get('BR-1');
    expect(incident?.status).toBe('notifying');
    expect(incident?.timeline.at(-1)).toMatchObject({ actor: ANA, action: 'fact.changed' });
    const [reply] = h.fake.callsOf('response_url');
    expect(reply?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply?.body.text).toContain('status');
  });

  it('records a note from a button on the timeline under the clicking user', async () => {
    h = await startHarness();
    await click('log BR-1 Vendor confirmed the exfiltration window');
    expect((await h.store.get('BR-1'))?.timeline.at(-1)).toMatchObject({ actor: ANA, text: 'Vendor confirmed the exfiltration window' });
  });

  it('answers a click in the Home tab in a modal and refreshes the Home tab', async () => {
    h = await startHarness();
    await click('show BR-1', 'bd:2', 'block-actions-home.json');
    const [open] = h.fake.callsOf('views.open');
    const view = JSON.parse(String(open?.body.view));
    expect(view).toMatchObject({ type: 'modal', callback_id: 'breach_reply' });
    expect(JSON.stringify(view.blocks)).toContain('BR-1 · Legacy EHR vendor breach');
    expect(h.fake.callsOf('views.publish')[0]?.body.user_id).toBe('U0ANA00002');
  });

  it('falls back to a direct message when the modal cannot be opened (expired trigger)', async () => {
    h = await startHarness();
    h.fake.script('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
    await click('show BR-1', 'bd:2', 'block-actions-home.json');
    const [dm] = await h.fake.waitFor('chat.postMessage');
    expect(dm?.body.channel).toBe('U0ANA00002');
    expect(dm?.body.text).toContain('BR-1');
  });
});

describe('reason prompts (the full snooze flow is in deadlines.test.ts)', () => {
  it('shows a refusal inside the modal instead of closing it', async () => {
    h = await startHarness();
    const metadata = JSON.stringify({ origin: { channel: { id: 'C0INC00001' } }, command: 'log BR-1 x' });
    const submitted = await postToApp(h.eventsUrl, interactionBody(jsonFixture('view-submission-reason.json', { METADATA: metadata, REASON: 'because' })));
    expect(submitted.json).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
    expect(JSON.stringify(submitted.json?.view.blocks)).toContain('Unknown option --reason');
  });
});

describe('the new-incident form (view_submission)', () => {
  const submitNew = (values: Record<string, string>) =>
    postToApp(h.eventsUrl, interactionBody(jsonFixture('view-submission-new.json', { METADATA: JSON.stringify({ origin: { channel: { id: 'C0INC00001', name: 'inc-ehr-breach' }, responseUrl: h.fake.responseUrl('new') } }), ...values })));

  it('creates the incident with its facts and per-jurisdiction counts, as the submitting user', async () => {
    h = await startHarness();
    const answer = await submitNew({ TITLE: 'Phishing: payroll mailbox', JURISDICTIONS: 'US-TX=300, us-ca: 12' });
    expect(answer.status).toBe(200);
    const created = await h.store.get('BR-2');
    expect(created).toMatchObject({
      title: 'Phishing: payroll mailbox',
      discoveredAt: '2025-02-20T15:00:00Z',
      organization: { role: 'business_associate' },
      affected: { total: 312, byJurisdiction: { 'US-TX': 300, 'US-CA': 12 } },
    });
    expect(created?.timeline.map((e) => e.actor)).toEqual([ANA, ANA, ANA]);
    const [reply] = h.fake.callsOf('response_url');
    expect(reply?.body.text).toMatch(/Opened BR-2[\s\S]*US-TX: 300[\s\S]*US-CA: 12/);
  });

  it('keeps the modal open with a field error for unreadable counts, creating nothing', async () => {
    h = await startHarness();
    const before = await h.snapshot();
    const answer = await submitNew({ TITLE: 'Lost laptop', JURISDICTIONS: 'Texas 300' });
    expect(answer.json).toMatchObject({ response_action: 'errors', errors: { jurisdictions: expect.stringContaining('Texas 300') } });
    expect(await h.snapshot()).toBe(before);
  });
});
