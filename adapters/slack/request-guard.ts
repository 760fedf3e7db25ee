// Where Slack requests may come from and how often they run: allowed workspaces only, no future timestamps, no replays.
import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { RequestHandler } from 'express';
import type { IncidentStore, Logger } from '../../bot/ports.ts';

/** The store's replay memory (the store port's markRequestSeen). */
export type SeenRequestLog = Pick<IncidentStore, 'markRequestSeen'>;

/** Slack's window: Bolt refuses timestamps older than 5 minutes; we refuse those more than 5 minutes ahead. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;
/** A signature is remembered a minute past the window (clock skew between Slack and us). */
const REMEMBER_SIGNATURE_SECONDS = SIGNATURE_WINDOW_SECONDS + 60;
/** Slack retries an event for about an hour (immediately, after 1 and after 5 minutes); its event_id is kept that long. */
const REMEMBER_EVENT_MS = 60 * 60_000;

/** Headers Bolt does not pass on, carried into the listener context (ExpressReceiver's customPropertiesExtractor). */
export function signatureProperties(req: { headers: Record<string, string | string[] | undefined> }): Record<string, string> {
  const signature = req.headers['x-slack-signature'];
  const timestamp = req.headers['x-slack-request-timestamp'];
  return {
    ...(typeof signature === 'string' ? { slackSignature: signature } : {}),
    ...(typeof timestamp === 'string' ? { slackTimestamp: timestamp } : {}),
  };
}

/** Express middleware before Bolt: a timestamp more than 5 minutes ahead is refused (Bolt only checks the past). */
export function refuseFutureTimestamps(logger: Logger, nowMs: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const ts = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(ts) && ts > nowMs() / 1000 + SIGNATURE_WINDOW_SECONDS) {
      logger.warn('slack: refused a request timestamped more than 5 minutes in the future', { timestamp: ts });
      res.status(401).send();
      return;
    }
    next();
  };
}

/** The workspace(s) and Enterprise Grid org a request comes from, as Slack's payloads spell them. */
export function requestOrigin(body: unknown): { teams: string[]; enterprise?: string } {
  const b = (body ?? {}) as Record<string, any>;
  const teams = [
    b.team_id, // slash commands, events
    b.team?.id, // interactions
    b.user?.team_id, // the clicking user's own workspace (Slack Connect)
    b.event?.user_team, // the mentioning user's own workspace (Slack Connect)
    b.view?.app_installed_team_id,
  ].filter((t): t is string => typeof t === 'string' && t.length > 0);
  const enterprise = [b.enterprise_id, b.enterprise?.id, b.team?.enterprise_id, b.authorizations?.[0]?.enterprise_id].find(
    (e): e is string => typeof e === 'string' && e.length > 0,
  );
  return { teams: [...new Set(teams)], ...(enterprise ? { enterprise } : {}) };
}

/** True when SLACK_TEAM_IDS allows the request: every workspace in it is listed, or its Enterprise Grid org is. */
export function isAllowedOrigin(origin: { teams: string[]; enterprise?: string }, allowed: ReadonlySet<string>): boolean {
  if (origin.enterprise && allowed.has(origin.enterprise)) return true;
  return origin.teams.length > 0 && origin.teams.every((t) => allowed.has(t));
}

/** Bolt global middleware: refuse foreign workspaces (when SLACK_TEAM_IDS is set), then run each signature and event once. */
export function registerRequestGuard(app: App, options: { teamIds?: readonly string[]; seen: SeenRequestLog; logger: Logger; nowMs?: () => number }): void {
  const allowed = options.teamIds?.length ? new Set(options.teamIds) : undefined;
  const nowMs = options.nowMs ?? Date.now;
  const { logger, seen } = options;
  const guard: Middleware<AnyMiddlewareArgs> = async (args) => {
    const { body, context, next } = args;
    const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
    if (allowed) {
      const origin = requestOrigin(body);
      if (!isAllowedOrigin(origin, allowed)) {
        logger.warn('slack: refused a request from a workspace not in SLACK_TEAM_IDS', { teams: origin.teams, enterprise: origin.enterprise ?? null });
        const isCommand = typeof (body as { command?: unknown }).command === 'string';
        await ack?.(isCommand ? { response_type: 'ephemeral', text: 'breachdesk is not enabled for this workspace.' } : undefined);
        return;
      }
    }
    const signature = context.slackSignature as string | undefined;
    const timestamp = Number(context.slackTimestamp);
    if (signature && Number.isFinite(timestamp)) {
      const first = await seen.markRequestSeen(`slack-signature:${signature}`, new Date((timestamp + REMEMBER_SIGNATURE_SECONDS) * 1000));
      if (!first) return refuseRepeat(logger, ack, 'a replayed request (same signature)');
    }
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      // Slack redelivers an event it thinks timed out, with a new signature: running `new` twice would open two incidents.
      const first = await seen.markRequestSeen(`slack-event:${eventId}`, new Date(nowMs() + REMEMBER_EVENT_MS));
      if (!first) return refuseRepeat(logger, ack, 'a redelivered event (same event_id)');
    }
    await next();
  };
  app.use(guard);
}

async function refuseRepeat(logger: Logger, ack: ((response?: unknown) => Promise<void>) | undefined, what: string): Promise<void> {
  logger.warn(`slack: ignored ${what}; it already ran once`);
  // Acknowledged with nothing, so Slack stops resending and the user sees no second answer.
  await ack?.();
}
