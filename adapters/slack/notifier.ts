// The Slack Notifier: chat.postMessage with blocks and a text fallback, for reminders, digests and `summary`.
import type { webApi } from '@slack/bolt';
import type { ChannelTarget, DeliveryReceipt, Notifier } from '../../bot/ports.ts';
import type { Reply } from '../../bot/reply.ts';
import { describeError } from './identity.ts';
import { replyToBlocks } from './render-blocks.ts';

/** A post Slack did not accept; `retryAfterSeconds` is Slack's Retry-After when it was rate limiting. */
export class SlackPostError extends Error {
  override readonly name = 'SlackPostError';
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
    override readonly cause?: unknown,
  ) {
    super(message);
  }

  /** The scheduler's retry contract (bot/scheduler/retry.ts): Retry-After in milliseconds. */
  get retryAfterMs(): number | undefined {
    return this.retryAfterSeconds === undefined ? undefined : this.retryAfterSeconds * 1000;
  }
}

/** A Notifier over the Web API client; resolves with the message ts once Slack accepted the post, rejects otherwise. */
export function createSlackNotifier(client: webApi.WebClient): Notifier {
  return {
    platforms: ['slack'],
    async post(target: ChannelTarget, reply: Reply): Promise<DeliveryReceipt> {
      if (target.platform !== 'slack') throw new SlackPostError(`the Slack notifier cannot post to ${target.platform}`);
      const { text, blocks } = replyToBlocks(reply);
      try {
        // The client retries 5xx and network failures and waits out 429 Retry-After, within its retry policy.
        // link_names off: a plain "@here" or "@channel" in user text is never turned into a notification by Slack.
        const result = await client.chat.postMessage({ channel: target.id, text, blocks, unfurl_links: false, unfurl_media: false, link_names: false });
        if (!result.ok) throw new SlackPostError(`Slack refused the post: ${result.error ?? 'unknown error'}`);
        return result.ts ? { messageId: result.ts } : {};
      } catch (error) {
        if (error instanceof SlackPostError) throw error;
        throw new SlackPostError(`Slack post to ${target.id} failed: ${describeError(error)}`, retryAfter(error), error);
      }
    },
  };
}

function retryAfter(error: unknown): number | undefined {
  const e = error as { retryAfter?: number; message?: string } | undefined;
  if (typeof e?.retryAfter === 'number') return e.retryAfter;
  const m = /retry-after: (\d+)/.exec(e?.message ?? '');
  return m ? Number(m[1]) : undefined;
}
