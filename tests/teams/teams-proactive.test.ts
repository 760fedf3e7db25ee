// Proactive posts through the Teams Notifier (via the hub) to linked and installed conversations.
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../bot/reply.ts';
import { startHarness, type Harness } from './helpers/teams-harness.ts';
import { adaptiveCardProblems } from './helpers/validate-card.ts';

const CHANNEL = '19:4a1f6d2c9e8b4f0aa1b2c3d4e5f60718@thread.tacv2';
const TEAM_GENERAL = '19:9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e@thread.tacv2';
const reminder = ok('BR-1: HHS notice due in 7 days', {
  visibility: 'channel',
  card: {
    title: 'BR-1 · reminder', fields: [{ label: 'Due', value: '2025-04-21' }],
    buttons: [{ label: 'Mark done', command: 'done BR-1 US-HIPAA-164.408', style: 'primary' }, { label: 'Snooze', command: 'snooze BR-1 US-HIPAA-164.408', needsReason: true }],
  },
});

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('Teams notifier', () => {
  it('posts a new message (not a reply) into a linked channel, using the reference stored on the incident', async () => {
    await h.post(h.activity('channel-mention-message', { text: '<at>breachdesk</at> link BR-1' }));
    h.connector.captured.length = 0;
    const link = (await h.test.store.get('BR-1'))!.channels[0]!;

    const receipt = await h.test.notifier.post({ platform: 'teams', id: link.id, reference: link.reference }, reminder);

    expect(receipt.messageId).toMatch(/^activity-\d+$/);
    expect(h.connector.captured).toHaveLength(1);
    const sent = h.connector.captured[0]!;
    expect(sent.conversationId).toBe(CHANNEL);
    expect(sent.replyToId).toBeUndefined();
    expect(sent.body.replyToId).toBeUndefined();
    expect(adaptiveCardProblems(sent.body.attachments[0].content)).toEqual([]);
  });

  it('reaches a team it was installed in, from the reference saved at install time', async () => {
    expect((await h.post(h.activity('team-install-update'))).status).toBe(200);
    const saved = JSON.parse(await readFile(h.referencesPath, 'utf8'));
    expect(saved.conversations[TEAM_GENERAL].reference).toMatchObject({ serviceUrl: h.connector.serviceUrl, conversation: { id: TEAM_GENERAL } });

    await h.test.notifier.post({ platform: 'teams', id: TEAM_GENERAL }, reminder);
    expect(h.connector.captured.map((c) => c.conversationId)).toEqual([TEAM_GENERAL]);
  });

  it('saves the reference of every conversation it hears from', async () => {
    await h.post(h.activity('personal-message', { text: 'help' }));
    const saved = JSON.parse(await readFile(h.referencesPath, 'utf8'));
    expect(Object.keys(saved.conversations)).toEqual(['a:1pL8s2XkQ0wPersonalChatWithDanaPrivacy']);
    await h.test.notifier.post({ platform: 'teams', id: 'a:1pL8s2XkQ0wPersonalChatWithDanaPrivacy' }, ok('ping'));
    expect(h.connector.captured.at(-1)!.body.text).toBe('ping');
  });

  it('rejects when no reference is known for the conversation', async () => {
    await expect(h.test.notifier.post({ platform: 'teams', id: '19:unknown@thread.tacv2' }, reminder)).rejects.toThrow(/no Teams conversation reference/);
  });

  it('rejects when the Bot Connector refuses the post, so the scheduler can retry', async () => {
    await h.post(h.activity('personal-message', { text: 'help' }));
    h.connector.failWith(403);
    await expect(h.test.notifier.post({ platform: 'teams', id: 'a:1pL8s2XkQ0wPersonalChatWithDanaPrivacy' }, reminder)).rejects.toThrow(/did not accept/);
    expect(h.test.logger.lines.some((l) => l.startsWith('warn teams: proactive post failed'))).toBe(true);
  });

  it('forgets a conversation when the app is uninstalled from it', async () => {
    await h.post(h.activity('team-install-update'));
    await h.post(h.activity('team-install-update', { type: 'installationUpdate', action: 'remove', membersAdded: undefined }));
    const saved = JSON.parse(await readFile(h.referencesPath, 'utf8'));
    expect(saved.conversations).toEqual({});
  });

  it('refuses to post after close', async () => {
    await h.post(h.activity('personal-message', { text: 'help' }));
    await h.teams.close();
    await expect(h.test.notifier.post({ platform: 'teams', id: 'a:1pL8s2XkQ0wPersonalChatWithDanaPrivacy' }, reminder)).rejects.toThrow(/stopped/);
  });
});
