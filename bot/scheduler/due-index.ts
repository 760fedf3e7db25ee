// Which incidents need attention when: a min-heap of "next due instant" per incident, so an idle tick costs O(1).

interface HeapItem {
  at: number;
  id: string;
  version: number;
}

/** Next-due instants per incident; superseded entries are dropped lazily when they reach the top. */
export interface DueIndex {
  /** Look at `id` again at `at` (epoch ms); null forgets it until it changes. Replaces any earlier entry. */
  schedule(id: string, at: number | null): void;
  /** Ids whose instant is <= now, removed from the index (callers re-schedule them after processing). */
  takeDue(now: number): string[];
  /** Current version of an incident's entry; it changes on every schedule(). */
  version(id: string): number;
  /** When `id` is next due, if indexed. */
  nextFor(id: string): number | null;
  /** Earliest instant of any incident, or null. */
  peek(): number | null;
  /** Number of indexed incidents. */
  readonly size: number;
  clear(): void;
}

/** An empty due index. */
export function createDueIndex(): DueIndex {
  let heap: HeapItem[] = [];
  const current = new Map<string, { at: number | null; version: number }>();
  let versions = 0;

  const less = (a: HeapItem, b: HeapItem) => a.at < b.at;
  function push(item: HeapItem): void {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }
  function pop(): HeapItem | undefined {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }
  const live = (item: HeapItem) => current.get(item.id)?.version === item.version;
  function dropStale(): void {
    while (heap.length > 0 && !live(heap[0]!)) pop();
  }

  return {
    schedule(id, at) {
      const version = ++versions;
      current.set(id, { at, version });
      if (at !== null) push({ at, id, version });
      // Rebuild when superseded entries dominate, so memory stays proportional to the incident count.
      if (heap.length > 64 && heap.length > 4 * current.size) {
        const kept = heap.filter(live);
        heap = [];
        for (const item of kept) push(item);
      }
    },
    takeDue(now) {
      const ids: string[] = [];
      for (dropStale(); heap.length > 0 && heap[0]!.at <= now; dropStale()) {
        const item = pop()!;
        current.set(item.id, { at: null, version: item.version });
        ids.push(item.id);
      }
      return ids;
    },
    version: (id) => current.get(id)?.version ?? 0,
    nextFor: (id) => current.get(id)?.at ?? null,
    peek() {
      dropStale();
      return heap[0]?.at ?? null;
    },
    get size() {
      return current.size;
    },
    clear() {
      heap = [];
      current.clear();
    },
  };
}
