// Shape check of an inbound activity before the SDK sees it: the SDK answers 500 (or throws) on shapes it does not expect.
import { z } from 'zod';

const Account = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
});

const HttpUrl = z.string().max(2_000).refine((s) => /^https?:\/\/[^\s/]+/i.test(s), 'expected an http(s) URL');

const Activity = z.looseObject({
  type: z.string().min(1).max(100),
  channelId: z.string().min(1).max(100),
  serviceUrl: HttpUrl,
  conversation: z.looseObject({ id: z.string().min(1).max(1_000), conversationType: z.string().optional(), tenantId: z.string().optional() }),
  id: z.string().max(1_000).optional(),
  from: Account.optional(),
  recipient: Account.optional(),
  text: z.string().max(100_000).optional(),
  entities: z.array(z.looseObject({ type: z.string() }).refine(isWellFormedMention, 'a mention needs `text` and `mentioned.id`')).optional(),
  attachments: z.array(z.looseObject({ contentType: z.string() })).optional(),
  membersAdded: z.array(Account).optional(),
  membersRemoved: z.array(Account).optional(),
  channelData: z.looseObject({}).optional(),
});

const Message = z.looseObject({ from: Account, recipient: Account });

/** undefined when the body looks like a Bot Framework activity; otherwise a one-line reason for the 400. */
export function activityProblem(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON object (a Bot Framework activity)';
  const result = Activity.safeParse(body);
  if (!result.success) return describe(result.error);
  if (result.data.type === 'message') {
    const message = Message.safeParse(body);
    if (!message.success) return describe(message.error);
  }
  return undefined;
}

// The SDK's mention helpers dereference `mentioned.id` and `text` without checking.
function isWellFormedMention(entity: { type: string } & Record<string, unknown>): boolean {
  if (entity.type.toLowerCase() !== 'mention') return true;
  const mentioned = entity.mentioned as { id?: unknown } | undefined;
  return typeof entity.text === 'string' && typeof mentioned === 'object' && mentioned !== null && typeof mentioned.id === 'string';
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.join('.') : 'activity';
  return `${where}: ${issue.message}`;
}
