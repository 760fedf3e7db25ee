// Request ids already served (Slack signatures, Teams activity ids), so a replay or a redelivery runs once.
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { open, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { flushSoon } from './deferred-flush.ts';
import { syncDirectory } from './durable-json-file.ts';

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

/** Kept in a JSON-lines file beside the store: each new id is appended before `true` is answered, and flushed to disk just after. */
export async function openFileSeenRequests(path: string, now: () => Date = () => new Date()): Promise<SeenRequests> {
  const seen = new Map<string, number>();
  const at = now().getTime();
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  for (const line of text.split('\n')) {
    // A line cut short by a crash is skipped: it was never acknowledged, so its request never ran.
    const m = /^\{"k":"([\w-]{32})","e":(\d+)\}$/.exec(line);
    if (m && Number(m[2]) > at) seen.set(m[1]!, Number(m[2]));
  }
  // Start-up compacts the file to the live entries, so it never grows past one window's traffic.
  await rewrite(path, seen);
  let appended = 0;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    async markRequestSeen(key, expiresAt) {
      const k = digest(key);
      const e = expiresAt.getTime();
      // Decided synchronously: two copies of one request arriving together cannot both pass.
      if (!remember(seen, k, e, now().getTime())) return false;
      const write = queue.then(async () => {
        if (++appended > Math.max(10_000, seen.size * 2)) {
          appended = 0;
          await rewrite(path, seen);
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
