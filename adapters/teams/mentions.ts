// People mentioned in a Teams command (`member add BR-1 @Dana`), turned into `teams:<Entra object id>` references.
import { TeamsInfo, TurnContext, type Activity } from 'botbuilder';
import type { Logger } from '../../bot/ports.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AT_TAG = /<at>([^<]*)<\/at>/g;

/**
 * The command text with each `<at>Name</at>` of a person replaced by `teams:<object id>`, found on the mention entity or
 * asked of the connector (conversation member lookup); a mention that cannot be resolved stays `@Name`, which the core
 * shows as a name and never counts as membership. The bot's own mention must be removed before.
 */
export async function resolveMentions(context: TurnContext, text: string, logger: Logger): Promise<string> {
  if (!text.includes('<at>')) return text;
  const activity = context.activity;
  const people = TurnContext.getMentions(activity).filter((m) => m.mentioned?.id && m.mentioned.id !== activity.recipient?.id);
  // Teams lists one entity per mention, in the order they appear: two people with the same display name keep their own.
  const byTag = new Map<string, (string | undefined)[]>();
  for (const mention of people) {
    const tag = typeof mention.text === 'string' ? mention.text : `<at>${mention.mentioned.name ?? ''}</at>`;
    const id = await objectIdOf(context, mention.mentioned as { id: string; aadObjectId?: string }, logger);
    byTag.set(tag, [...(byTag.get(tag) ?? []), id ? `teams:${id.toLowerCase()}` : undefined]);
  }
  return text.replace(AT_TAG, (tag, name: string) => byTag.get(tag)?.shift() ?? `@${name}`);
}

/** The Entra object id of a mentioned account: on the entity when Teams sends it, else the connector's member lookup. */
async function objectIdOf(context: TurnContext, mentioned: { id: string; aadObjectId?: string }, logger: Logger): Promise<string | undefined> {
  if (mentioned.aadObjectId && GUID.test(mentioned.aadObjectId)) return mentioned.aadObjectId;
  // Some clients send the object id itself, or `8:orgid:<object id>`, as the mention's id.
  const bare = mentioned.id.replace(/^8:orgid:/, '');
  if (GUID.test(bare)) return bare;
  try {
    const member = await TeamsInfo.getMember(context, mentioned.id);
    if (member.aadObjectId && GUID.test(member.aadObjectId)) return member.aadObjectId;
    logger.warn('teams: the connector knows the mentioned user but gave no Entra object id', { conversation: conversationOf(context.activity) });
  } catch (error) {
    // A guest from another tenant or a user who left the team: the mention stays a name, the user is told by the command.
    logger.warn('teams: could not look up a mentioned user', { conversation: conversationOf(context.activity), error: error instanceof Error ? error.message : String(error) });
  }
  return undefined;
}

function conversationOf(activity: Activity): string {
  return activity.conversation?.id?.split(';')[0] ?? '';
}
