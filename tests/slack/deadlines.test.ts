// Deadline views end to end: `/breach deadlines BR-1`, then its own buttons clicked by another user.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { NOW, startHarness, type SlackHarness } from './harness.ts';
import { interactionBody, jsonFixture, postToApp, slashBody } from './signed-request.ts';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

const HIPAA_INDIVIDUALS = 'US-HIPAA-164.404-INDIVIDUALS';


type Button = { action_id: string; value: string; text: { text: string } };

/** `/breach deadlines BR-1` and the buttons of its answer. */
async function deadlines(): Promise<{ json: Record<string, any>; buttons: Button[] }> {
  const answer = await postToApp(h.eventsUrl, slashBody('deadlines BR-1', h.fake.responseUrl()));
  const json = answer.json!;
  const buttons = (json.blocks as Array<{ type: string; elements?: Button[] }>).filter((b) => b.type === 'actions').flatMap((b) => b.elements!);
  return { json, buttons };
}

const click = (button: Button) =>
  postToApp(h.eventsUrl, interactionBody(jsonFixture('block-actions.json', { RESPONSE_URL: h.fake.responseUrl(), COMMAND: button.value, ACTION_ID: button.action_id })));

describe('deadline views in Slack', () => {
  it('answers privately: one line per notice under its due day, and every notice in the details menu', async () => {
    h = await startHarness();
    const { json } = await deadlines();
    expect(json.response_type).toBe('ephemeral');
    expect(json.text).toContain('BR-1');
    expect(json.blocks[0]).toMatchObject({ type: 'header', text: { text: 'BR-1 · Deadlines' } });
    const blocks = json.blocks as Array<{ type: string; text?: { text: string }; elements?: Array<{ type: string; options?: Array<{ value: string }> }> }>;
    // HIPAA individuals: discovery 2025-02-20 + 60 days = 2025-04-21, end of day in Chicago (CDT).
    const day = blocks.find((b) => b.text?.text.startsWith('*Mon, Apr 21, 2025'));
    expect(day?.text?.text).toMatch(/\n🔵 pending · each affected individual · in 5\dd \d+h · ✅/);
    const menu = blocks.flatMap((b) => b.elements ?? []).find((e) => e.type === 'static_select')!;
    expect(menu.options!.map((o) => o.value)).toContain(`deadlines BR-1 --only ${HIPAA_INDIVIDUALS}`);
  });

  it('opens the chosen notice in a modal: citation, verification, basis and caveats', async () => {
    h = await startHarness();
    const { json } = await deadlines();
    const menu = (json.blocks as Array<{ elements?: Array<{ type: string; action_id: string }> }>).flatMap((b) => b.elements ?? []).find((e) => e.type === 'static_select')!;
    const payload = jsonFixture('block-actions.json', { RESPONSE_URL: h.fake.responseUrl(), COMMAND: 'x', ACTION_ID: menu.action_id });
    payload.actions = [{ type: 'static_select', action_id: menu.action_id, block_id: 'b1', selected_option: { text: { type: 'plain_text', text: 'each affected individual' }, value: `deadlines BR-1 --only ${HIPAA_INDIVIDUALS}` }, action_ts: '1740830460.123456' }];
    await postToApp(h.eventsUrl, interactionBody(payload));
    const modal = JSON.parse(String(h.fake.callsOf('views.open')[0]?.body.view));
    const text = JSON.stringify(modal.blocks);
    expect(text).toContain('45 CFR 164.404');
    expect(text).toContain('verified against the primary legal text');
    expect(text).toContain('60 calendar days after discovery on 2025-02-20');
    expect(text).toContain('60 days is an outer limit');
  });

  it("records `done` from the view's own button under the clicking Slack user", async () => {
    h = await startHarness();
    const { buttons } = await deadlines();
    const markDone = buttons.find((b) => b.value === `done BR-1 ${HIPAA_INDIVIDUALS}`)!;
    expect(markDone.action_id).toMatch(/^bd:\d+$/);
    await click(markDone);
    const incident = await h.store.get('BR-1');
    expect(incident?.notices.map((n) => n.obligation)).toEqual([HIPAA_INDIVIDUALS]);
    expect(incident?.timeline.at(-1)).toMatchObject({ action: 'notice.sent', actor: { id: 'U0ANA00002', name: 'Ana', platform: 'slack' } });
    const [reply] = h.fake.callsOf('response_url');
    expect(reply?.body.text).toContain(`Recorded on BR-1: ${HIPAA_INDIVIDUALS} sent`);
  });

  it('opens the reason prompt for the Snooze button instead of running it', async () => {
    h = await startHarness();
    const { buttons } = await deadlines();
    // Taken after the lookup: reading the deadlines is itself recorded in the access log.
    const before = await h.snapshot();
    const snooze = buttons.find((b) => b.value.startsWith(`snooze BR-1 ${HIPAA_INDIVIDUALS}`))!;
    expect(snooze.action_id).toMatch(/^bdr:\d+$/);
    await click(snooze);
    const modal = JSON.parse(String(h.fake.callsOf('views.open')[0]?.body.view));
    expect(modal.callback_id).toBe('breach_reason');
    expect(JSON.parse(modal.private_metadata).command).toBe(snooze.value);
    expect(await h.snapshot()).toBe(before);
  });

  it('snoozes with the reason typed in the modal, as the submitting user, and announces it in the incident\'s linked channel', async () => {
    h = await startHarness({ testBot: createTestBot(NOW, [makeIncident('BR-1', usHospitalFacts())]) });
    // Announced only where the incident is linked (tests/qa/confirmation-channel.test.ts): the fixture's channel is.
    await postToApp(h.eventsUrl, slashBody('link BR-1', h.fake.responseUrl()));
    const { buttons } = await deadlines();
    await click(buttons.find((b) => b.value.startsWith(`snooze BR-1 ${HIPAA_INDIVIDUALS}`))!);
    const modal = JSON.parse(String(h.fake.callsOf('views.open')[0]?.body.view));
    const reason = 'Letters are at the "mail house"; print run Monday';
    const submitted = await postToApp(h.eventsUrl, interactionBody(jsonFixture('view-submission-reason.json', { METADATA: modal.private_metadata, REASON: reason })));
    expect(submitted.text).toBe('');
    const incident = await h.store.get('BR-1');
    expect(incident?.snoozes).toEqual([expect.objectContaining({ obligation: HIPAA_INDIVIDUALS, reason, by: 'Ana' })]);
    expect(incident?.timeline.at(-1)).toMatchObject({ actor: { id: 'U0ANA00002', name: 'Ana', platform: 'slack' }, text: expect.stringContaining(reason) });
    const [reply] = h.fake.callsOf('response_url').slice(-1);
    expect(reply?.body).toMatchObject({ response_type: 'in_channel', text: expect.stringContaining('Ana snoozed BR-1') });
  });
});
