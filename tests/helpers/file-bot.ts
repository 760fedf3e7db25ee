// A test bot over the lowdb file store (what `npm start` runs on), for restart tests.
import { createBot } from '../../commands/bot.ts';
import { createManualClock } from '../../bot/clock.ts';
import { loadRules } from '../../bot/deadlines/load-rules.ts';
import { createNotifierHub } from '../../bot/notifier-hub.ts';
import { createCommandRegistry } from '../../commands/index.ts';
import { openFileStore } from '../../data/file-store.ts';
import { createMemoryLogger, TEST_ADMINS, type TestBot } from './test-bot.ts';

/** Like createTestBot, over the file store at `path`; close its store before reopening the same path. */
export async function createFileBot(path: string, now = '2025-03-01T12:00:00Z'): Promise<TestBot> {
  const clock = createManualClock(now);
  const store = await openFileStore(path, clock.now());
  const logger = createMemoryLogger();
  const notifier = createNotifierHub();
  const bot = createBot({
    store, clock, logger, notifier, rules: loadRules(), registry: createCommandRegistry(),
    config: { defaultTimezone: 'America/Chicago', defaultOrganization: { name: 'Example Hospital', role: 'covered_entity', country: 'US' }, admins: TEST_ADMINS, openers: [] },
  });
  return { bot, store, clock, logger, notifier };
}
