// Request ids already served (Slack signatures, Teams activity ids), so a replay or a redelivery runs once.
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { open, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { flushSoon } from './deferred-flush.ts';
import { syncDirectory } from './durable-json-file.ts';
import { StoreCorruptError } from './store-errors.ts';

/** The store port's `markRequestSeen` and what its owner needs to run it. */
export interface SeenRequests {
  /** True the first time `key` is seen before it expires; written to the file once it resolves, flushed right after (file variant). */
  markRequestSeen(key: string, expiresAt: Date): Promise<boolean>;
}

/** Entries kept in memory at most; beyond it the soonest to expire are dropped (they are also the least useful). */
const MAX_ENTRIES = 100_000;

/** Keys are hashed: the file holds no signatures or ids in clear, and every line has the same small size. */
const digest = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 32);

/** In memory only (the memory store, tests). */
export function createMemorySeenRequests(now: () => Date = () => new Date()): SeenRequests {
  const seen = new Map<string, number>();
  return { markRequestSeen: async (key, expiresAt) => remember(seen, digest(key), expiresAt.getTime(), now().getTime()) };
}

/** The file variant: compacted by its owner once the whole store has opened (an open that fails writes nothing). */
export interface FileSeenRequests extends SeenRequests {
  /** Rewrite the file to its live entries when it holds expired ones or a torn last line; nothing otherwise. */
  compact(): Promise<void>;
}

/**
 * Kept in a JSON-lines file beside the store: each new id is appended before `true` is answered, and flushed to disk just
 * after. Opening only reads: a file that is not one of these (foreign content) is refused by name, never rewritten; a
 * torn last line, the one trace a crash mid-append leaves, is skipped.
 */
export async function openFileSeenRequests(path: string, now: () => Date = () => new Date()): Promise<FileSeenRequests> {
  const seen = new Map<string, number>();
  const at = now().getTime();
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const lines = text.split('\n');
  // What follows the last newline: '' for a whole file, else a line an append did not finish.
  const tail = lines.pop()!;
  let stale = tail !== '';
  lines.forEach((entry, i) => {
    const m = ENTRY.exec(entry);
    // The file's content is not quoted: it is not ours, and may be anything.
    if (!m) throw new StoreCorruptError(path, `is not a breachdesk replay-id file (line ${i + 1} is not one of its entries)`);
    if (Number(m[2]) > at) seen.set(m[1]!, Number(m[2]));
    else stale = true;
  });
  // A line cut short by a crash was never acknowledged, so its request never ran; anything else there is not ours.
  if (tail !== '' && !isTornEntry(tail)) throw new StoreCorruptError(path, `is not a breachdesk replay-id file (line ${lines.length + 1} is not one of its entries)`);
  let appended = 0;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    async compact() {
      // Compacted to the live entries, so it never grows past one window's traffic, and no append follows a torn line.
      if (!stale) return;
      await rewrite(path, seen);
      stale = false;
    },
    async markRequestSeen(key, expiresAt) {
      const k = digest(key);
      const e = expiresAt.getTime();
      // Decided synchronously: two copies of one request arriving together cannot both pass.
      if (!remember(seen, k, e, now().getTime())) return false;
      const write = queue.then(async () => {
        // A torn line is never appended to: the file is rewritten first (its owner compacts at open, so rarely here).
        if (stale || ++appended > Math.max(10_000, seen.size * 2)) {
          appended = 0;
          await rewrite(path, seen);
          stale = false;
        } else {
          append(path, `${line(k, e)}\n`);
        }
      });
      queue = write.catch(() => undefined);
      await write;
      return true;
    },
  };
}

/** One entry of the file, as `line` writes it. */
const ENTRY = /^\{"k":"([\w-]{32})","e":(\d+)\}$/;

/** True when `text` is the start of an entry (what a crash mid-append leaves), a whole entry without its newline included. */
function isTornEntry(text: string): boolean {
  const open = '{"k":"';
  if (text.length <= open.length) return open.startsWith(text);
  if (!text.startsWith(open)) return false;
  const rest = text.slice(open.length);
  const key = /^[\w-]{0,32}/.exec(rest)![0];
  if (key.length < 32) return rest === key;
  const after = rest.slice(32);
  const middle = '","e":';
  if (after.length <= middle.length) return middle.startsWith(after);
  return after.startsWith(middle) && /^\d*\}?$/.test(after.slice(middle.length));
}

function remember(seen: Map<string, number>, key: string, expiresAt: number, now: number): boolean {
  const known = seen.get(key);
  if (known !== undefined && known > now) return false;
  if (seen.size >= MAX_ENTRIES) {
    for (const [k, e] of seen) if (e <= now) seen.delete(k);
    if (seen.size >= MAX_ENTRIES) seen.delete(seen.keys().next().value!);
  }
  seen.set(key, expiresAt);
  return true;
}

const line = (k: string, e: number) => `{"k":"${k}","e":${e}}`;

/** One small line, synchronously (cheaper than the thread-pool round trips of the async calls); its flush is deferred. */
function append(path: string, text: string): void {
  const fd = openSync(path, 'a', 0o600);
  try {
    writeSync(fd, text);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  flushSoon(path, fd);
}

async function rewrite(path: string, seen: Map<string, number>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.write([...seen].map(([k, e]) => `${line(k, e)}\n`).join(''));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  await syncDirectory(dirname(path));
}
