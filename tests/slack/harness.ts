// The real Bolt receiver on the shared HTTP server at 127.0.0.1, a test bot, and the fake Slack, wired like production.
import type { Bot } from '../../commands/bot.ts';
import { createHttpServer, type HttpServer } from '../../adapters/http-server.ts';
import { startSlack, type SlackConfig, type SlackHandle, type SlackTuning } from '../../adapters/slack/index.ts';
import type { Incident } from '../../bot/model/incident-schema.ts';
import { createTestBot, makeIncident, usHospitalFacts, type TestBot } from '../helpers/test-bot.ts';
import { FAKE_BOT_TOKEN, startFakeSlack, type FakeSlack } from './fake-slack.ts';
import { SIGNING_SECRET } from './signed-request.ts';

/** Business "now" of every Slack test. */
export const NOW = '2025-03-01T12:00:00Z';

/** Everything a Slack test talks to. */
export interface SlackHarness extends TestBot {
  fake: FakeSlack;
  http: HttpServer;
  slack: SlackHandle;
  /** http://127.0.0.1:<port>/slack/events */
  eventsUrl: string;
  /** All incidents, for before/after comparisons. */
  snapshot(): Promise<string>;
  close(): Promise<void>;
}

/** Quick retries so failure paths finish within a test's budget. */
export const TEST_RETRY = { retries: 2, factor: 2, minTimeout: 20, maxTimeout: 100 };

/** Start a harness; `wrap` may replace the bot (e.g. a slow one), `tuning` overrides the test defaults. */
export async function startHarness(
  options: { incidents?: Incident[]; tuning?: SlackTuning; wrap?: (bot: Bot) => Bot; testBot?: TestBot; config?: Partial<SlackConfig> } = {},
): Promise<SlackHarness> {
  const fake = await startFakeSlack();
  const t = options.testBot ?? createTestBot(NOW, options.incidents ?? [makeIncident('BR-1', usHospitalFacts())]);
  const http = createHttpServer();
  const slack = await startSlack({
    bot: options.wrap ? options.wrap(t.bot) : t.bot,
    http,
    notifierHub: t.notifier,
    config: { botToken: FAKE_BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, ...options.config },
    logger: t.logger,
    // Replays are remembered by the test bot's store, as production remembers them in its store.
    seenRequests: t.store,
    tuning: { processBeforeResponse: true, retryConfig: TEST_RETRY, identityRetryDelaysMs: [50], ...options.tuning },
  });
  const port = await http.listen(0, '127.0.0.1');
  return {
    ...t,
    fake,
    http,
    slack,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    snapshot: async () => JSON.stringify(await t.store.list()),
    async close() {
      await slack.stop();
      await http.close();
      await fake.close();
    },
  };
}

/** A bot that takes `ms` longer than the real one, to exercise the ack-then-respond path. */
export function slowBot(bot: Bot, ms: number): Bot {
  return { ...bot, handle: (request) => new Promise((resolve) => setTimeout(() => resolve(bot.handle(request)), ms)) };
}
