// Display names for Slack user ids (events carry only the id), cached and never slow.
import type { webApi } from '@slack/bolt';
import { within } from './deliver.ts';

const MAX_ENTRIES = 1000;

/** A cached users.info lookup that answers the id itself when Slack is slow or the scope is missing. */
export function createUserNames(client: webApi.WebClient, timeoutMs = 1500): (userId: string) => Promise<string> {
  const cache = new Map<string, string>();
  return async (userId) => {
    const hit = cache.get(userId);
    if (hit) return hit;
    const lookup = client.users.info({ user: userId }).then(
      (r) => r.user?.profile?.display_name || r.user?.real_name || r.user?.name || undefined,
      () => undefined,
    );
    const name = await within(lookup, timeoutMs);
    if (!name) return userId;
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(userId, name);
    return name;
  };
}
