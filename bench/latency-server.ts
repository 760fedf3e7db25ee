// A child process for the command-latency bench: breachdesk's Slack front door (`ours`) or a bare ack-only Bolt app
// (`bare`) on 127.0.0.1, each in its own process as in production, so the client's work never lands on its timings.
// Usage: latency-server.ts ours|bare <fake Slack API URL> [store path]. Prints {"port":n} once listening; errors go to stderr.
import { readFileSync } from 'node:fs';
import { App, ExpressReceiver } from '@slack/bolt';
import { tuneHeap } from '../adapters/heap-tuning.ts';
import { createHttpServer } from '../adapters/http-server.ts';
import { openRuntime } from '../adapters/runtime.ts';
import { toBoltLogger } from '../adapters/slack/bolt-logger.ts';
import { SLACK_EVENTS_PATH, startSlack } from '../adapters/slack/index.ts';
import { createManualClock, systemClock } from '../bot/clock.ts';
import type { Clock, Logger } from '../bot/ports.ts';
import { FAKE_BOT_TOKEN } from '../tests/slack/fake-slack.ts';
import { SIGNING_SECRET } from '../tests/slack/signed-request.ts';

// The user of the signed slash-command fixture: an admin, so the bench times real answers (each one also writes its read to the access log).
const BENCH_USER = 'slack:U0SAM00001';
const BOT_ID = 'BBOT';
const BOT_USER_ID = 'UBOT';
const [mode, apiUrl, storePath] = process.argv.slice(2);
// Info and warnings dropped; errors reported, so a broken run is not reported as fast.
const logger: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (message) => void process.stderr.write(`${message}\n`) };

const http = createHttpServer();
if (mode === 'ours' && storePath && apiUrl) {
  tuneHeap(); // as `npm start` does
  const runtime = await openRuntime({ dataPath: storePath, clock: storeClock(storePath), logger, core: { defaultTimezone: 'America/Chicago', admins: [BENCH_USER], openers: [] } });
  // processBeforeResponse: the HTTP response carries the answer, so the client times the whole command.
  const slack = { botToken: FAKE_BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl, botId: BOT_ID, botUserId: BOT_USER_ID };
  await startSlack({ bot: runtime.bot, http, notifierHub: runtime.notifier, config: slack, logger, seenRequests: runtime.store, tuning: { processBeforeResponse: true } });
} else if (mode === 'bare' && apiUrl) {
  // Bolt's ExpressReceiver on the same Express 5 server; botId and botUserId given, so Bolt never calls auth.test.
  const receiver = new ExpressReceiver({ signingSecret: SIGNING_SECRET, endpoints: SLACK_EVENTS_PATH, app: http.app, processBeforeResponse: true, logger: toBoltLogger(logger) });
  const app = new App({ receiver, token: FAKE_BOT_TOKEN, botId: BOT_ID, botUserId: BOT_USER_ID, logger: toBoltLogger(logger), clientOptions: { slackApiUrl: apiUrl } });
  app.command('/breach', async ({ ack }) => {
    await ack();
  });
} else {
  process.stderr.write('usage: latency-server.ts ours|bare <fake Slack API URL> [store path]\n');
  process.exit(2);
}
process.stdout.write(`${JSON.stringify({ port: await http.listen(0, '127.0.0.1') })}\n`);

/** The store's own creation instant (synthetic stores are built around it), else real time. */
function storeClock(path: string): Clock {
  try {
    const createdAt = (JSON.parse(readFileSync(path, 'utf8')) as { createdAt?: unknown }).createdAt;
    if (typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt))) return createManualClock(createdAt);
  } catch {
    // fall through
  }
  return systemClock;
}
