// What every Slack listener shares: the bot, one Web API client, the logger and the timing budget.
import type { webApi } from '@slack/bolt';
import type { Bot } from '../../commands/bot.ts';
import type { Logger } from '../../bot/ports.ts';
import type { RequestChannel } from '../../commands/context.ts';
import type { IdentityResolver } from './identity.ts';

/** Dependencies handed to each listener group. */
export interface SlackContext {
  bot: Bot;
  /** The one client (bot token, SLACK_API_URL, retry policy): one queue, so a 429 pauses every call. */
  client: webApi.WebClient;
  logger: Logger;
  identity: IdentityResolver;
  /** How long a listener may work before it must ack and answer later through response_url. */
  ackBudgetMs: number;
  /** The one display name of a Slack user id (users.info, cached); `fallback` (the payload's handle) or the id when Slack is slow. */
  userName(userId: string, fallback?: string): Promise<string>;
  /** The channel with Slack's `isPrivate` and `memberCount` filled in (conversations.info, cached); as given when Slack cannot say. */
  channelInfo(channel: RequestChannel | undefined): Promise<RequestChannel | undefined>;
}
