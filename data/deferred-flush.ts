// Flushes to disk that need not hold up the answer: a line already written to the file (so it survives a crash of the
// process) is fdatasynced on the thread pool right after the current turn of the event loop, never blocking it. Used
// for a logged read's access-log line and a replay id; a change's own writes are flushed before it is acknowledged.
import { close, closeSync, fdatasync } from 'node:fs';

/** Descriptors written to and not yet flushed, by file: one flush per file covers every write made before it starts. */
const waiting = new Map<string, number>();
const running = new Set<Promise<void>>();
let failure: Error | undefined;
let scheduled = false;

/** Flush `path` soon through `fd` (already written to), then close `fd`; the caller must not use `fd` again. */
export function flushSoon(path: string, fd: number): void {
  if (waiting.has(path)) {
    // A flush of this file that has not started yet also covers this write (fdatasync is per file, not per descriptor).
    closeSync(fd);
    return;
  }
  waiting.set(path, fd);
  if (!scheduled) {
    scheduled = true;
    setImmediate(startFlushes);
  }
}

function startFlushes(): void {
  scheduled = false;
  for (const [path, fd] of waiting) {
    const done = new Promise<void>((resolve) => {
      fdatasync(fd, (error) => {
        if (error && !failure) failure = new Error(`could not flush ${path} to disk (${error.code ?? error.message})`);
        close(fd, () => resolve());
      });
    });
    running.add(done);
    void done.finally(() => running.delete(done));
  }
  waiting.clear();
}

/** Throws (once) when a deferred flush failed since the last check: the next write that relies on them is refused. */
export function throwIfFlushFailed(): void {
  if (!failure) return;
  const error = failure;
  failure = undefined;
  throw error;
}

/**
 * Resolves once every write handed to flushSoon so far is on disk (a store's close awaits it); rejects, once, when a
 * flush failed since the last call.
 */
export async function allFlushed(): Promise<void> {
  await flushesSettled();
  throwIfFlushFailed();
}

/** Resolves once every flush handed over so far has run, successful or not (a failure stays to be reported). */
export async function flushesSettled(): Promise<void> {
  if (waiting.size > 0) startFlushes();
  await Promise.all([...running]);
}
