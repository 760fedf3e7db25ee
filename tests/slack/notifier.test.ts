// The Slack notifier the scheduler uses: chat.postMessage with blocks + text, retries on 5xx, honours 429 Retry-After.
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../bot/reply.ts';
import { SlackPostError } from '../../adapters/slack/index.ts';
import { FAKE_BOT_TOKEN } from './fake-slack.ts';
import { startHarness, TEST_RETRY, type SlackHarness } from './harness.ts';

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

  it('retries after a 500 and then succeeds', async () => {
    h = await startHarness();
    h.fake.script('chat.postMessage', { status: 500, body: 'upstream error' });
    await expect(h.notifier.post(target, reminder)).resolves.toMatchObject({ messageId: expect.any(String) });
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(2);
  });

  it('waits out a 429 Retry-After before trying again', async () => {
    h = await startHarness();
    h.fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    const started = performance.now();
    await h.notifier.post(target, reminder);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(2);
  });

  it('rejects once the retries are used up, so the scheduler retries later and records nothing', async () => {
    h = await startHarness();
    h.fake.script('chat.postMessage', ...Array.from({ length: TEST_RETRY.retries + 1 }, () => ({ status: 503, body: 'down' })));
    await expect(h.notifier.post(target, reminder)).rejects.toBeInstanceOf(SlackPostError);
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(TEST_RETRY.retries + 1);
  });

  it('rejects at once when Slack refuses the post (ok: false), without retrying', async () => {
    h = await startHarness();
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    await expect(h.notifier.post(target, reminder)).rejects.toThrow(/channel_not_found/);
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('reports Retry-After on the error when rate limiting outlasts the retries', async () => {
    h = await startHarness({ tuning: { retryConfig: { retries: 0 } } });
    h.fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    const error = await h.notifier.post(target, reminder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackPostError);
    expect((error as SlackPostError).retryAfterSeconds).toBe(1);
    expect((error as SlackPostError).retryAfterMs).toBe(1000);
  });
});
