// The Slack notifier the scheduler uses: chat.postMessage with blocks + text, one attempt per call (the scheduler retries), Retry-After and "maybe posted" on the error.
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../bot/reply.ts';
import { SlackPostError } from '../../adapters/slack/index.ts';
import { FAKE_BOT_TOKEN } from './fake-slack.ts';
import { startHarness, type SlackHarness } from './harness.ts';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

const reminder: Reply = {
  outcome: 'ok',
  visibility: 'channel',
  text: 'BR-1: HHS breach report due 2025-04-21 (45 CFR 164.408), 51 days left.',
  card: {
    title: 'Reminder · BR-1 · Legacy EHR vendor breach',
    sections: [{ heading: 'Notice to the Secretary (HHS)', text: 'Due 2025-04-21 23:59 CDT · 51 days left · 45 CFR 164.408 · verified_primary_text', buttons: [{ label: 'Mark done', command: 'done BR-1 US-HIPAA-164.408-SECRETARY', style: 'primary' }, { label: 'Snooze', command: 'snooze BR-1 US-HIPAA-164.408-SECRETARY 1d', needsReason: true }] }],
  },
};
const target = { platform: 'slack' as const, id: 'C0INC00001' };

describe('Slack notifier', () => {
  it('is registered in the hub and posts blocks plus a text fallback, resolving with the message ts', async () => {
    h = await startHarness();
    expect(h.notifier.platforms).toContain('slack');
    const receipt = await h.notifier.post(target, reminder);
    expect(receipt.messageId).toMatch(/^\d+\.\d+$/);
    const [call] = h.fake.callsOf('chat.postMessage');
    expect(call?.headers.authorization).toBe(`Bearer ${FAKE_BOT_TOKEN}`);
    expect(call?.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(call?.body.channel).toBe('C0INC00001');
    expect(call?.body.text).toContain('45 CFR 164.408');
    expect(typeof call?.body.blocks).toBe('string');
    const blocks = JSON.parse(String(call?.body.blocks));
    expect(blocks[0]).toMatchObject({ type: 'header' });
    expect(blocks.at(-1).elements.map((e: { action_id: string; value: string }) => [e.action_id, e.value])).toEqual([
      ['bd:1', 'done BR-1 US-HIPAA-164.408-SECRETARY'],
      ['bdr:2', 'snooze BR-1 US-HIPAA-164.408-SECRETARY 1d'],
    ]);
  });

  it('makes one attempt only: a 500 rejects at once, flagged as possibly posted, so the scheduler alone retries', async () => {
    h = await startHarness();
    h.fake.script('chat.postMessage', { status: 500, body: 'upstream error' });
    const error = await h.notifier.post(target, reminder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackPostError);
    expect((error as SlackPostError).maybeDelivered).toBe(true);
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('rejects a 429 at once with its Retry-After instead of waiting inside the client', async () => {
    h = await startHarness();
    h.fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } });
    const started = performance.now();
    const error = await h.notifier.post(target, reminder).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(900);
    expect((error as SlackPostError).retryAfterMs).toBe(7000);
    expect((error as SlackPostError).maybeDelivered).toBe(false);
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('rejects at once when Slack refuses the post (ok: false), without retrying', async () => {
    h = await startHarness();
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    const error = await h.notifier.post(target, reminder).catch((e: unknown) => e);
    expect(String(error)).toMatch(/channel_not_found/);
    expect((error as SlackPostError).maybeDelivered).toBe(false);
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(1);
  });
});
