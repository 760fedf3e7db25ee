// Starts the reminder scheduler over a runtime with the configured tick, digests and escalation.
import { parseChannelTarget } from '../bot/scheduler/digest.ts';
import { createScheduler, type Scheduler } from '../bot/scheduler/scheduler.ts';
import type { Clock, Logger } from '../bot/ports.ts';
import type { AppConfig } from './config.ts';
import type { Runtime } from './runtime.ts';
import { createAnchorJob } from '../bot/record/anchor-job.ts';

/** Build and start the scheduler; the caller stops it before closing the store. */
export function startScheduler(runtime: Runtime, config: AppConfig, clock: Clock, logger: Logger): Scheduler {
  const portfolio = config.BREACHDESK_DIGEST_CHANNEL ? parseChannelTarget(config.BREACHDESK_DIGEST_CHANNEL) : undefined;
  const scheduler = createScheduler({
    store: runtime.store,
    rules: runtime.bot.rules,
    clock,
    notifier: runtime.notifier,
    logger,
    tickSeconds: config.BREACHDESK_TICK_SECONDS,
    escalateAfterHours: config.BREACHDESK_ESCALATE_HOURS,
    access: runtime.bot.access,
    digest: { localTime: config.BREACHDESK_DIGEST_TIME, ...(portfolio ? { portfolioChannel: portfolio } : {}) },
    // Once a day, the chain heads of changed incidents go to the anchor channel.
    ...(config.anchorChannel ? { jobs: [createAnchorJob({ store: runtime.store, notifier: runtime.notifier, channel: config.anchorChannel, logger })] } : {}),
  });
  scheduler.start();
  return scheduler;
}
