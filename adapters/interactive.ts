// The terminal front door as a newcomer meets it: demo data on first run, reminders printed, chat on stdin/stdout.
import type { Clock, Logger, RequestActor } from '../bot/ports.ts';
import type { AppConfig } from './config.ts';
import { demoIncidents } from './demo-data.ts';
import { sealLegacy } from '../bot/record/chain.ts';
import { startScheduler } from './scheduling.ts';
import type { Runtime } from './runtime.ts';
import { createTerminalNotifier, runTerminalChat } from './terminal/terminal-chat.ts';

/** Seed the demo store when it is empty; returns how many incidents were created. */
export async function seedDemoStore(runtime: Runtime, clock: Clock): Promise<number> {
  if ((await runtime.store.ids()).length > 0) return 0;
  // Demo entries are sealed into the chain like any record written before chaining.
  for (const build of demoIncidents(clock.now())) await runtime.store.create((id) => sealLegacy(build(id), clock.now()));
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
  // Reminders for incidents linked to the terminal (`link BR-1`) print here as they come due.
  const scheduler = startScheduler(runtime, config, clock, options.logger);
  try {
    await runTerminalChat({ bot: runtime.bot, actor, input: process.stdin, output: process.stdout, banner: lines.join('\n') });
  } finally {
    await scheduler.stop();
  }
}
