// Slash-command latency over real HTTP: breachdesk's `/breach deadlines BR-n` against a bare Bolt app that only acks.
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { App, ExpressReceiver } from '@slack/bolt';
import { createHttpServer, type HttpServer } from '../adapters/http-server.ts';
import { openRuntime, type Runtime } from '../adapters/runtime.ts';
import { toBoltLogger } from '../adapters/slack/bolt-logger.ts';
import { SLACK_EVENTS_PATH, startSlack, type SlackHandle } from '../adapters/slack/index.ts';
import { createManualClock, systemClock } from '../bot/clock.ts';
import type { Clock, Logger } from '../bot/ports.ts';
import { FAKE_BOT_TOKEN, startFakeSlack, type FakeSlack } from '../tests/slack/fake-slack.ts';
import { SIGNING_SECRET, signatureHeaders, slashBody } from '../tests/slack/signed-request.ts';
import { percentile } from './stats.ts';

/** p50 / p99 in milliseconds, send → full response body. */
export interface LatencySummary {
  p50: number;
  p99: number;
}

/** Ours (the full bot behind Bolt) and the floor (Bolt alone, ack only), measured side by side. */
export interface CommandLatencyResult {
  ours: LatencySummary;
  bare: LatencySummary;
}

const BOT_ID = 'BBOT';
const BOT_USER_ID = 'UBOT';
const BLOCK = 50;

/**
 * Sequential signed `/breach deadlines BR-<k>` requests to breachdesk's Slack front door (processBeforeResponse, so the
 * response carries the answer) and the same bodies to a bare Bolt app whose handler only acks, alternating in blocks of 50.
 */
export async function benchCommandLatency(storePath: string, options: { requests?: number; warmup?: number } = {}): Promise<CommandLatencyResult> {
  const requests = options.requests ?? 300;
  const warmup = options.warmup ?? 30;
  // openRuntime would create an empty store at a mistyped path.
  if (!existsSync(storePath)) throw new Error(`command latency: no store at ${storePath}`);
  const logger = quietLogger();
  const opened: Array<() => Promise<unknown>> = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const fake: FakeSlack = await startFakeSlack();
    opened.push(() => fake.close());

    // Ours: the store, the bot and the Slack adapter on the shared HTTP server, as `npm start` wires them.
    const runtime: Runtime = await openRuntime({ dataPath: storePath, clock: storeClock(storePath), logger, core: { defaultTimezone: 'America/Chicago' } });
    // Steady state: every record parsed (the start-up rows measure the time before that).
    await runtime.store.list();
    opened.push(() => runtime.close());
    const oursHttp = createHttpServer();
    opened.push(() => oursHttp.close());
    const slack: SlackHandle = await startSlack({
      bot: runtime.bot,
      http: oursHttp,
      notifierHub: runtime.notifier,
      config: { botToken: FAKE_BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, botId: BOT_ID, botUserId: BOT_USER_ID },
      logger,
      tuning: { processBeforeResponse: true },
    });
    opened.push(() => slack.stop());
    const oursUrl = new URL(`http://127.0.0.1:${await oursHttp.listen(0, '127.0.0.1')}${SLACK_EVENTS_PATH}`);

    // The floor: Bolt's ExpressReceiver on the same Express 5 server, a handler that only acks.
    const bareHttp = createHttpServer();
    opened.push(() => bareHttp.close());
    const bareUrl = new URL(`http://127.0.0.1:${await bareHttp.listen(0, '127.0.0.1')}${SLACK_EVENTS_PATH}`);
    startBareBolt(bareHttp, fake, logger);

    // The same bodies for both: pseudo-random incidents across the whole store.
    const count = (await runtime.store.list()).length;
    if (count === 0) throw new Error(`command latency: the store at ${storePath} has no incidents`);
    const ids = incidentIds(count, warmup + requests);
    const bodies = ids.map((k) => slashBody(`deadlines BR-${k}`, fake.responseUrl()));

    // The answer must really be the deadlines of that incident, not an error or an empty ack.
    const first = await post(agent, oursUrl, bodies[0]!);
    if (first.status !== 200 || !first.text.includes(`BR-${ids[0]!}`) || !/45 CFR|deadlines at/.test(first.text)) {
      throw new Error(`command latency: the first answer is not a deadlines reply (HTTP ${first.status}): ${first.text.slice(0, 300)}`);
    }

    const ours: number[] = [];
    const bare: number[] = [];
    // Warm-up for both (JIT, sockets, caches), not counted.
    for (let i = 0; i < warmup; i++) {
      await timed(agent, oursUrl, bodies[i]!);
      await timed(agent, bareUrl, bodies[i]!);
    }
    // Alternate in blocks so machine noise lands on both series alike.
    for (let start = 0; start < requests; start += BLOCK) {
      const end = Math.min(requests, start + BLOCK);
      for (let i = start; i < end; i++) ours.push(await timed(agent, oursUrl, bodies[warmup + i]!));
      for (let i = start; i < end; i++) bare.push(await timed(agent, bareUrl, bodies[warmup + i]!));
    }
    if (logger.errors.length > 0) throw new Error(`command latency: errors while measuring: ${logger.errors.slice(0, 3).join('; ')}`);
    return {
      ours: { p50: percentile(ours, 50), p99: percentile(ours, 99) },
      bare: { p50: percentile(bare, 50), p99: percentile(bare, 99) },
    };
  } finally {
    agent.destroy();
    // Reverse order: adapters before servers before the store (which releases its lock).
    for (const close of opened.reverse()) await close().catch(() => undefined);
  }
}

function startBareBolt(http: HttpServer, fake: FakeSlack, logger: Logger): App {
  const receiver = new ExpressReceiver({ signingSecret: SIGNING_SECRET, endpoints: SLACK_EVENTS_PATH, app: http.app, processBeforeResponse: true, logger: toBoltLogger(logger) });
  // botId and botUserId given: Bolt never calls auth.test.
  const app = new App({ receiver, token: FAKE_BOT_TOKEN, botId: BOT_ID, botUserId: BOT_USER_ID, logger: toBoltLogger(logger), clientOptions: { slackApiUrl: fake.apiUrl } });
  app.command('/breach', async ({ ack }) => {
    await ack();
  });
  return app;
}

/** The store's own creation instant (synthetic stores are built around it), else real time. */
function storeClock(storePath: string): Clock {
  try {
    const createdAt = (JSON.parse(readFileSync(storePath, 'utf8')) as { createdAt?: unknown }).createdAt;
    if (typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt))) return createManualClock(createdAt);
  } catch {
    // fall through
  }
  return systemClock;
}

/** `n` incident numbers in 1..count, spread pseudo-randomly (fixed seed: the same sequence every run). */
function incidentIds(count: number, n: number): number[] {
  let seed = 0x2545f491;
  return Array.from({ length: n }, () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed % count) + 1;
  });
}

/** Wall time from sending a freshly signed request to the last byte of the response. */
async function timed(agent: Agent, url: URL, body: string): Promise<number> {
  const headers = signatureHeaders(body);
  const t = performance.now();
  const answer = await post(agent, url, body, headers);
  const elapsed = performance.now() - t;
  if (answer.status !== 200) throw new Error(`command latency: ${url.port} answered HTTP ${answer.status}: ${answer.text.slice(0, 200)}`);
  return elapsed;
}

/** POST a signed slash-command body over the keep-alive agent. */
function post(agent: Agent, url: URL, body: string, headers = signatureHeaders(body)): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Drops info and warnings; keeps errors so a broken run is not reported as fast. */
function quietLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info: () => undefined, warn: () => undefined, error: (message) => void errors.push(message) };
}
