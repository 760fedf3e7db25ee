// The terminal front door as a newcomer meets it: demo data on first run, reminders printed, chat on stdin/stdout.
import type { Clock, Logger, RequestActor } from '../bot/ports.ts';
import type { AppConfig } from './config.ts';
import { demoIncidents } from './demo-data.ts';
import { startScheduler } from './scheduling.ts';
import type { Runtime } from './runtime.ts';
import { createTerminalNotifier, runTerminalChat } from './terminal/terminal-chat.ts';

/** Seed the demo store when it is empty; returns how many incidents were created. */
export async function seedDemoStore(runtime: Runtime, clock: Clock): Promise<number> {
  if ((await runtime.store.ids()).length > 0) return 0;
  for (const build of demoIncidents(clock.now())) await runtime.store.create(build);
  return 2;
}

/** Run the terminal chat until the user leaves. */
export async function runInteractive(options: { runtime: Runtime; config: AppConfig; clock: Clock; logger: Logger; actor: RequestActor }): Promise<void> {
  const { runtime, config, clock, actor } = options;
  const seeded = config.demo ? await seedDemoStore(runtime, clock) : 0;
  runtime.notifier.register(createTerminalNotifier(process.stdout));
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
    await runTerminalChat({ bot: runtime.bot, actor, input: process.stdin, output: process.stdout, banner: lines.join('\n') });
  } finally {
    await scheduler?.stop();
  }
}
