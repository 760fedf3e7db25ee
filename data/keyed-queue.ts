// One writer per key inside this process: work for the same incident runs one after another, none is lost.

/** Per-key queues of work; `idle()` resolves once everything queued so far has finished. */
export interface KeyedQueue {
  /** Run `work` after every earlier work on `key` (whatever their outcome). */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Resolves when all work queued so far is done (for close()). */
  idle(): Promise<void>;
}

/** An empty set of per-key queues. */
export function createKeyedQueue(): KeyedQueue {
  const queues = new Map<string, Promise<unknown>>();
  return {
    run(key, work) {
      const previous = queues.get(key) ?? Promise.resolve();
      const run = previous.then(work, work);
      const tail = run.catch(() => undefined);
      queues.set(key, tail);
      void tail.then(() => queues.get(key) === tail && queues.delete(key));
      return run;
    },
    async idle() {
      await Promise.all([...queues.values()]);
    },
  };
}
