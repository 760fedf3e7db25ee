// Reminder fan-out under Slack's rate limit: the real scheduler and Slack notifier against a Web API that answers 429.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { toBoltLogger } from '../adapters/slack/bolt-logger.ts';
import { createSlackNotifier } from '../adapters/slack/notifier.ts';
import { DEFAULT_REQUEST_TIMEOUT_MS, NOTIFIER_CLIENT_OPTIONS } from '../adapters/slack/slack-config.ts';
import { createManualClock } from '../bot/clock.ts';
import { loadRules } from '../bot/deadlines/load-rules.ts';
import type { IncidentStore, Logger } from '../bot/ports.ts';
import { createScheduler } from '../bot/scheduler/scheduler.ts';
import { IncidentSchema, type ChannelLink, type Incident } from '../bot/model/incident-schema.ts';
import { createMemoryStore } from '../data/memory-store.ts';

/** What reached the fake Slack, and how long until every reminder was recorded as delivered. */
export interface FanoutResult {
  /** Distinct messages Slack accepted (by channel + text). */
  delivered: number;
  /** Accepted posts of a message already accepted before. */
  duplicates: number;
  /** 429 answers served. */
  rateLimited: number;
  /** Wall time from the first tick until the store recorded every reminder as delivered. */
  totalMs: number;
}

const HOUR_MS = 3_600_000;
const TICK_SECONDS = 30;
const CAP_MS = 180_000;
/** GDPR Art. 33's 72-hour clock. */
const OBLIGATION = 'EU-GDPR-33-SA';

/**
 * `reminders` reminders due at the same instant (one GDPR Art. 33 step per linked channel, two channels per incident),
 * delivered by the real scheduler through the real Slack notifier to a Web API that allows `ratePerSecond` posts per second.
 */
export async function benchFanout(options: { reminders?: number; ratePerSecond?: number } = {}): Promise<FanoutResult> {
  const reminders = options.reminders ?? 1000;
  const ratePerSecond = options.ratePerSecond ?? 50;
  if (!(reminders > 0) || !(ratePerSecond > 0)) throw new Error('fan-out: reminders and ratePerSecond must be positive');
  const now = new Date('2026-11-23T12:00:00Z');
  const logger = quietLogger();
  const slack = await startRateLimitedSlack(ratePerSecond);
  try {
    const store = createMemoryStore(dueIncidents(reminders, now));
    const clock = createManualClock(now);
    // The client exactly as the Slack adapter configures it (startSlack's notifier client).
    const client = new webApi.WebClient('xoxb-bench-token', {
      slackApiUrl: slack.apiUrl,
      ...NOTIFIER_CLIENT_OPTIONS,
      timeout: DEFAULT_REQUEST_TIMEOUT_MS,
      logger: toBoltLogger(logger),
    });
    const scheduler = createScheduler({ store, rules: loadRules(), clock, notifier: createSlackNotifier(client), logger, tickSeconds: TICK_SECONDS });
    // Exactly `reminders` due now, and the planning scan kept out of the timing.
    await scheduler.rebuildIndex();
    if (slack.posts !== 0) throw new Error('fan-out: posted before the first tick');

    const started = performance.now();
    let recorded = 0;
    for (;;) {
      const report = await scheduler.tick();
      recorded = await deliveredInStore(store);
      if (recorded >= reminders) break;
      if (performance.now() - started > CAP_MS) {
        throw new Error(`fan-out: only ${recorded} of ${reminders} reminders delivered after ${CAP_MS / 1000} s (${slack.rateLimited} × 429)`);
      }
      // Refused posts wait for Slack's Retry-After in real time, then the scheduler's clock moves on one tick.
      if (report.failed + report.deferred > 0 || report.sent === 0) await sleep(1000);
      clock.advance(TICK_SECONDS * 1000);
    }
    const totalMs = performance.now() - started;
    if (recorded !== reminders) throw new Error(`fan-out: ${recorded} reminders recorded, expected ${reminders}`);
    if (logger.errors.length > 0) throw new Error(`fan-out: errors while delivering: ${logger.errors.slice(0, 3).join('; ')}`);
    await scheduler.stop();
    await store.close();
    return { delivered: slack.accepted.size, duplicates: slack.duplicates, rateLimited: slack.rateLimited, totalMs };
  } finally {
    await slack.close();
  }
}

/** Incidents whose GDPR 72-hour clock started 24 h ago: the "48 h before" step is due now, once per linked channel. */
function dueIncidents(reminders: number, now: Date): Incident[] {
  const discovered = new Date(now.getTime() - 24 * HOUR_MS).toISOString();
  const incidents: Incident[] = [];
  for (let n = 1, left = reminders; left > 0; n++) {
    const channels: ChannelLink[] = ['A', 'B'].slice(0, Math.min(2, left)).map((suffix) => ({
      platform: 'slack', id: `C${String(n).padStart(7, '0')}${suffix}`, linkedAt: discovered, linkedBy: 'U0BENCH',
    }));
    left -= channels.length;
    incidents.push(IncidentSchema.parse({
      id: `BR-${n}`, title: `Fan-out incident ${n}`, createdAt: discovered, updatedAt: discovered, discoveredAt: discovered,
      status: 'investigating',
      organization: { name: 'Example Klinikum', role: 'controller', country: 'DE', timezone: 'Europe/Berlin' },
      affected: { total: 300 + n, byJurisdiction: { DE: 300 + n } },
      dataCategories: ['health data'], phiInvolved: false, dataEncrypted: false, gdprRisk: 'risk',
      channels,
    }));
  }
  return incidents;
}

async function deliveredInStore(store: IncidentStore): Promise<number> {
  let count = 0;
  for (const incident of await store.list()) count += incident.deliveries.filter((d) => d.outcome === 'delivered' && d.obligation === OBLIGATION).length;
  return count;
}

/** A Web API stand-in: chat.postMessage answers 429 + Retry-After: 1 once more than `ratePerSecond` posts arrived this second. */
async function startRateLimitedSlack(ratePerSecond: number): Promise<{ apiUrl: string; accepted: Map<string, number>; readonly posts: number; readonly duplicates: number; readonly rateLimited: number; close(): Promise<void> }> {
  const accepted = new Map<string, number>();
  const state = { posts: 0, duplicates: 0, rateLimited: 0, second: 0, inSecond: 0, ts: 1_790_000_000 };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const method = (req.url ?? '/').replace(/^\/api\//, '').split('?')[0];
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        void res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      if (method !== 'chat.postMessage') return json(200, { ok: false, error: 'unknown_method' });
      state.posts++;
      const second = Math.floor(Date.now() / 1000);
      if (second !== state.second) {
        state.second = second;
        state.inSecond = 0;
      }
      state.inSecond++;
      if (state.inSecond > ratePerSecond) {
        state.rateLimited++;
        return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
      }
      const form = new URLSearchParams(raw);
      const channel = form.get('channel') ?? '';
      const key = `${channel}\n${form.get('text') ?? ''}`;
      const seen = accepted.get(key) ?? 0;
      if (seen > 0) state.duplicates++;
      accepted.set(key, seen + 1);
      json(200, { ok: true, channel, ts: `${(state.ts += 1)}.000100`, message: { text: form.get('text') } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    accepted,
    get posts() {
      return state.posts;
    },
    get duplicates() {
      return state.duplicates;
    },
    get rateLimited() {
      return state.rateLimited;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Drops info and warnings (every 429 logs one); keeps errors. */
function quietLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, debug: () => undefined, info: () => undefined, warn: () => undefined, error: (message) => void errors.push(message) };
}
