// One inbound Teams turn: remember the conversation, turn the message or card click into a ChatRequest, send the reply.
import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import type { Bot, ChatRequest } from '../../commands/bot.ts';
import type { Logger } from '../../bot/ports.ts';
import { commandFromSubmit } from './card-submit.ts';
import { conversationKey, type ConversationReferenceStore, type SavedReference } from './conversation-references.ts';
import { replyToTeamsMessage } from './render-message.ts';
import { FILE_CONSENT_INVOKE, fileConsentMessage, onFileConsent, type FileOffers } from './file-consent.ts';

/** What a turn needs. */
export interface TurnHandlerDeps {
  bot: Bot;
  references: ConversationReferenceStore;
  logger: Logger;
  /** When set, activities from other Entra ID tenants are ignored. */
  tenantId?: string;
  /** Files offered through consent cards, waiting for the user's answer. */
  fileOffers: FileOffers;
}

/** The bot logic passed to the SDK adapter for every authenticated inbound activity. */
export function createTurnHandler(deps: TurnHandlerDeps): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const activity = context.activity;
    const tenant = tenantOf(activity);
    if (deps.tenantId && tenant && tenant !== deps.tenantId) {
      deps.logger.warn('teams: ignored an activity from another tenant', { tenant, type: activity.type });
      return;
    }
    if (activity.type === ActivityTypes.Message) {
      await remember(deps, activity);
      await onMessage(deps, context);
    } else if (activity.type === ActivityTypes.Invoke && activity.name === FILE_CONSENT_INVOKE) {
      await onFileConsent(context, deps.fileOffers, deps.logger, deps.bot.deps.clock.now().getTime(), activity.from.aadObjectId ?? activity.from.id);
    } else if (activity.type === ActivityTypes.ConversationUpdate || activity.type === ActivityTypes.InstallationUpdate) {
      await onMembership(deps, activity);
    }
    // Other activity types (typing, reactions, invokes) need no answer from breachdesk.
  };
}

async function onMessage(deps: TurnHandlerDeps, context: TurnContext): Promise<void> {
  const activity = context.activity;
  const text = commandText(activity);
  if (text === undefined) return;
  const from = activity.from;
  const request: ChatRequest = {
    text,
    // Entra object id is stable across chats and tenants' Teams ids; the Teams id is the fallback outside Teams.
    actor: { id: from.aadObjectId ?? from.id, name: from.name?.trim() || from.id },
    platform: 'teams',
    channel: {
      platform: 'teams',
      id: conversationKey(activity.conversation.id),
      ...(conversationName(activity) ? { name: conversationName(activity)! } : {}),
      reference: referenceOf(activity),
    },
  };
  const reply = await deps.bot.handle(request);
  // Teams has no ephemeral messages: a `private` reply in a channel is a reply in the asker's thread (visible to the
  // channel, like every reply there); users who want privacy talk to the bot in a 1:1 chat. Replies thread by default.
  await context.sendActivity(replyToTeamsMessage(reply) as Partial<Activity>);
  if (reply.file && reply.outcome === 'ok') {
    // Bots can send files only into a 1:1 chat, through a consent card.
    if (activity.conversation.conversationType === 'personal') await context.sendActivity(fileConsentMessage(reply.file, deps.fileOffers.offer(reply.file, request.actor.id, deps.bot.deps.clock.now().getTime())));
    else await context.sendActivity(`Teams lets a bot send files only in a 1:1 chat: message me directly with the same command to receive ${reply.file.name}.`);
  }
}

/** The command a message carries: a card click's command, or the text addressed to the bot; undefined to ignore it. */
function commandText(activity: Activity): string | undefined {
  const submitted = commandFromSubmit(activity.value);
  if (submitted !== undefined) return submitted;
  if (typeof activity.text !== 'string') return undefined;
  const inGroup = activity.conversation.conversationType === 'channel' || activity.conversation.conversationType === 'groupChat' || activity.conversation.isGroup === true;
  const mentioned = TurnContext.getMentions(activity).some((m) => m.mentioned.id === activity.recipient.id);
  // With resource-specific consent Teams delivers all channel chatter; only messages that @mention the bot are commands.
  if (inGroup && !mentioned) return undefined;
  const text = mentioned ? TurnContext.removeRecipientMention(activity) : activity.text;
  // Other people mentioned in a command (`set BR-1 commander @Dana`) arrive as <at>Dana</at>.
  return (text ?? '').replace(/<at>([^<]*)<\/at>/g, '@$1').trim();
}

async function onMembership(deps: TurnHandlerDeps, activity: Activity): Promise<void> {
  const botRemoved = activity.membersRemoved?.some((m) => m.id === activity.recipient?.id) === true;
  const uninstalled = activity.type === ActivityTypes.InstallationUpdate && /^remove/.test(activity.action ?? '');
  if (botRemoved || uninstalled) {
    await deps.references.remove(conversationKey(activity.conversation.id)).catch((error) => saveFailed(deps, error));
    return;
  }
  await remember(deps, activity);
}

async function remember(deps: TurnHandlerDeps, activity: Activity): Promise<void> {
  // A failed save must not cost the user their answer; the next message retries it.
  await deps.references.save(referenceOf(activity)).catch((error) => saveFailed(deps, error));
}

function saveFailed(deps: TurnHandlerDeps, error: unknown): void {
  deps.logger.error('teams: could not save the conversation reference', { file: deps.references.path, error: error instanceof Error ? error.message : String(error) });
}

/** The reference used for proactive posts: thread-free conversation id, no message id, no speaker. */
export function referenceOf(activity: Activity): SavedReference {
  const { activityId: _messageId, user: _speaker, ...reference } = TurnContext.getConversationReference(activity);
  return { ...reference, serviceUrl: activity.serviceUrl, conversation: { ...activity.conversation, id: conversationKey(activity.conversation.id) } };
}

function conversationName(activity: Activity): string | undefined {
  const channelData = activity.channelData as { channel?: { name?: unknown } } | undefined;
  const name = activity.conversation.name ?? channelData?.channel?.name;
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
}

function tenantOf(activity: Activity): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const id = channelData?.tenant?.id ?? activity.conversation?.tenantId;
  return typeof id === 'string' ? id : undefined;
}
