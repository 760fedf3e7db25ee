// Turning Slack payloads into the bot's ChatRequest: who asked, from which channel, with which words.
import type { ChatRequest } from '../../commands/bot.ts';
import type { RequestChannel } from '../../commands/context.ts';
import { decodeSlackEntities } from './mrkdwn.ts';

/** A Slack user as the core records them. */
export interface SlackActor {
  id: string;
  name: string;
}

/** The channel a Slack request came from, if any. */
export function slackChannel(id: string | undefined, name?: string): RequestChannel | undefined {
  if (!id) return undefined;
  // Slack names DMs "directmessage" and private channels "privategroup" in slash commands: not useful labels.
  const useful = name && name !== 'directmessage' && name !== 'privategroup' ? name : undefined;
  // Those two placeholder names do say the conversation is private: linking it draws no public-channel warning.
  const isPrivate = name === 'directmessage' || name === 'privategroup' ? { isPrivate: true } : {};
  return { platform: 'slack', id, ...(useful ? { name: useful } : {}), ...isPrivate };
}

/** The words a user typed, as Slack sent them (&amp; &lt; &gt; escaped), as plain text. */
export function typedText(raw: string | undefined): string {
  return decodeSlackEntities(raw ?? '').trim();
}

/** A request from text (already decoded with `typedText`, or a button's command). */
export function textRequest(text: string, actor: SlackActor, channel?: RequestChannel): ChatRequest {
  return { text, actor, platform: 'slack', ...(channel ? { channel } : {}) };
}

/** A request from pre-split words (buttons with a reason, modal submissions): no quoting problems. */
export function argvRequest(argv: string[], actor: SlackActor, channel?: RequestChannel): ChatRequest {
  return { argv, actor, platform: 'slack', ...(channel ? { channel } : {}) };
}

/** The mention text without the leading `<@U…>` mention(s) of the bot. */
export function stripMentions(text: string, botUserId?: string): string {
  const own = botUserId ? new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g') : undefined;
  const withoutOwn = own ? text.replace(own, ' ') : text;
  // Without a known bot id, only the leading mention is the bot (others are arguments, like `set BR-1 commander @ana`).
  return (own ? withoutOwn : withoutOwn.replace(/^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/, ' ')).trim();
}

/** The handle a Slack user payload carries: only the fallback while users.info (the display name) cannot answer. */
export function handleOf(user: { id: string; name?: string; username?: string }): string | undefined {
  return user.username || user.name || undefined;
}
