// Starting the Slack front door: Bolt on the shared HTTP server (or Socket Mode), the listeners, and the notifier.
import { App, ExpressReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Bot } from '../../commands/bot.ts';
import type { NotifierHub } from '../../bot/notifier-hub.ts';
import type { Logger, Notifier } from '../../bot/ports.ts';
import type { HttpServer } from '../http-server.ts';
import { toBoltLogger } from './bolt-logger.ts';
import { describeError, resolveIdentity, type IdentityResolver } from './identity.ts';
import { registerActions } from './listeners/actions.ts';
import { registerCommands } from './listeners/commands.ts';
import { registerEvents } from './listeners/events.ts';
import { registerViews } from './listeners/views.ts';
import { createSlackNotifier } from './notifier.ts';
import { DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_RETRY_CONFIG, normalizeApiUrl, NOTIFIER_CLIENT_OPTIONS, type SlackConfig } from './slack-config.ts';
import type { SlackContext } from './slack-context.ts';
import { refuseFutureTimestamps, registerRequestGuard, signatureProperties, type SeenRequestLog } from './request-guard.ts';
import { createUserNames } from './user-names.ts';
import { createChannelInfo } from './channel-info.ts';

/** The path Slack posts slash commands, interactivity and events to. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Knobs with production defaults; tests shorten them. */
export interface SlackTuning {
  /** Answer Slack's HTTP request only after the listener finished (deterministic tests; FaaS). Default false. */
  processBeforeResponse?: boolean;
  /** Work longer than this is acked first and answered through response_url. Default 2000 ms (Slack allows 3 s). */
  ackBudgetMs?: number;
  /** Web API retry policy. Default: 3 retries, 1–8 s exponential backoff. */
  retryConfig?: webApi.RetryOptions;
  /** Per-request Web API timeout. Default 10 s. */
  requestTimeoutMs?: number;
  /** Delays between background auth.test attempts while Slack is unreachable. */
  identityRetryDelaysMs?: readonly number[];
  /** Delays between Socket Mode connection attempts. */
  socketRetryDelaysMs?: readonly number[];
}

/** What `startSlack` needs. */
export interface SlackOptions {
  bot: Bot;
  /** The shared HTTP server; required in HTTP mode (no SLACK_APP_TOKEN). */
  http?: HttpServer;
  notifierHub: NotifierHub;
  config: SlackConfig;
  logger: Logger;
  /** Where replayed signatures and redelivered events are remembered: the store, so it holds across a restart. */
  seenRequests: SeenRequestLog;
  tuning?: SlackTuning;
}

/** A running Slack front door. */
export interface SlackHandle {
  readonly mode: 'http' | 'socket';
  readonly app: App;
  /** The notifier registered into the hub. */
  readonly notifier: Notifier;
  /** The bot's Slack identity, resolved in the background. */
  readonly identity: IdentityResolver;
  /** Stop background retries and the Socket Mode connection; the shared HTTP server is closed by its owner. */
  stop(): Promise<void>;
}

