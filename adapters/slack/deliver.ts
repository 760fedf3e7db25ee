// Sending a reply back where the request came from: response_url, a modal, the channel, or the user's DM.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../bot/ports.ts';
import type { Reply } from '../../bot/reply.ts';
import { describeError } from './identity.ts';
import { replyModal } from './modals.ts';
import { replyToBlocks } from './render-blocks.ts';
import { uploadReplyFile, withFileNote } from './upload-file.ts';

/** Posts a JSON message to a response_url (Bolt's `respond`, or our own for modal submissions). */
export type Respond = (message: Record<string, unknown>) => Promise<unknown>;

/** Where a request came from, so the answer goes back there. */
export interface ReplyOrigin {
  userId: string;
  channelId?: string;
  threadTs?: string;
  respond?: Respond;
  /** Present for clicks inside the Home tab or a modal: the answer opens (or stacks) a modal. */
  triggerId?: string;
  inModal?: boolean;
}

/** What delivery needs. */
export interface DeliveryDeps {
  client: webApi.WebClient;
  logger: Logger;
}

// Links in people's text (a note, a title) are shown, never previewed: an unfurl fetches the URL (telling its owner the
// incident was just posted) and puts a preview of the owner's choosing under breachdesk's message. As for reminders.
const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

/** The body of a slash-command answer or response_url post for a reply. */
export function responseMessage(reply: Reply, source?: string): Record<string, unknown> {
  const { text, blocks } = replyToBlocks(reply, source ? { source } : {});
  return { response_type: reply.visibility === 'channel' ? 'in_channel' : 'ephemeral', replace_original: false, text, blocks, ...NO_UNFURL };
}

/** Deliver a reply to its origin; failures are logged, never thrown (the command already ran). */
export async function deliverReply(deps: DeliveryDeps, answer: Reply, origin: ReplyOrigin, source?: string): Promise<void> {
  const reply = withFileNote(answer, Boolean(origin.channelId));
  try {
    if (origin.respond) {
      await origin.respond(responseMessage(reply, source));
      return;
    }
    if (origin.triggerId && (await showInModal(deps, reply, origin.triggerId, origin.inModal ?? false, source))) return;
    const { text, blocks } = replyToBlocks(reply, source ? { source } : {});
    const thread = origin.threadTs ? { thread_ts: origin.threadTs } : {};
    if (origin.channelId && reply.visibility === 'channel') {
      await deps.client.chat.postMessage({ channel: origin.channelId, text, blocks, link_names: false, ...NO_UNFURL, ...thread });
    } else if (origin.channelId) {
      await deps.client.chat.postEphemeral({ channel: origin.channelId, user: origin.userId, text, blocks, ...thread });
    } else {
      // Posting to a user id lands in the app's Messages tab with that user.
      await deps.client.chat.postMessage({ channel: origin.userId, text, blocks, link_names: false, ...NO_UNFURL });
    }
  } catch (error) {
    deps.logger.warn(`could not deliver a Slack reply: ${describeError(error)}`, { user: origin.userId, channel: origin.channelId, source });
  }
  await deliverFile(deps, reply, origin);
}

/** Upload the reply's file, if any, and tell the asker privately when it could not be sent. */
export async function deliverFile(deps: DeliveryDeps, reply: Reply, origin: ReplyOrigin): Promise<void> {
  if (!reply.file || reply.outcome !== 'ok') return;
  const sent = await uploadReplyFile(deps, reply.file, origin);
  if (sent.ok) return;
  const note = { response_type: 'ephemeral', replace_original: false, text: sent.text };
  await (origin.respond ? origin.respond(note) : deps.client.chat.postMessage({ channel: origin.userId, text: sent.text })).catch(() => undefined);
}

/** Show a reply in a modal; false when Slack refused (a trigger_id lives 3 s), so the caller falls back to a DM. */
async function showInModal(deps: DeliveryDeps, reply: Reply, triggerId: string, onTop: boolean, source?: string): Promise<boolean> {
  const view = replyModal(reply, source);
  try {
    if (onTop) await deps.client.views.push({ trigger_id: triggerId, view });
    else await deps.client.views.open({ trigger_id: triggerId, view });
    return true;
  } catch (error) {
    deps.logger.warn(`could not show a reply in a Slack modal, sending it as a direct message: ${describeError(error)}`);
    return false;
  }
}

/** Slack's own response_url host, or the configured Web API's origin (SLACK_API_URL: a proxy, or the local fake in tests). */
export function isSlackResponseUrl(responseUrl: string, apiUrl: string): boolean {
  try {
    const url = new URL(responseUrl);
    if (url.protocol === 'https:' && url.hostname === 'hooks.slack.com') return true;
    return url.origin === new URL(apiUrl).origin;
  } catch {
    return false;
  }
}

/** A `respond` that posts to a stored response_url (modal submissions carry none of their own). */
export function respondTo(responseUrl: string, fetchFn: typeof fetch = fetch): Respond {
  return async (message) => {
    const response = await fetchFn(responseUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`response_url answered ${response.status}`);
    return response;
  };
}

/** Resolve with the promise's value if it settles within `ms`, else undefined (the promise keeps running). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
