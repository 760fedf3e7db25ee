// Events: @mentions answer like the slash command; opening the Home tab shows open incidents.
import type { App } from '@slack/bolt';
import type { Reply } from '../../../bot/reply.ts';
import { deliverReply } from '../deliver.ts';
import { homeView } from '../home-view.ts';
import { describeError } from '../identity.ts';
import { slackChannel, stripMentions, textRequest, typedText } from '../requests.ts';
import type { SlackContext } from '../slack-context.ts';

/** Register event listeners. */
export function registerEvents(app: App, ctx: SlackContext): void {
  // Redelivered events (same event_id) are dropped before this by the request guard (request-guard.ts).
  app.event('app_mention', async ({ event }) => {
    const userId = event.user;
    if (!userId || event.bot_id) return;
    const text = typedText(stripMentions(event.text, ctx.identity.current().botUserId));
    // The same name as from a slash command or a click (users.info), not the event's own profile copy.
    const name = await ctx.userName(userId, event.user_profile?.name);
    const reply = await ctx.bot.handle(textRequest(text, { id: userId, name }, await ctx.channelInfo(slackChannel(event.channel))));
    await deliverReply(ctx, reply, { userId, channelId: event.channel, ...(event.thread_ts ? { threadTs: event.thread_ts } : {}) }, text);
  });

  app.event('app_home_opened', async ({ event }) => {
    if (event.tab && event.tab !== 'home') return;
    await publishHome(ctx, event.user);
  });
}

/** Render and publish one user's Home tab; a failure is logged, not thrown. */
export async function publishHome(ctx: SlackContext, userId: string): Promise<void> {
  const actor = { id: userId, name: await ctx.userName(userId) };
  const ask = (text: string): Promise<Reply> => ctx.bot.handle(textRequest(text, actor));
  const list = await ask('list');
  const due = ctx.bot.findCommand('due') ? await ask('due') : undefined;
  try {
    await ctx.client.views.publish({ user_id: userId, view: homeView(list, due) });
  } catch (error) {
    ctx.logger.warn(`could not publish the Slack Home tab: ${describeError(error)}`, { user: userId });
  }
}
