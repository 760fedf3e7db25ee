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
    /** Slack may have posted it anyway (no answer in time, a dropped connection, a 5xx): a retry may repeat it. */
    readonly maybeDelivered = false,
  ) {
    super(message);
  }

  /** The scheduler's retry contract (bot/scheduler/retry.ts): Retry-After in milliseconds. */
  get retryAfterMs(): number | undefined {
    return this.retryAfterSeconds === undefined ? undefined : this.retryAfterSeconds * 1000;
  }
}

/**
 * A Notifier over the Web API client; resolves with the message ts once Slack accepted the post, rejects otherwise.
 * Give it a client with `retryConfig: { retries: 0 }` and `rejectRateLimitedCalls: true` (notifierClientOptions): the
 * scheduler is the one retry layer, and it honours Retry-After for every channel at once.
 */
export function createSlackNotifier(client: webApi.WebClient): Notifier {
  return {
    platforms: ['slack'],
    async post(target: ChannelTarget, reply: Reply): Promise<DeliveryReceipt> {
      if (target.platform !== 'slack') throw new SlackPostError(`the Slack notifier cannot post to ${target.platform}`);
      const { text, blocks } = replyToBlocks(reply);
      try {
        // link_names off: a plain "@here" or "@channel" in user text is never turned into a notification by Slack.
        const result = await client.chat.postMessage({ channel: target.id, text, blocks, unfurl_links: false, unfurl_media: false, link_names: false });
        if (!result.ok) throw new SlackPostError(`Slack refused the post: ${result.error ?? 'unknown error'}`);
        return result.ts ? { messageId: result.ts } : {};
      } catch (error) {
        if (error instanceof SlackPostError) throw error;
        throw new SlackPostError(`Slack post to ${target.id} failed: ${describeError(error)}`, retryAfter(error), error, maybeDelivered(error));
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

/** A request that may have reached Slack without an answer (timeout, reset, 5xx); a refused connection never did. */
function maybeDelivered(error: unknown): boolean {
  const e = error as { code?: string; statusCode?: number; original?: { cause?: { code?: string }; name?: string } } | undefined;
  if (e?.code === 'slack_webapi_http_error') return (e.statusCode ?? 0) >= 500;
  if (e?.code !== 'slack_webapi_request_error') return false;
  const cause = e.original?.cause?.code;
  return cause !== 'ECONNREFUSED' && cause !== 'ENOTFOUND' && cause !== 'EAI_AGAIN';
}
