// Builds a bot over an in-memory store and a manual clock, for command and adapter tests.
import { createBot, type Bot } from '../../commands/bot.ts';
import { createManualClock, type ManualClock } from '../../bot/clock.ts';
import { loadRules } from '../../bot/deadlines/load-rules.ts';
import { createNotifierHub, type NotifierHub } from '../../bot/notifier-hub.ts';
import type { IncidentStore, Logger } from '../../bot/ports.ts';
import { createCommandRegistry } from '../../commands/index.ts';
import type { Incident } from '../../bot/model/incident-schema.ts';
import { createMemoryStore } from '../../data/memory-store.ts';

export { makeIncident, usHospitalFacts } from './incidents.ts';

/** A logger that remembers lines instead of printing them. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
  };
  return { lines, debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') };
}

/** Everything a test needs around a bot. */
export interface TestBot {
  bot: Bot;
  store: IncidentStore;
  clock: ManualClock;
  logger: ReturnType<typeof createMemoryLogger>;
  notifier: NotifierHub;
}

/** A bot at `now` over an in-memory store holding `incidents`. */
export function createTestBot(now = '2025-03-01T12:00:00Z', incidents: Incident[] = []): TestBot {
  const store = createMemoryStore(incidents);
  const clock = createManualClock(now);
  const logger = createMemoryLogger();
  const notifier = createNotifierHub();
  const bot = createBot({
    store, clock, logger, notifier,
    rules: loadRules(),
    config: { defaultTimezone: 'America/Chicago', defaultOrganization: { name: 'Example Hospital', role: 'covered_entity', country: 'US' } },
    registry: createCommandRegistry(),
  });
  return { bot, store, clock, logger, notifier };
}