/** Mount Slack (HTTP mode: POST /slack/events on `http`; Socket Mode when `config.appToken` is set); never fails on an unreachable Slack. */
export async function startSlack(options: SlackOptions): Promise<SlackHandle> {
  const { bot, config, logger, tuning = {} } = options;
  const apiUrl = normalizeApiUrl(config.apiUrl);
  const boltLogger = toBoltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: tuning.retryConfig ?? DEFAULT_RETRY_CONFIG,
    timeout: tuning.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    logger: boltLogger,
  };
  const client = new webApi.WebClient(config.botToken, clientOptions);
  // One attempt per try: the resolver has its own (long) backoff, and its log line should come at once.
  const probe = new webApi.WebClient(config.botToken, { ...clientOptions, retryConfig: { retries: 0 } });
  const identity = resolveIdentity({
    client: probe,
    token: config.botToken,
    known: { ...(config.botId ? { botId: config.botId } : {}), ...(config.botUserId ? { botUserId: config.botUserId } : {}) },
    apiUrl: apiUrl ?? 'https://slack.com/api/',
    logger,
    ...(tuning.identityRetryDelaysMs ? { retryDelaysMs: tuning.identityRetryDelaysMs } : {}),
  });
  const mode = config.appToken ? 'socket' : 'http';
  const receiver = config.appToken
    ? new SocketModeReceiver({ appToken: config.appToken, logger: boltLogger, installerOptions: { clientOptions } })
    : httpReceiver(options, boltLogger, tuning);
  const app = new App({
    receiver,
    logger: boltLogger,
    clientOptions,
    // No conversation-state middleware: no listener reads it, and it ran on every request.
    convoStore: false,
    // A custom authorize keeps Bolt from calling auth.test itself (which crashes start-up when Slack is unreachable).
    authorize: async () => ({ botToken: config.botToken, ...identity.current() }),
  });
  app.error(async (error) => {
    logger.error(`Slack listener failed: ${describeError(error)}`);
  });
  if (!config.teamIds) logger.warn('slack: SLACK_TEAM_IDS is not set: requests from any workspace with the signing secret are served; set it to your workspace id(s)');
  registerRequestGuard(app, { ...(config.teamIds ? { teamIds: config.teamIds } : {}), seen: options.seenRequests, logger });
  const ctx: SlackContext = { bot, client, logger, identity, ackBudgetMs: tuning.ackBudgetMs ?? 2000, userName: createUserNames(client), channelInfo: createChannelInfo(client, logger) };
  registerCommands(app, ctx);
  registerActions(app, ctx);
  registerViews(app, ctx);
  registerEvents(app, ctx);
  // Reminders and digests: the scheduler is the one retry layer (it honours Retry-After for the whole workspace).
  const notifier = createSlackNotifier(new webApi.WebClient(config.botToken, { ...clientOptions, ...NOTIFIER_CLIENT_OPTIONS }));
  options.notifierHub.register(notifier);
  const socket = mode === 'socket' ? connectSocket(app, logger, tuning.socketRetryDelaysMs ?? [5000, 30_000, 120_000, 600_000]) : undefined;
  logger.info(mode === 'socket' ? 'Slack: Socket Mode' : `Slack: listening on POST ${SLACK_EVENTS_PATH}`, { api: apiUrl ?? 'https://slack.com/api/' });
  return {
    mode,
    app,
    notifier,
    identity,
    async stop() {
      identity.stop();
      await socket?.stop();
    },
  };
}

function httpReceiver(options: SlackOptions, boltLogger: ReturnType<typeof toBoltLogger>, tuning: SlackTuning): ExpressReceiver {
  const { http, config } = options;
  if (!http) throw new Error('Slack HTTP mode needs the shared HTTP server (or set SLACK_APP_TOKEN for Socket Mode)');
  if (!config.signingSecret) throw new Error('Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)');
  // Bolt reads the raw body itself to check the signature: nothing may parse /slack/events before it (headers only here).
  http.app.post(SLACK_EVENTS_PATH, refuseFutureTimestamps(options.logger));
  return new ExpressReceiver({
    customPropertiesExtractor: signatureProperties,
    signingSecret: config.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    app: http.app,
    processBeforeResponse: tuning.processBeforeResponse ?? false,
    logger: boltLogger,
  });
}

/** Connect Socket Mode in the background, retrying with backoff; start-up never waits for Slack. */
function connectSocket(app: App, logger: Logger, delays: readonly number[]): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const attempt = (n: number) => {
    app.start().then(
      () => logger.info('Slack Socket Mode connected'),
      (error: unknown) => {
        if (stopped) return;
        const delay = delays[Math.min(n, delays.length - 1)] ?? 600_000;
        logger.warn(`Slack Socket Mode could not connect (${describeError(error)}); retrying in ${Math.round(delay / 1000)}s`);
        timer = setTimeout(() => attempt(n + 1), delay);
        timer.unref();
      },
    );
  };
  attempt(0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      // Also ends the client's own reconnect loop when it never connected.
      await app.stop().catch(() => undefined);
    },
  };
}
