// Every indexed obligation of every incident in due order (then incident number), kept sorted as entries change, so a
// listing reads its first lines and counts up to a horizon by binary search instead of visiting every incident.
import type { DeadlineEntry, IndexedObligation } from './deadline-entry.ts';

/** One obligation of one incident, as a listing shows it. */
export interface DueItem {
  entry: DeadlineEntry;
  item: IndexedObligation;
  /** The incident's number (BR-12 → 12), for ties. */
  readonly n: number;
}

const idNumber = (id: string) => Number(id.slice(id.indexOf('-') + 1));
const key = (d: DueItem) => d.item.dueMs;
const before = (a: DueItem, b: DueItem) => key(a) - key(b) || a.n - b.n || (a.item.obligation < b.item.obligation ? -1 : a.item.obligation > b.item.obligation ? 1 : 0);

/** The sorted items; `replace` keeps it sorted one entry at a time, `rebuild` sorts from scratch (bulk loads). */
export class DueOrder {
  private sorted: DueItem[] = [];
  private byEntry = new Map<string, DueItem[]>();
  private stale = false;

  /** All items in order (sorted first if bulk changes are pending). */
  items(): readonly DueItem[] {
    if (this.stale) {
      this.sorted = [...this.byEntry.values()].flat().sort(before);
      this.stale = false;
    }
    return this.sorted;
  }

  /** How many items are due at or before `horizon`. */
  countUntil(horizon: number): number {
    const items = this.items();
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(items[mid]!) <= horizon) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Put `entry` in place of its previous version; `bulk` defers sorting to the next read (many entries at once). */
  replace(entry: DeadlineEntry, bulk = false): void {
    const old = this.byEntry.get(entry.id);
    if (old && sameItems(old, entry)) {
      // Same obligations, same instants and statuses: the order stands; only the entry behind them is newer.
      old.forEach((d, i) => ((d.entry = entry), (d.item = entry.items[i]!)));
      return;
    }
    const n = idNumber(entry.id);
    const next = entry.items.map((item) => ({ entry, item, n }));
    if (next.length) this.byEntry.set(entry.id, next);
    else this.byEntry.delete(entry.id);
    if (bulk || this.stale) {
      this.stale = true;
      return;
    }
    for (const d of old ?? []) {
      const at = this.find(d);
      if (at >= 0) this.sorted.splice(at, 1);
    }
    for (const d of next) this.sorted.splice(this.lowerBound(d), 0, d);
  }

  private lowerBound(d: DueItem): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(this.sorted[mid]!, d) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private find(d: DueItem): number {
    for (let i = this.lowerBound(d); i < this.sorted.length && before(this.sorted[i]!, d) === 0; i++) if (this.sorted[i] === d) return i;
    return this.sorted.indexOf(d);
  }
}

function sameItems(old: readonly DueItem[], entry: DeadlineEntry): boolean {
  if (old.length !== entry.items.length) return false;
  return old.every(({ item: a }, i) => {
    const b = entry.items[i]!;
    return a.dueMs === b.dueMs && a.obligation === b.obligation && a.status === b.status && a.tolledUntilMs === b.tolledUntilMs && a.recipient === b.recipient && a.citation === b.citation && a.verification === b.verification && a.kind === b.kind && a.rule === b.rule;
  });
}
