// Files in Teams: a bot can send a file only into a 1:1 chat, after the user accepts a file consent card. The offered
// bytes wait in memory (one process per store) until the user accepts or declines; then Teams gives an upload URL in
// the user's OneDrive, the bot PUTs the file there and posts a file info card.
import { randomUUID } from 'node:crypto';
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { Logger } from '../../bot/ports.ts';
import type { ReplyFile } from '../../bot/reply.ts';

export const FILE_CONSENT_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.info';
/** The invoke name of a click on a file consent card. */
export const FILE_CONSENT_INVOKE = 'fileConsent/invoke';

const OFFER_TTL_MS = 60 * 60_000;

/** Files offered and not yet accepted or declined. */
export interface FileOffers {
  /** Keep a file for `userId`; returns the offer token the card carries. */
  offer(file: ReplyFile, userId: string, nowMs: number): string;
  /** Take (and forget) an offer; undefined when unknown, expired or for another user. */
  take(token: string, userId: string, nowMs: number): ReplyFile | undefined;
}

/** An empty offer book. */
export function createFileOffers(): FileOffers {
  const offers = new Map<string, { file: ReplyFile; userId: string; until: number }>();
  return {
    offer(file, userId, nowMs) {
      for (const [k, o] of offers) if (o.until < nowMs) offers.delete(k);
      const token = randomUUID();
      offers.set(token, { file, userId, until: nowMs + OFFER_TTL_MS });
      return token;
    },
    take(token, userId, nowMs) {
      const o = offers.get(token);
      offers.delete(token);
      return o && o.userId === userId && o.until >= nowMs ? o.file : undefined;
    },
  };
}

/** The consent card message for one offered file. */
export function fileConsentMessage(file: ReplyFile, token: string): Partial<Activity> {
  return {
    type: 'message',
    attachments: [{
      contentType: FILE_CONSENT_CONTENT_TYPE,
      name: file.name,
      content: { description: file.title, sizeInBytes: file.content.length, acceptContext: { token }, declineContext: { token } },
    }],
  };
}

/** The value of a fileConsent/invoke activity. */
interface ConsentValue {
  action?: 'accept' | 'decline';
  context?: { token?: string };
  uploadInfo?: { name?: string; uploadUrl?: string; contentUrl?: string; uniqueId?: string; fileType?: string };
}

/** Answer a click on a consent card: upload and post a file info card, or acknowledge the decline. */
export async function onFileConsent(context: TurnContext, offers: FileOffers, logger: Logger, nowMs: number, userId: string): Promise<void> {
  const value = (context.activity.value ?? {}) as ConsentValue;
  const file = value.context?.token ? offers.take(value.context.token, userId, nowMs) : undefined;
  // Teams waits for the invoke's HTTP answer: always 200, the outcome goes in a message.
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
  if (value.action === 'decline') {
    await context.sendActivity(file ? `OK, ${file.name} was not sent.` : 'OK, nothing was sent.');
    return;
  }
  const upload = value.uploadInfo;
  if (!file || !upload?.uploadUrl) {
    await context.sendActivity('That file offer has expired or is not yours; run the export again.');
    return;
  }
  const size = file.content.length;
  const response = await fetch(upload.uploadUrl, {
    method: 'PUT',
    // fetch sets Content-Length from the body; OneDrive's upload session wants the range.
    headers: { 'Content-Type': file.mediaType, 'Content-Range': `bytes 0-${size - 1}/${size}` },
    body: new Blob([Buffer.from(file.content)]),
    signal: AbortSignal.timeout(60_000),
  }).catch((error: unknown) => error as Error);
  if (response instanceof Error || !response.ok) {
    const why = response instanceof Error ? response.message : `HTTP ${response.status}`;
    logger.warn('teams: file upload failed', { file: file.name, error: why });
    await context.sendActivity(`The upload of ${file.name} to your OneDrive failed (${why}); run the export again.`);
    return;
  }
  await context.sendActivity({
    type: 'message',
    attachments: [{ contentType: FILE_INFO_CONTENT_TYPE, name: upload.name ?? file.name, contentUrl: upload.contentUrl ?? '', content: { uniqueId: upload.uniqueId, fileType: upload.fileType } }],
  });
}
