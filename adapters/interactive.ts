// The terminal front door as a newcomer meets it: demo data on first run, reminders printed, chat on stdin/stdout.
import { applyCreate, SYSTEM_ACTOR } from '../bot/domain/change.ts';
import type { Clock, Logger, RequestActor } from '../bot/ports.ts';
import type { AppConfig } from './config.ts';
import { demoIncidents } from './demo-data.ts';
import { sealLegacy } from '../bot/record/chain.ts';
import { startScheduler } from './scheduling.ts';
import { quietStart } from '../bot/scheduler/quiet-start.ts';
import type { Runtime } from './runtime.ts';
import { createTerminalNotifier, createTerminalPrinter, runTerminalChat } from './terminal/terminal-chat.ts';

/**
 * Seed the demo store when it is empty; returns how many incidents were created. Reminders and digests already due
 * are recorded as skipped, so the first screen is the welcome and the incidents, not alarms about clocks that ran
 * before the store existed.
 */
export async function seedDemoStore(runtime: Runtime, clock: Clock, config?: Pick<AppConfig, 'BREACHDESK_ESCALATE_HOURS' | 'BREACHDESK_DIGEST_TIME'>): Promise<number> {
  if ((await runtime.store.ids()).length > 0) return 0;
  const now = clock.now();
  const quiet = { rules: runtime.bot.rules, escalateAfterHours: config?.BREACHDESK_ESCALATE_HOURS ?? 4, ...(config?.BREACHDESK_DIGEST_TIME ? { digestTime: config.BREACHDESK_DIGEST_TIME } : {}) };
  const builds = demoIncidents(now);
  // Demo records carry their own (past) timelines, sealed into a first link like any record written before chaining;
  // they are created through the one change path like any other.
  const ctx = { store: runtime.store, actor: SYSTEM_ACTOR, now };
  for (const build of builds) await applyCreate(ctx, (id) => ({ next: sealLegacy(quietStart(build(id), now, quiet), now), events: [] }));
  return builds.length;
}

/** Run the terminal chat until the user leaves. */
export async function runInteractive(options: { runtime: Runtime; config: AppConfig; clock: Clock; logger: Logger; actor: RequestActor }): Promise<void> {
  const { runtime, config, clock, actor } = options;
  const seeded = config.demo ? await seedDemoStore(runtime, clock, config) : 0;
  const printer = createTerminalPrinter(process.stdout);
  runtime.notifier.register(createTerminalNotifier(printer));
  const lines = [
    'breachdesk: incident facts, every notification clock with its citation.',
    config.demo
      ? `Demo store: ${runtime.store.location}${seeded ? ' (created with two demo incidents)' : ''}. No Slack or Teams credentials are set, so this is the terminal front door.`
      : `Store: ${runtime.store.location}`,
    'Try: help · list · show BR-1 · deadlines BR-1 · exit',
  ];
  // Reminders for incidents linked to the terminal (`link BR-1`) print here as they come due. Not on a shared
  // PostgreSQL store: its replicas' leader schedules, and a terminal that cannot reach Slack or Teams must not.
  const scheduler = runtime.lease ? undefined : startScheduler(runtime, config, clock, options.logger);
  if (!scheduler) lines.push('Shared PostgreSQL store: reminders are sent by the running replicas, not by this terminal.');
  try {
    await runTerminalChat({ bot: runtime.bot, actor, input: process.stdin, output: process.stdout, banner: lines.join('\n'), printer });
  } finally {
    await scheduler?.stop();
  }
}
