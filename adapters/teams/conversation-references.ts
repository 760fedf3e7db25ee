// Saved Teams conversation references (one small lowdb JSON file), so reminders can reach a conversation later.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ConversationReference } from 'botbuilder';
import { Low } from 'lowdb';
import { z } from 'zod';
import type { Clock } from '../../bot/ports.ts';
import { DurableJsonFile } from '../../data/durable-json-file.ts';
import { StoreCorruptError } from '../../data/store-errors.ts';
import { acquireStoreLock } from '../../data/store-lock.ts';

/** What Teams needs to post into a conversation without being asked. */
export type SavedReference = Partial<ConversationReference> & { conversation: { id: string }; serviceUrl: string };

/** Conversation references keyed by conversation id, kept on disk. */
export interface ConversationReferenceStore {
  readonly path: string;
  /** The saved reference of a conversation, if the bot has heard from it. */
  get(conversationId: string): SavedReference | undefined;
  /** Remember (or refresh) a reference; writes only when it changed. */
  save(reference: SavedReference): Promise<void>;
  /** Forget a conversation (the bot was uninstalled from it). */
  remove(conversationId: string): Promise<void>;
  /** Wait for pending writes and release the file lock. */
  close(): Promise<void>;
}

/** A channel thread's id is `<channel id>;messageid=<root>`: links and references belong to the channel itself. */
export function conversationKey(conversationId: string): string {
  return conversationId.split(';messageid=')[0]!;
}

const FORMAT = 'breachdesk-teams-references';

const FileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  conversations: z.record(
    z.string(),
    z.object({ savedAt: z.string(), reference: z.looseObject({ serviceUrl: z.string(), conversation: z.looseObject({ id: z.string() }) }) }),
  ),
});
interface ReferencesFile {
  format: typeof FORMAT;
  version: 1;
  conversations: Record<string, { savedAt: string; reference: SavedReference }>;
}

/** Thrown when the references file exists but cannot be used; it is never overwritten. */
export class TeamsReferencesFileError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`${file}: ${problem}. The file was left untouched; fix or move it (breachdesk re-learns each Teams conversation from its next message or install).`);
    this.name = 'TeamsReferencesFileError';
  }
}

/** Open (or create) the references file at `path`; one process at a time (lock file beside it). */
export async function openConversationReferences(path: string, clock: Clock): Promise<ConversationReferenceStore> {
  const file = resolve(path);
  await mkdir(dirname(file), { recursive: true });
  const lock = acquireStoreLock(file, clock.now());
  const adapter = new DurableJsonFile<ReferencesFile>(file, (raw) => validate(file, raw));
  let initial: ReferencesFile | null;
  try {
    initial = await adapter.read();
  } catch (error) {
    lock.release();
    throw error instanceof StoreCorruptError ? new TeamsReferencesFileError(file, error.problem) : error;
  }
  const db = new Low<ReferencesFile>(adapter, initial ?? { format: FORMAT, version: 1, conversations: {} });
  let pending: Promise<void> = Promise.resolve();
  let closed = false;
  // Whole-file writes are queued so an older snapshot can never be renamed over a newer one; none after the lock is gone.
  const write = () => (closed ? Promise.resolve() : (pending = pending.catch(() => undefined).then(() => db.write())));

  return {
    path: file,
    get: (id) => db.data.conversations[id]?.reference,
    save(reference) {
      const id = reference.conversation.id;
      const current = db.data.conversations[id]?.reference;
      if (current && JSON.stringify(current) === JSON.stringify(reference)) return Promise.resolve();
      db.data.conversations[id] = { savedAt: clock.now().toISOString(), reference };
      return write();
    },
    remove(id) {
      if (!db.data.conversations[id]) return Promise.resolve();
      delete db.data.conversations[id];
      return write();
    },
    async close() {
      closed = true;
      await pending.catch(() => undefined);
      lock.release();
    },
  };
}

function validate(file: string, raw: unknown): ReferencesFile {
  const result = FileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new TeamsReferencesFileError(file, `is not a breachdesk Teams references file (${issue.path.join('.') || 'top level'}: ${issue.message})`);
  }
  // The schema checks what posting needs; the rest of a reference is the SDK's own shape, kept as written.
  return result.data as unknown as ReferencesFile;
}
