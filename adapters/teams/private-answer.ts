// Teams has no ephemeral messages: a private answer asked for in a channel goes to the asker's 1:1 chat with the bot.
import type { Activity, ConversationParameters, TurnContext } from 'botbuilder';
import type { Logger } from '../../bot/ports.ts';
import { tenantOf } from './activity-origin.ts';
import type { TeamsMessage } from './render-message.ts';

/** What the channel sees when the answer went to the asker privately: nothing about the incident. */
export const SENT_PRIVATELY = 'I sent you the answer in a private chat.';
/** What the channel sees when no private chat could be opened: still nothing about the incident. */
export const COULD_NOT_SEND_PRIVATELY = 'I could not open a private chat with you, so the answer is not shown here. Message breachdesk in a 1:1 chat (or ask an admin to install it for you) and ask again.';

/** Open (or reuse) the 1:1 conversation with the asker through the connector's create-conversation call and post there. */
export async function sendPrivately(context: TurnContext, message: TeamsMessage, appId: string, logger: Logger): Promise<boolean> {
  const activity = context.activity;
  const tenant = tenantOf(activity);
  const parameters = {
    isGroup: false,
    bot: activity.recipient,
    members: [{ id: activity.from.id, ...(activity.from.name ? { name: activity.from.name } : {}) }],
    ...(tenant ? { tenantId: tenant, channelData: { tenant: { id: tenant } } } : {}),
  } as ConversationParameters;
  // The audience the inbound turn was authenticated for is the one outbound calls use (public cloud, or a test cloud).
  const audience = (context.turnState.get(context.adapter.OAuthScopeKey) as string | undefined) ?? '';
  let failure: unknown;
  try {
    await context.adapter.createConversationAsync(appId, activity.channelId, activity.serviceUrl, audience, parameters, async (personal) => {
      // A new message in the 1:1 chat, not a reply to the synthetic "conversation created" activity.
      personal.onSendActivities(async (_ctx, activities, next) => {
        for (const a of activities) delete a.replyToId;
        return next();
      });
      try {
        await personal.sendActivity(message as Partial<Activity>);
      } catch (error) {
        // Caught here: the adapter's onTurnError would otherwise swallow it (and post an apology into the 1:1).
        failure = error;
      }
    });
  } catch (error) {
    failure = error;
  }
  if (failure !== undefined) {
    logger.warn('teams: could not answer in a private chat; the channel was told so, without the answer', {
      conversation: activity.conversation.id,
      error: failure instanceof Error ? failure.message : String(failure),
    });
    return false;
  }
  return true;
}
