// Teams messages over real HTTP through botbuilder's CloudAdapter (anonymous local mode) with a fake Bot Connector.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../adapters/teams/render-card.ts';
import { startHarness, type Harness } from './helpers/teams-harness.ts';
import { adaptiveCardProblems } from './helpers/validate-card.ts';

const CHANNEL = '19:4a1f6d2c9e8b4f0aa1b2c3d4e5f60718@thread.tacv2';
const DANA = { id: '6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5', name: 'Dana Privacy', platform: 'teams' };

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

function cardOf(index = 0): Record<string, any> {
  const attachment = h.connector.captured[index]?.body.attachments?.[0];
  expect(attachment?.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
  return attachment.content;
}

describe('Teams messages', () => {
  it('answers a channel message that @mentions the bot with an Adaptive Card, in the thread', async () => {
    const res = await h.post(h.activity('channel-mention-message'));
    expect(res.status).toBe(200);
    expect(h.connector.captured).toHaveLength(1);
    const sent = h.connector.captured[0]!;
    expect(sent.conversationId).toBe(`${CHANNEL};messageid=1740830400451`);
    expect(sent.replyToId).toBe('1740830400451');
    const card = cardOf();
    expect(card.version).toBe('1.5');
    expect(JSON.stringify(card)).toContain('BR-1 · Legacy EHR vendor breach');
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(sent.body.summary).toBe('BR-1 · Legacy EHR vendor breach');
  });

  it('runs the same commands in a 1:1 chat without a mention', async () => {
    const res = await h.post(h.activity('personal-message'));
    expect(res.status).toBe(200);
    expect(h.connector.captured[0]!.conversationId).toBe('a:1pL8s2XkQ0wPersonalChatWithDanaPrivacy');
    const card = cardOf();
    expect(card.body[0].text).toBe('Open incidents');
    expect(JSON.stringify(card)).toContain('"breachdesk":"show BR-1"');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('ignores channel chatter that does not mention the bot', async () => {
    const res = await h.post(h.activity('channel-mention-message', { text: 'show BR-1', entities: [] }));
    expect(res.status).toBe(200);
    expect(h.connector.captured).toHaveLength(0);
  });

  it('sends text-only replies as escaped Teams HTML that keeps line breaks and `code`', async () => {
    await h.post(h.activity('personal-message', { text: 'show' }));
    const body = h.connector.captured[0]!.body;
    expect(body.attachments ?? []).toHaveLength(0);
    expect(body.textFormat).toBe('xml');
    expect(body.text).toContain('Usage: show &lt;id&gt;');
    expect(body.text).toContain('<br>');
  });

  it('records a note under the actor who typed it, with the Entra object id', async () => {
    await h.post(h.activity('channel-mention-message', { text: '<at>breachdesk</at> log BR-1 Called the FBI field office' }));
    const incident = await h.test.store.get('BR-1');
    const last = incident!.timeline.at(-1)!;
    expect(last.text).toBe('Called the FBI field office');
    expect(last.actor).toEqual(DANA);
  });

  it('runs a card button click as the clicking user and names them on the timeline', async () => {
    const res = await h.post(h.activity('card-submit'));
    expect(res.status).toBe(200);
    const last = (await h.test.store.get('BR-1'))!.timeline.at(-1)!;
    expect(last.text).toBe('Outside counsel engaged');
    expect(last.actor).toEqual({ id: '0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d', name: 'Lee Counsel', platform: 'teams' });
    expect(h.connector.captured[0]!.body.text).toContain('Noted on BR-1');
  });

  it('links a channel with its conversation reference so reminders can reach it', async () => {
    await h.post(h.activity('channel-mention-message', { text: '<at>breachdesk</at> link BR-1' }));
    const link = (await h.test.store.get('BR-1'))!.channels[0]!;
    expect(link).toMatchObject({ platform: 'teams', id: CHANNEL, linkedBy: 'Dana Privacy' });
    expect(link.reference).toMatchObject({ serviceUrl: h.connector.serviceUrl, channelId: 'msteams', conversation: { id: CHANNEL } });
    expect(link.reference).not.toHaveProperty('activityId');
  });
});
