// Proactive posts into Teams conversations (reminders, summaries) through the SDK's continueConversationAsync.
import type { Activity, CloudAdapter } from 'botbuilder';
import type { ChannelTarget, DeliveryReceipt, Logger, Notifier } from '../../bot/ports.ts';
import type { Reply } from '../../bot/reply.ts';
import { conversationKey, type ConversationReferenceStore, type SavedReference } from './conversation-references.ts';
import { replyToTeamsMessage } from './render-message.ts';

/** What the notifier sends through. */
export interface TeamsNotifierDeps {
  adapter: CloudAdapter;
  /** The bot's app id ('' in anonymous mode): the SDK builds the outbound identity from it. */
  appId: string;
  references: ConversationReferenceStore;
  logger: Logger;
}

/** A Notifier for `teams` targets; resolves with the activity id once the Bot Connector accepted the post. */
export function createTeamsNotifier(deps: TeamsNotifierDeps): Notifier {
  return {
    platforms: ['teams'],
    async post(target: ChannelTarget, reply: Reply): Promise<DeliveryReceipt> {
      if (target.platform !== 'teams') throw new Error(`the Teams notifier cannot post to ${target.platform}`);
      // The saved reference is refreshed by every message (Teams may move a tenant to another service URL).
      const reference = deps.references.get(conversationKey(target.id)) ?? usableReference(target.reference);
      if (!reference) {
        throw new Error(`no Teams conversation reference for ${target.id}: mention the bot there (or re-run \`link\`) so it can post again`);
      }
      let sent: { id?: string } | undefined;
      let failure: unknown;
      await deps.adapter.continueConversationAsync(deps.appId, reference, async (context) => {
        // Without this the SDK replies to the continuation's synthetic id; a reminder must be a new post.
        context.onSendActivities(async (_ctx, activities, next) => {
          for (const activity of activities) delete activity.replyToId;
          return next();
        });
        try {
          sent = await context.sendActivity(replyToTeamsMessage(reply) as Partial<Activity>);
        } catch (error) {
          // Caught here because the adapter's onTurnError would otherwise swallow it and report success.
          failure = error;
        }
      });
      if (failure !== undefined) {
        const message = failure instanceof Error ? failure.message : String(failure);
        deps.logger.warn('teams: proactive post failed', { conversation: target.id, error: message });
        // The scheduler marks a retry as a possible repeat only when the Connector may have posted it (no answer, a 5xx).
        throw Object.assign(new Error(`Teams did not accept the post to ${target.id}: ${message}`), { maybeDelivered: mayHavePosted(failure) });
      }
      return sent?.id ? { messageId: sent.id } : {};
    },
  };
}

/** The reference stored on the incident's channel link, if it has what a post needs. */
function usableReference(value: unknown): SavedReference | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const r = value as { serviceUrl?: unknown; conversation?: { id?: unknown } };
  if (typeof r.serviceUrl !== 'string' || typeof r.conversation?.id !== 'string') return undefined;
  return value as SavedReference;
}

/** A request that may have reached the Bot Connector without an answer; an error answer or a refused connection never posted. */
function mayHavePosted(error: unknown): boolean {
  const e = error as { statusCode?: number; code?: string } | undefined;
  if (typeof e?.statusCode === 'number') return e.statusCode >= 500;
  return e?.code !== undefined && !['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(e.code);
}
