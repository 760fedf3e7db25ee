// The soonest obligations of a long horizon without sorting all of them: what the due order lists while its whole
// order waits to be rebuilt (a bulk load). A one-shot listing wants the first 200 of perhaps 30,000.
import type { DeadlineEntry } from './deadline-entry.ts';
import { kthSmallest } from './kth-smallest.ts';

/** The obligations of `entries` due at or before `horizon` (references slot × span + place, and due instants), in entry order. */
export function dueUntil(entries: readonly DeadlineEntry[], horizon: number, span: number): { refs: number[]; dues: number[] } {
  const refs: number[] = [];
  const dues: number[] = [];
  entries.forEach((e, slot) => {
    for (let i = 0; i < e.items.length; i++) {
      const due = e.items.dueMs(i);
      if (due > horizon) continue;
      refs.push(slot * span + i);
      dues.push(due);
    }
  });
  return { refs, dues };
}

/**
 * The first `wanted` or more of `refs` (due instants beside them) in order: the due instant of the wanted-th soonest
 * is found by selection over a copy of the instants, and only the obligations due by then are sorted in full (all of
 * them when `wanted` reaches the count). Every obligation left out is due later than every one kept.
 */
export function soonest(refs: readonly number[], dues: readonly number[], wanted: number, sort: (refs: readonly number[], dues: readonly number[]) => number[]): number[] {
  if (wanted >= refs.length) return sort(refs, dues);
  const cut = kthSmallest(Float64Array.from(dues), wanted - 1);
  const kept: number[] = [];
  const keptDues: number[] = [];
  for (let i = 0; i < refs.length; i++) {
    if (dues[i]! > cut) continue;
    kept.push(refs[i]!);
    keptDues.push(dues[i]!);
  }
  return sort(kept, keptDues);
}
