// Files in Slack: a reply's file is uploaded with files.uploadV2, to the asker's DM with the bot unless they asked for
// the channel. A refused upload is said to the asker; the message itself was already delivered.
import type { ReplyFile } from '../../bot/reply.ts';
import type { DeliveryDeps } from './deliver.ts';
import { describeError } from './identity.ts';

/** Where the file goes: the request's user and channel. */
export interface UploadOrigin {
  userId: string;
  channelId?: string;
}

/** Upload the file; returns a sentence saying where it went, or why it could not be sent. */
export async function uploadReplyFile(deps: DeliveryDeps, file: ReplyFile, origin: UploadOrigin): Promise<{ ok: boolean; text: string }> {
  try {
    const toChannel = file.share === 'channel' && origin.channelId;
    // files.uploadV2 needs a conversation id: the DM with the bot is opened (or found) with conversations.open.
    const channelId = toChannel ? origin.channelId! : (await deps.client.conversations.open({ users: origin.userId })).channel?.id;
    if (!channelId) throw new Error('Slack did not return a direct-message channel');
    await deps.client.filesUploadV2({
      channel_id: channelId,
      file: Buffer.from(file.content),
      filename: file.name,
      title: file.title,
      initial_comment: `${file.title}: ${file.name}`,
    });
    return { ok: true, text: toChannel ? `${file.name} is shared in this channel.` : `${file.name} is in your direct messages with breachdesk.` };
  } catch (error) {
    deps.logger.warn(`could not upload a file to Slack: ${describeError(error)}`, { user: origin.userId, file: file.name });
    return { ok: false, text: `${file.name} could not be uploaded (${describeError(error)}); try again, or use the terminal (\`npx breachdesk export … --out <file>\`).` };
  }
}

/** The reply with a line saying where its file is about to go (the message is sent before the upload). */
export function withFileNote<R extends { text: string; file?: ReplyFile }>(reply: R, inChannel: boolean): R {
  if (!reply.file) return reply;
  const where = reply.file.share === 'channel' && inChannel ? 'in this channel' : 'in your direct messages with breachdesk';
  return { ...reply, text: `${reply.text}\nThe file (${reply.file.name}) follows ${where}.` };
}
