// One display name per Slack user, wherever they act from: users.info once (cached), never slow.
import type { webApi } from '@slack/bolt';
import { within } from './deliver.ts';

const MAX_ENTRIES = 1000;
/** A renamed user shows their new name within a day. */
const TTL_MS = 24 * 60 * 60_000;

/**
 * A cached users.info lookup (display name, else real name, else handle). A slash command, a click, a mention and a
 * modal all name the user the same way. When Slack is slow or the scope is missing the answer is `fallback` (the handle
 * the payload carries) or the id, not cached, and the lookup finishes in the background for next time.
 */
export function createUserNames(client: webApi.WebClient, timeoutMs = 1500, nowMs: () => number = Date.now): (userId: string, fallback?: string) => Promise<string> {
  const cache = new Map<string, { name: string; at: number }>();
  const pending = new Map<string, Promise<string | undefined>>();
  const lookup = (userId: string) => {
    let running = pending.get(userId);
    if (!running) {
      running = client.users.info({ user: userId }).then(
        (r) => {
          const name = r.user?.profile?.display_name?.trim() || r.user?.real_name?.trim() || r.user?.name || undefined;
          if (name) {
            if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
            cache.set(userId, { name, at: nowMs() });
          }
          return name;
        },
        () => undefined,
      );
      pending.set(userId, running);
      void running.finally(() => pending.delete(userId));
    }
    return running;
  };
  return async (userId, fallback) => {
    const hit = cache.get(userId);
    if (hit && nowMs() - hit.at < TTL_MS) return hit.name;
    const name = await within(lookup(userId), timeoutMs);
    return name ?? hit?.name ?? (fallback?.trim() || userId);
  };
}
