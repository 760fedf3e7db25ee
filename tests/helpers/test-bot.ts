// Builds a bot over an in-memory store and a manual clock, for command and adapter tests.
import { createBot, type Bot } from '../../commands/bot.ts';
import { createManualClock, type ManualClock } from '../../bot/clock.ts';
import { loadRules } from '../../bot/deadlines/load-rules.ts';
import { createNotifierHub, type NotifierHub } from '../../bot/notifier-hub.ts';
import type { IncidentStore, Logger } from '../../bot/ports.ts';
import { createCommandRegistry, type CoreConfig } from '../../commands/index.ts';
import type { Incident } from '../../bot/model/incident-schema.ts';
import { createMemoryStore } from '../../data/memory-store.ts';

export { makeIncident, usHospitalFacts } from './incidents.ts';

/** The people the pre-existing adapter and command tests speak as: admins, so those tests exercise their feature, not access control (tests/access covers it). */
export const TEST_ADMINS = [
  'slack:U0SAM00001', 'slack:U0ANA00002', 'slack:U-SAM', 'teams:U-SAM', 'slack:U-DANA', 'slack:U1', 'teams:u',
  'teams:6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5', 'teams:29:1Xq3tK9mZ8v0bJdPrivacyOfficerTeamsId', 'teams:0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d',
];

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
export function createTestBot(now = '2025-03-01T12:00:00Z', incidents: Incident[] = [], config: Partial<CoreConfig> = {}): TestBot {
  const store = createMemoryStore(incidents);
  const clock = createManualClock(now);
  const logger = createMemoryLogger();
  const notifier = createNotifierHub();
  const bot = createBot({
    store, clock, logger, notifier,
    rules: loadRules(),
    config: { defaultTimezone: 'America/Chicago', defaultOrganization: { name: 'Example Hospital', role: 'covered_entity', country: 'US' }, admins: TEST_ADMINS, openers: [], ...config },
    registry: createCommandRegistry(),
  });
  return { bot, store, clock, logger, notifier };
}
