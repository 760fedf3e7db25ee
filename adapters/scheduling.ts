// Starts the reminder scheduler over a runtime with the configured tick, digests and escalation; with several
// replicas on one PostgreSQL database, only the holder of the scheduler lease runs it, and a follower takes over.
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

/** The scheduling of one process: it may or may not be the one running the scheduler right now. */
export interface Scheduling {
  /** True while this process runs the scheduler. */
  leading(): boolean;
  /** Stop scheduling and give the lease up. */
  stop(): Promise<void>;
}

/** Run the scheduler here, at once (file store: its lock allows one process) or whenever this replica holds the lease. */
export function startScheduling(runtime: Runtime, config: AppConfig, clock: Clock, logger: Logger): Scheduling {
  const lease = runtime.lease;
  if (!lease) {
    const scheduler = startScheduler(runtime, config, clock, logger);
    return { leading: () => true, stop: () => scheduler.stop() };
  }
  let scheduler: Scheduler | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const every = config.BREACHDESK_LEADER_POLL_SECONDS * 1000;

  const resign = async (why: string) => {
    const current = scheduler;
    scheduler = undefined;
    if (!current) return;
    logger.warn(`scheduler: this replica stops scheduling (${why})`);
    await current.stop();
  };
  const unsubscribe = lease.onLost(() => void resign('lost the scheduler lease'));

  async function check(): Promise<void> {
    const held = await lease!.tryHold();
    if (stopped) return;
    if (held && !scheduler) {
      logger.info('scheduler: this replica holds the scheduler lease and runs the scheduler');
      scheduler = startScheduler(runtime, config, clock, logger);
    } else if (!held && scheduler) await resign('the scheduler lease is no longer held');
  }
  const loop = () => {
    check()
      .catch((error: unknown) => logger.warn('scheduler: lease check failed', { error: (error as Error).message }))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, every).unref();
      });
  };
  loop();
  return {
    leading: () => scheduler !== undefined,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      await scheduler?.stop();
      scheduler = undefined;
      await lease.release();
    },
  };
}
