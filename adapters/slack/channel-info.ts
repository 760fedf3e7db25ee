// Whether a Slack channel is private and how many people it has (conversations.info once, cached), for the link warning.
import type { webApi } from '@slack/bolt';
import type { RequestChannel } from '../../commands/context.ts';
import type { Logger } from '../../bot/ports.ts';
import { within } from './deliver.ts';
import { describeError } from './identity.ts';

const MAX_ENTRIES = 1000;
/** A channel made private (or grown) is seen as such within ten minutes. */
const TTL_MS = 10 * 60_000;

type Facts = Pick<RequestChannel, 'name' | 'isPrivate' | 'memberCount'>;

/**
 * A cached conversations.info lookup that fills a request channel's `isPrivate`, `memberCount` (and name when the payload
 * has none). When Slack is slow, the scope is missing or the bot is not in the channel, the channel is returned as it came
 * (the warning then relies on the name), the failure is logged once per channel, and nothing is cached.
 */
export function createChannelInfo(client: webApi.WebClient, logger: Logger, timeoutMs = 1000, nowMs: () => number = Date.now): (channel: RequestChannel | undefined) => Promise<RequestChannel | undefined> {
  const cache = new Map<string, { facts: Facts; at: number }>();
  const pending = new Map<string, Promise<Facts | undefined>>();
  const warned = new Set<string>();
  const lookup = (id: string) => {
    let running = pending.get(id);
    if (!running) {
      running = client.conversations.info({ channel: id, include_num_members: true }).then(
        (r) => {
          const c = r.channel;
          const facts: Facts = {
            ...(c?.name ? { name: c.name } : {}),
            // A DM or group DM is private whatever is_private says.
            ...(typeof c?.is_private === 'boolean' || c?.is_im || c?.is_mpim ? { isPrivate: c?.is_private === true || c?.is_im === true || c?.is_mpim === true } : {}),
            ...(typeof c?.num_members === 'number' ? { memberCount: c.num_members } : {}),
          };
          if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
          cache.set(id, { facts, at: nowMs() });
          warned.delete(id);
          return facts;
        },
        (error: unknown) => {
          if (!warned.has(id)) logger.warn('slack: conversations.info failed; the public-channel warning relies on the channel name', { channel: id, error: describeError(error) });
          warned.add(id);
          return undefined;
        },
      );
      pending.set(id, running);
      void running.finally(() => pending.delete(id));
    }
    return running;
  };
  return async (channel) => {
    if (!channel) return channel;
    const hit = cache.get(channel.id);
    const facts = hit && nowMs() - hit.at < TTL_MS ? hit.facts : ((await within(lookup(channel.id), timeoutMs)) ?? hit?.facts);
    if (!facts) return channel;
    // What the payload says about privacy (a DM placeholder name) stands; Slack's answer fills the rest.
    return { ...channel, ...(channel.name ? {} : facts.name ? { name: facts.name } : {}), ...(facts.isPrivate !== undefined ? { isPrivate: channel.isPrivate ?? facts.isPrivate } : {}), ...(facts.memberCount !== undefined ? { memberCount: facts.memberCount } : {}) };
  };
}
