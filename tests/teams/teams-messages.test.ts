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
  it('answers a lookup @mentioned in a channel with an Adaptive Card in the asker\'s 1:1 chat; the thread gets only a neutral note', async () => {
    const res = await h.post(h.activity('channel-mention-message'));
    expect(res.status).toBe(200);
    // The connector's create-conversation call, for the asker alone, in the tenant the message came from.
    expect(h.connector.created).toEqual([
      expect.objectContaining({
        isGroup: false,
        members: [{ id: '29:1Xq3tK9mZ8v0bJdPrivacyOfficerTeamsId', name: 'Dana Privacy' }],
        tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      }),
    ]);
    expect(h.connector.captured).toHaveLength(2);
    const [personal, thread] = h.connector.captured;
    expect(personal!.conversationId).toBe('a:personal-29:1Xq3tK9mZ8v0bJdPrivacyOfficerTeamsId');
    const card = cardOf(0);
    expect(card.version).toBe('1.5');
    expect(JSON.stringify(card)).toContain('BR-1 · Legacy EHR vendor breach');
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(personal!.body.summary).toBe('BR-1 · Legacy EHR vendor breach');
    expect(thread!.conversationId).toBe(`${CHANNEL};messageid=1740830400451`);
    expect(thread!.replyToId).toBe('1740830400451');
    expect(thread!.body.text).toBe('I sent you the answer in a private chat.');
    expect(JSON.stringify(thread!.body)).not.toContain('BR-1');
  });

  it('says so in the thread, without the answer, when no 1:1 chat can be opened', async () => {
    h.connector.failCreateWith(403);
    expect((await h.post(h.activity('channel-mention-message'))).status).toBe(200);
    expect(h.connector.captured).toHaveLength(1);
    expect(h.connector.captured[0]!.body.text).toMatch(/^I could not open a private chat with you, so the answer is not shown here/);
    expect(JSON.stringify(h.connector.captured[0]!.body)).not.toContain('Legacy EHR');
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
