// Routes a post to the notifier of the target's platform; adapters register themselves at start-up.
import type { Reply } from './reply.ts';
import type { ChannelTarget, DeliveryReceipt, Notifier } from './ports.ts';

/** A Notifier made of per-platform notifiers. */
export interface NotifierHub extends Notifier {
  /** Add a platform notifier (Slack, Teams, terminal). */
  register(notifier: Notifier): void;
}

/** An empty hub; posting to an unregistered platform rejects (so the scheduler retries later). */
export function createNotifierHub(): NotifierHub {
  const byPlatform = new Map<ChannelTarget['platform'], Notifier>();
  return {
    get platforms() {
      return [...byPlatform.keys()];
    },
    register(notifier) {
      for (const p of notifier.platforms) byPlatform.set(p, notifier);
    },
    post(target: ChannelTarget, reply: Reply): Promise<DeliveryReceipt> {
      const notifier = byPlatform.get(target.platform);
      if (!notifier) return Promise.reject(new Error(`no ${target.platform} connection is running`));
      return notifier.post(target, reply);
    },
  };
}
