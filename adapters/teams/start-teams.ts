// Wires the Teams front door: SDK adapter, POST /api/messages, saved conversation references and the notifier.
import { CloudAdapter } from 'botbuilder';
import type { Bot } from '../../commands/bot.ts';
import type { NotifierHub } from '../../bot/notifier-hub.ts';
import type { IncidentStore, Logger, Notifier } from '../../bot/ports.ts';
import { createOriginCheck } from './activity-origin.ts';
import type { HttpServer } from '../http-server.ts';
import { createAuthentication, type OutboundTokenSource } from './authentication.ts';
import { allowedTenants, teamsMode, type TeamsConfig } from './config.ts';
import { openConversationReferences } from './conversation-references.ts';
import { MESSAGES_PATH, mountMessagesRoute, type RouteState } from './messages-route.ts';
import { createTeamsNotifier } from './teams-notifier.ts';
import { createTurnHandler } from './turn-handler.ts';
import { createFileOffers } from './file-consent.ts';

/** Everything the Teams front door is built from. */
export interface StartTeamsOptions {
  bot: Bot;
  /** The shared HTTP server; the route is added to its app (call before or after `listen`). */
  http: HttpServer;
  /** The Teams notifier is registered here so reminders and `summary` reach Teams. */
  notifierHub: NotifierHub;
  config: TeamsConfig;
  logger: Logger;
  /** JSON file of saved conversation references (created if missing, locked while running). */
  referencesPath: string;
  /** Where redelivered activity ids are remembered: the store, so it holds across a restart. */
  seenRequests: Pick<IncidentStore, 'markRequestSeen'>;
  /** Outbound bearer tokens without Entra ID (tests, token brokers); leave unset in production. */
  outboundToken?: OutboundTokenSource;
}

/** The running front door. */
export interface TeamsHandle {
  /** authenticated (app id), anonymous (BREACHDESK_TEAMS_ANONYMOUS=1, local only) or disabled (answers 503). */
  readonly mode: 'authenticated' | 'anonymous' | 'disabled';
  /** The notifier registered on the hub; undefined when disabled. */
  readonly notifier?: Notifier;
  /** Stop serving (the route answers 503) and release the references file. */
  close(): Promise<void>;
}

/** Start Teams; rejects if the references file is unusable or locked by another process. */
export async function startTeams(options: StartTeamsOptions): Promise<TeamsHandle> {
  const { bot, http, notifierHub, config, logger } = options;
  const mode = teamsMode(config);
  let state: RouteState = { kind: 'unavailable', reason: 'The Teams front door is starting or failed to start; see the server log.' };
  mountMessagesRoute(http.app, () => state, logger);

  if (mode === 'disabled') {
    const reason = 'The Teams endpoint is not configured: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (or BREACHDESK_TEAMS_ANONYMOUS=1 for local testing only).';
    state = { kind: 'unavailable', reason };
    logger.warn(`teams: POST ${MESSAGES_PATH} answers 503: MICROSOFT_APP_ID is not set and BREACHDESK_TEAMS_ANONYMOUS is not 1`);
    return { mode, close: async () => undefined };
  }

  const references = await openConversationReferences(options.referencesPath, bot.clock);
  let adapter: CloudAdapter;
  try {
    adapter = new CloudAdapter(createAuthentication(config, options.outboundToken));
  } catch (error) {
    await references.close();
    throw error;
  }
  adapter.onTurnError = async (context, error) => {
    logger.error('teams: turn failed', { type: context.activity.type, error: error instanceof Error ? error.message : String(error) });
    await context.sendActivity('Sorry, breachdesk could not finish that; the error was logged for the admin.').catch(() => undefined);
  };
  const logic = createTurnHandler({ bot, references, logger, seen: options.seenRequests, appId: config.appId ?? '', fileOffers: createFileOffers() });
  state = { kind: 'serving', adapter, logic, admit: createOriginCheck(config) };
  let closed = false;
  const teamsNotifier = createTeamsNotifier({ adapter, appId: config.appId ?? '', references, logger });
  // The hub cannot unregister; after close the notifier refuses, so the scheduler retries later instead of losing posts.
  const notifier: Notifier = {
    platforms: teamsNotifier.platforms,
    post: (target, reply) => (closed ? Promise.reject(new Error('the Teams connection is stopped')) : teamsNotifier.post(target, reply)),
  };
  notifierHub.register(notifier);

  if (mode === 'anonymous') {
    logger.warn(`teams: POST ${MESSAGES_PATH} accepts UNAUTHENTICATED requests (BREACHDESK_TEAMS_ANONYMOUS=1): anyone who can reach this port can act as any user. Local testing only.`);
  } else {
    if (config.anonymous) logger.warn('teams: BREACHDESK_TEAMS_ANONYMOUS=1 is ignored because MICROSOFT_APP_ID is set; every request must carry a valid token');
    const tenants = [...allowedTenants(config)];
    if (tenants.length === 0) logger.warn('teams: no MICROSOFT_APP_TENANT_ID or BREACHDESK_TEAMS_TENANTS: activities from any Entra ID tenant are served; set your tenant id');
    logger.info(`teams: POST ${MESSAGES_PATH} ready`, { appId: config.appId, appType: config.appType, tenants: tenants.length ? tenants : 'any' });
  }

  return {
    mode,
    notifier,
    async close() {
      closed = true;
      state = { kind: 'unavailable', reason: 'breachdesk is shutting down.' };
      await references.close();
    },
  };
}
