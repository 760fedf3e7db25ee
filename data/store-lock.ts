// One process per store: an exclusive lock file holding the owner's host, pid and a heartbeat it refreshes. A lock
// whose heartbeat is older than `staleMs` is stale whatever the host (a restarted container gets a new host name, or
// the same pid 1); a dead pid on this host is stale at once; a live holder keeps refreshing and is refused.
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { StoreLockedError } from './store-errors.ts';

/** A held lock; `release` removes it. */
export interface StoreLock {
  release(): void;
}

/** Heartbeat timing (real time, never the injected clock: `--now` may fix that one in the past). */
export interface LockTiming {
  /** How often the holder refreshes its heartbeat (default 10 s). */
  heartbeatMs: number;
  /** A heartbeat older than this is stale, whatever the host (default 60 s). */
  staleMs: number;
}

/** Defaults: refresh every 10 s; stale after 60 s without a refresh. */
export const DEFAULT_LOCK_TIMING: LockTiming = { heartbeatMs: 10_000, staleMs: 60_000 };

interface Holder {
  pid: number;
  host: string;
  since: string;
  heartbeatAt?: string;
}

/** Lock files this process holds: a lock naming our pid that is not here is a previous incarnation's (pid 1 in a container). */
const held = new Set<string>();

/** Take `<path>.lock` or throw StoreLockedError at once. */
export function acquireStoreLock(storePath: string, now: Date, timing: LockTiming = DEFAULT_LOCK_TIMING): StoreLock {
  const lockPath = `${storePath}.lock`;
  const owner = { pid: process.pid, host: hostname(), since: now.toISOString() };
  const content = () => JSON.stringify({ ...owner, heartbeatAt: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, content(), { flag: 'wx', mode: 0o600 });
      held.add(lockPath);
      const timer = setInterval(() => refresh(lockPath, content), timing.heartbeatMs);
      timer.unref();
      return {
        release: () => {
          clearInterval(timer);
          held.delete(lockPath);
          releaseIfOurs(lockPath);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder && isLive(holder, lockPath, timing.staleMs)) {
        throw new StoreLockedError(storePath, `process ${holder.pid} on ${holder.host} (since ${holder.since}, last heartbeat ${holder.heartbeatAt ?? 'unknown'})`);
      }
      // The previous owner died (crash, SIGKILL, a container gone): its lock is stale.
      unlinkSync(lockPath);
    }
  }
  throw new StoreLockedError(storePath, 'another process that is starting at the same moment');
}

/** Rewrite the heartbeat, atomically, only while the lock is still ours. */
function refresh(lockPath: string, content: () => string): void {
  if (!isOurs(readHolder(lockPath))) return;
  const temp = `${lockPath}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, content(), { mode: 0o600 });
    renameSync(temp, lockPath);
  } catch {
    // A missed beat is harmless: the lock goes stale only after several.
  }
}

function readHolder(lockPath: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as Holder;
  } catch {
    return undefined; // half-written by a process that died mid-write
  }
}

function isLive(holder: Holder, lockPath: string, staleMs: number): boolean {
  if (held.has(lockPath)) return true;
  if (isOurs(holder)) return false; // our pid and host, but not held by us: left by an earlier process with our pid
  // A lock written before heartbeats existed: its file time is the last sign of life.
  const beat = Date.parse(holder.heartbeatAt ?? '') || mtimeOf(lockPath);
  if (!(Date.now() - beat < staleMs)) return false;
  if (holder.host !== hostname()) return true; // a fresh heartbeat from another machine: it is running
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function isOurs(holder: Holder | undefined): boolean {
  return holder?.pid === process.pid && holder.host === hostname();
}

function releaseIfOurs(lockPath: string): void {
  if (isOurs(readHolder(lockPath))) unlinkSync(lockPath);
}
