// One inbound Teams turn: remember the conversation, turn the message or card click into a ChatRequest, send the reply.
import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import type { Bot, ChatRequest } from '../../commands/bot.ts';
import type { IncidentStore, Logger } from '../../bot/ports.ts';
import { commandFromSubmit } from './card-submit.ts';
import { COULD_NOT_SEND_PRIVATELY, SENT_PRIVATELY, sendPrivately } from './private-answer.ts';
import { conversationKey, type ConversationReferenceStore, type SavedReference } from './conversation-references.ts';
import { replyToTeamsMessage, type TeamsMessage } from './render-message.ts';
import { resolveMentions } from './mentions.ts';
import { FILE_CONSENT_INVOKE, fileConsentMessage, onFileConsent, type FileOffers } from './file-consent.ts';

/** What a turn needs. */
export interface TurnHandlerDeps {
  bot: Bot;
  references: ConversationReferenceStore;
  logger: Logger;
  /** Activity ids already served (the store's markRequestSeen), so a redelivered activity runs once, across restarts too. */
  seen: Pick<IncidentStore, 'markRequestSeen'>;
  /** The bot's app id ('' in anonymous mode), for the 1:1 chats of private answers. */
  appId: string;
  /** Files offered through consent cards, waiting for the user's answer. */
  fileOffers: FileOffers;
}

/** The Bot Connector redelivers an activity it thinks was lost within minutes; a day is a wide margin. */
const REMEMBER_ACTIVITY_MS = 24 * 60 * 60_000;

/** The bot logic passed to the SDK adapter for every authenticated inbound activity. */
export function createTurnHandler(deps: TurnHandlerDeps): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const activity = context.activity;
    // Tenants and service URLs are checked before the SDK runs (messages-route.ts, activity-origin.ts).
    if (activity.type === ActivityTypes.Message) {
      await remember(deps, activity);
      await onMessage(deps, context);
    } else if (activity.type === ActivityTypes.Invoke && activity.name === FILE_CONSENT_INVOKE) {
      await onFileConsent(context, deps.fileOffers, deps.logger, deps.bot.clock.now().getTime(), activity.from.aadObjectId ?? activity.from.id);
    } else if (activity.type === ActivityTypes.ConversationUpdate || activity.type === ActivityTypes.InstallationUpdate) {
      await onMembership(deps, activity);
    }
    // Other activity types (typing, reactions, invokes) need no answer from breachdesk.
  };
}

async function onMessage(deps: TurnHandlerDeps, context: TurnContext): Promise<void> {
  const activity = context.activity;
  const typed = commandText(activity);
  if (typed === undefined) return;
  // Only commands are remembered: channel chatter the bot ignores costs no write.
  const key = `teams-activity:${conversationKey(activity.conversation.id)}:${activity.id}`;
  if (activity.id && !(await deps.seen.markRequestSeen(key, new Date(Date.now() + REMEMBER_ACTIVITY_MS)))) {
    deps.logger.warn('teams: ignored a redelivered activity (same activity id); it already ran once', { conversation: conversationKey(activity.conversation.id) });
    return;
  }
  // People mentioned in a command (`member add BR-1 @Dana`) become `teams:<object id>`: a name alone is nobody checkable.
  const text = typed.submitted ? typed.text : await resolveMentions(context, typed.text, deps.logger);
  const from = activity.from;
  const request: ChatRequest = {
    text,
    // The Entra (AAD) object id is the user's one id across chats, teams and apps (what `teams:<id>` admin and member
    // entries name); the channel account id is the fallback only where no object id is sent (the Emulator, other channels).
    // The name is the activity's own, the same for a message, a mention and a card click.
    actor: { id: from.aadObjectId?.trim() || from.id, name: from.name?.trim() || from.id },
    platform: 'teams',
    channel: {
      platform: 'teams',
      id: conversationKey(activity.conversation.id),
      ...(conversationName(activity) ? { name: conversationName(activity)! } : {}),
      reference: referenceOf(activity),
    },
  };
  const reply = await deps.bot.handle(request);
  // Teams has no ephemeral messages: a private answer asked for in a channel or group chat goes to the asker's 1:1 chat,
  // and the thread gets a neutral note, so a lookup never shows an incident to everyone there. Channel replies thread.
  const offer = () => fileConsentMessage(reply.file!, deps.fileOffers.offer(reply.file!, request.actor.id, deps.bot.clock.now().getTime())) as TeamsMessage;
  const hasFile = Boolean(reply.file) && reply.outcome === 'ok';
  if (reply.visibility === 'private' && isGroup(activity)) {
    const sent = await sendPrivately(context, replyToTeamsMessage(reply), deps.appId, deps.logger);
    // A file goes with the private answer: bots can send files only into a 1:1 chat, through a consent card.
    if (sent && hasFile) await sendPrivately(context, offer(), deps.appId, deps.logger);
    await context.sendActivity(sent ? SENT_PRIVATELY : COULD_NOT_SEND_PRIVATELY);
    return;
  }
  await context.sendActivity(replyToTeamsMessage(reply) as Partial<Activity>);
  if (!hasFile) return;
  if (!isGroup(activity)) await context.sendActivity(offer() as Partial<Activity>);
  else {
    const offered = await sendPrivately(context, offer(), deps.appId, deps.logger);
    await context.sendActivity(offered ? `Teams lets a bot send files only in a 1:1 chat: ${reply.file!.name} is offered in your 1:1 chat with breachdesk.` : `Teams lets a bot send files only in a 1:1 chat, and I could not open one with you: message breachdesk directly and ask again for ${reply.file!.name}.`);
  }
}

function isGroup(activity: Activity): boolean {
  const type = activity.conversation.conversationType;
  return type === 'channel' || type === 'groupChat' || activity.conversation.isGroup === true;
}

/** The command a message carries: a card click's command, or the text addressed to the bot; undefined to ignore it. */
function commandText(activity: Activity): { text: string; submitted: boolean } | undefined {
  const submitted = commandFromSubmit(activity.value);
  if (submitted !== undefined) return { text: submitted, submitted: true };
  if (typeof activity.text !== 'string') return undefined;
  const inGroup = isGroup(activity);
  const mentioned = TurnContext.getMentions(activity).some((m) => m.mentioned.id === activity.recipient.id);
  // With resource-specific consent Teams delivers all channel chatter; only messages that @mention the bot are commands.
  if (inGroup && !mentioned) return undefined;
  const text = mentioned ? TurnContext.removeRecipientMention(activity) : activity.text;
  // Other people mentioned in a command (`set BR-1 commander @Dana`) still arrive as <at>Dana</at> (see mentions.ts).
  return { text: (text ?? '').trim(), submitted: false };
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

