// Who the bot is on Slack (auth.test), resolved in the background so an unreachable Slack never stops start-up.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../bot/ports.ts';

/** The bot's own ids, as auth.test reports them. */
export interface SlackIdentity {
  botId?: string;
  botUserId?: string;
  teamId?: string;
}

/** A background resolver: `current` is what is known now; `resolved` settles once auth.test succeeded. */
export interface IdentityResolver {
  current(): SlackIdentity;
  readonly resolved: Promise<SlackIdentity>;
  /** Stop retrying (shutdown). */
  stop(): void;
}

/** Delays between auth.test attempts after a failure: quick at first, then every 10 minutes. */
export const IDENTITY_RETRY_DELAYS_MS = [15_000, 60_000, 300_000, 600_000] as const;

/** Start resolving the bot identity; never throws, logs one line per failed attempt, retries in the background. */
export function resolveIdentity(options: {
  client: webApi.WebClient;
  token: string;
  known?: SlackIdentity;
  apiUrl: string;
  logger: Logger;
  retryDelaysMs?: readonly number[];
}): IdentityResolver {
  const { client, token, logger } = options;
  const delays = options.retryDelaysMs ?? IDENTITY_RETRY_DELAYS_MS;
  let identity: SlackIdentity = { ...options.known };
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let settle: (value: SlackIdentity) => void = () => undefined;
  const resolved = new Promise<SlackIdentity>((resolve) => {
    settle = resolve;
  });
  if (identity.botId && identity.botUserId) {
    settle(identity);
    return { current: () => identity, resolved, stop: () => undefined };
  }
  const attempt = async (n: number) => {
    try {
      const result = await client.auth.test({ token });
      identity = { botId: result.bot_id, botUserId: result.user_id, teamId: result.team_id };
      logger.info(`Slack connected as ${result.user ?? result.user_id ?? 'the bot'} in ${result.team ?? result.team_id ?? 'the workspace'}`);
      settle(identity);
    } catch (error) {
      if (stopped) return;
      const delay = delays[Math.min(n, delays.length - 1)] ?? 600_000;
      logger.warn(
        `Slack Web API unreachable at ${options.apiUrl} (auth.test: ${describeError(error)}); breachdesk keeps running and retries in ${Math.round(delay / 1000)}s`,
      );
      timer = setTimeout(() => void attempt(n + 1), delay);
      // A pending retry must not keep a finished process (tests, one-shot runs) alive.
      timer.unref();
    }
  };
  void attempt(0);
  return {
    current: () => identity,
    resolved,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/** A short description of a Web API failure for one log line. */
export function describeError(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { code?: string; message?: string; data?: { error?: string }; original?: { message?: string } };
    if (e.data?.error) return e.data.error;
    if (e.original?.message) return e.original.message;
    if (e.message) return e.message;
  }
  return String(error);
}
