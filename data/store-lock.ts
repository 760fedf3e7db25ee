// One process per store: an exclusive lock file holding the owner's pid; a dead owner's lock is taken over.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { StoreLockedError } from './store-errors.ts';

/** A held lock; `release` removes it. */
export interface StoreLock {
  release(): void;
}

/** Take `<path>.lock` or throw StoreLockedError at once. */
export function acquireStoreLock(storePath: string, now: Date): StoreLock {
  const lockPath = `${storePath}.lock`;
  const owner = { pid: process.pid, host: hostname(), since: now.toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, JSON.stringify(owner), { flag: 'wx', mode: 0o600 });
      return { release: () => releaseIfOurs(lockPath) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder && isAlive(holder)) throw new StoreLockedError(storePath, `process ${holder.pid} on ${holder.host} (since ${holder.since})`);
      // The previous owner died (crash, SIGKILL): its lock is stale.
      unlinkSync(lockPath);
    }
  }
  throw new StoreLockedError(storePath, 'another process that is starting at the same moment');
}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

function readHolder(lockPath: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as Holder;
  } catch {
    return undefined; // half-written by a process that died mid-write
  }
}

function isAlive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true; // cannot check a pid on another machine: assume it is live
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseIfOurs(lockPath: string): void {
  const holder = readHolder(lockPath);
  if (holder?.pid === process.pid && holder.host === hostname()) unlinkSync(lockPath);
}
