// POST /api/messages on the shared Express app: JSON parsing scoped to the route, 400 for bad bodies, 503 when closed.
import type { CloudAdapter, TurnContext } from 'botbuilder';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Logger } from '../../bot/ports.ts';
import { activityProblem } from './activity-check.ts';
import { tenantOf } from './activity-origin.ts';

/** The Bot Framework messaging endpoint path. */
export const MESSAGES_PATH = '/api/messages';

/** What the route does right now: serve through the SDK, or refuse with a reason. */
export type RouteState =
  | {
      kind: 'serving';
      adapter: CloudAdapter;
      logic: (context: TurnContext) => Promise<void>;
      /** Why an activity's origin (tenant, serviceUrl) is refused, or undefined to serve it. */
      admit?: (activity: Record<string, unknown>, request: { host?: string }) => string | undefined;
    }
  | { kind: 'unavailable'; reason: string };

/** Mount the route; `state()` is read per request so start-up and shutdown can switch it. */
export function mountMessagesRoute(app: express.Express, state: () => RouteState, logger: Logger): void {
  app.post(MESSAGES_PATH, express.json({ limit: '1mb' }), handle(state, logger), badJson(logger));
}

function handle(state: () => RouteState, logger: Logger): RequestHandler {
  return async (req, res) => {
    const current = state();
    if (current.kind === 'unavailable') {
      res.status(503).json({ error: current.reason });
      return;
    }
    const problem = activityProblem(req.body);
    if (problem) {
      logger.warn('teams: refused a malformed activity', { problem });
      res.status(400).json({ error: `Not a Bot Framework activity: ${problem}.` });
      return;
    }
    const refusal = current.admit?.(req.body as Record<string, unknown>, { ...(req.headers.host ? { host: req.headers.host } : {}) });
    if (refusal) {
      // Checked before the token (the SDK's step): the logged values are the caller's claims, cut short.
      const tenant = tenantOf(req.body as Record<string, unknown>)?.slice(0, 64) ?? null;
      logger.warn(`teams: refused an activity: ${refusal}`, { tenant, type: String((req.body as { type?: unknown }).type).slice(0, 40) });
      res.status(403).json({ error: `Refused: ${refusal}.` });
      return;
    }
    try {
      await current.adapter.process(req, res, current.logic);
      if (res.statusCode === 401) logger.warn('teams: refused a request without a valid Bot Framework token');
    } catch (error) {
      logger.error('teams: request failed', { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) res.status(500).json({ error: 'The Teams request could not be processed; the error was logged.' });
    }
  };
}

// express.json() reports unparsable or oversized bodies as errors; answer them here instead of Express's HTML page.
function badJson(logger: Logger): ErrorRequestHandler {
  return (error: { type?: string; status?: number }, _req, res, next) => {
    if (error.type === 'entity.parse.failed' || error.type === 'entity.too.large' || error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
      const status = error.type === 'entity.too.large' ? 413 : 400;
      logger.warn('teams: refused an unreadable body', { reason: error.type });
      res.status(status).json({ error: status === 413 ? 'Body too large for a Bot Framework activity.' : 'The body is not valid JSON.' });
      return;
    }
    next(error);
  };
}
