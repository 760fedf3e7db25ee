// Bounded concurrency by lane: posts to one channel go in order, different channels go side by side (at most `limit`).

/** A pool of lanes; `run` queues a task in its lane and resolves with it. */
export interface LanePool {
  /** Queue `task` behind the earlier tasks of `lane`; resolves (or rejects) with the task. */
  run<T>(lane: string, task: () => Promise<T>): Promise<T>;
}

/** A pool running at most `limit` lanes at once, so one slow channel holds only its own lane. */
export function createLanePool(limit: number): LanePool {
  if (!(limit >= 1)) throw new Error('lane pool: limit must be at least 1');
  const lanes = new Map<string, Array<() => Promise<void>>>();
  const waiting: string[] = [];
  let active = 0;

  function pump(): void {
    while (active < limit && waiting.length > 0) {
      const lane = waiting.shift()!;
      active++;
      void drain(lane);
    }
  }

  async function drain(lane: string): Promise<void> {
    const queue = lanes.get(lane)!;
    while (queue.length > 0) await queue.shift()!();
    lanes.delete(lane);
    active--;
    pump();
  }

  return {
    run(lane, task) {
      return new Promise((resolve, reject) => {
        const job = () => task().then(resolve, reject);
        const queue = lanes.get(lane);
        if (queue) queue.push(job);
        else {
          lanes.set(lane, [job]);
          waiting.push(lane);
          pump();
        }
      });
    },
  };
}
