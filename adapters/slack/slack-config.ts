// Slack settings from the environment and the Web API client options every call uses.
import type { webApi } from '@slack/bolt';

/** What the Slack adapter needs to run. */
export interface SlackConfig {
  /** SLACK_BOT_TOKEN (xoxb-…). */
  botToken: string;
  /** SLACK_SIGNING_SECRET: HTTP mode (requests to POST /slack/events are verified with it). */
  signingSecret?: string;
  /** SLACK_APP_TOKEN (xapp-…): Socket Mode instead of HTTP. */
  appToken?: string;
  /** SLACK_API_URL: Web API base for proxies and tests; defaults to https://slack.com/api/. */
  apiUrl?: string;
  /** SLACK_TEAM_IDS: the workspaces (T…) and Enterprise Grid orgs (E…) allowed to use the bot; unset = any (not advised). */
  teamIds?: string[];
  /** Known bot identity; when both are given, auth.test is never called. */
  botId?: string;
  botUserId?: string;
}

/** Web API retries: a few quick attempts, then the caller (scheduler, user) decides; Bolt's default waits ~30 minutes. */
export const DEFAULT_RETRY_CONFIG: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 8000, randomize: true };

/** The notifier's client: no retries and no waiting out 429 inside the client, so the scheduler is the one retry layer. */
export const NOTIFIER_CLIENT_OPTIONS = { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true } satisfies webApi.WebClientOptions;

/** A hung Slack must not hold a reminder or a reply forever. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** Read SLACK_* variables; undefined when no bot token is set, problems when the set is incomplete. */
export function slackConfigFromEnv(env: Record<string, string | undefined>): { config?: SlackConfig; problems: string[] } {
  const value = (name: string) => env[name]?.trim() || undefined;
  const botToken = value('SLACK_BOT_TOKEN');
  const signingSecret = value('SLACK_SIGNING_SECRET');
  const appToken = value('SLACK_APP_TOKEN');
  const apiUrl = value('SLACK_API_URL');
  const problems: string[] = [];
  if (!botToken) {
    if (signingSecret || appToken) problems.push('SLACK_SIGNING_SECRET / SLACK_APP_TOKEN are set but SLACK_BOT_TOKEN is missing');
    return { problems };
  }
  if (!signingSecret && !appToken) problems.push('SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is');
  if (apiUrl && !/^https?:\/\/[^\s]+$/.test(apiUrl)) problems.push('SLACK_API_URL must be a URL like https://slack.com/api/');
  const teamIds = (value('SLACK_TEAM_IDS') ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  const badTeam = teamIds.find((t) => !/^[TE][A-Z0-9]{2,}$/.test(t));
  if (badTeam) problems.push(`SLACK_TEAM_IDS: "${badTeam}" is not a workspace id (T…) or Enterprise Grid id (E…); separate ids with commas`);
  if (problems.length > 0) return { problems };
  return {
    config: {
      botToken, ...(signingSecret ? { signingSecret } : {}), ...(appToken ? { appToken } : {}), ...(apiUrl ? { apiUrl } : {}),
      ...(teamIds.length ? { teamIds } : {}),
    },
    problems,
  };
}

/** The Web API base with the trailing slash the client needs (`…/api/`). */
export function normalizeApiUrl(apiUrl: string | undefined): string | undefined {
  if (!apiUrl) return undefined;
  return apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
}
