// Every indexed obligation of every incident in due order (then incident number), kept sorted as entries change, so a
// listing reads its first lines and counts up to a horizon by binary search instead of visiting every incident.
// A million obligations at 100,000 incidents: the order is one array of numbers (incident slot × 2^16 + the
// obligation's place in its entry), not an object per obligation; listings build objects for the lines they return.
import type { DeadlineEntry, IndexedObligation } from './deadline-entry.ts';
import { dueUntil, soonest } from './due-head.ts';

/** One obligation of one incident, as a listing shows it. */
export interface DueItem {
  entry: DeadlineEntry;
  item: IndexedObligation;
  /** The incident's number (BR-12 → 12), for ties. */
  readonly n: number;
}

/** References in the order: slot × ORDER_SPAN + the obligation's place in its entry. */
export const ORDER_SPAN = 65_536;
const SPAN = ORDER_SPAN;
/** An entry's obligations must fit under one slot's references. */
function fitsSpan(entry: DeadlineEntry): void {
  if (entry.items.length >= SPAN) throw new Error(`${entry.id}: too many obligations to index (${entry.items.length})`);
}
const idNumber = (id: string) => Number(id.slice(id.indexOf('-') + 1));

/** The sorted obligations; `replace` keeps them sorted one entry at a time, or defers sorting to the next read (bulk loads). */
export class DueOrder {
  /** Obligation references in due order: slot × SPAN + index in the slot's entry (a loaded order until first changed). */
  private sorted: number[] | Float64Array = [];
  private stale = false;
  /**
   * `sorted` is an order given to `load`, trusted as the index file's digest covers it: each reference is checked as
   * it is read (all of them before the order changes or is given out), and one that names no obligation drops it for a
   * full sort.
   */
  private loaded = false;
  /**
   * While the whole order waits to be rebuilt: the obligations due by one horizon (references and due instants, in
   * entry order, gathered in one walk), and the first of them in order (at least as many as were asked for). A one-shot
   * `due` after reading the index file lists the soonest 200 of perhaps 30,000 due by its horizon: it counts them and
   * sorts only the head instead of the whole order.
   */
  private prefix: { horizon: number; count: number; refs: number[]; dues: number[]; head: number[] } | undefined;
  /** Each incident's slot; after `load`, filled at the first `replace` (a one-shot listing never needs it). */
  private readonly slotOf = new Map<string, number>();
  private slotted = true;
  private readonly entries: DeadlineEntry[] = [];
  /** Each slot's incident number (BR-12 → 12); after `load`, worked out when first asked for (numberOf). */
  private readonly numbers: number[] = [];

  /**
   * Take `entries` at once into an empty order, in slots 0, 1, …, with `sorted`, when given, their obligations
   * already in order (references into `entries`, as `ordered` gives them; the deadline index file keeps it, checked
   * as it is read). Without it, or when it does not hold every obligation, the order is sorted at the first read.
   */
  load(entries: readonly DeadlineEntry[], sorted?: number[] | Float64Array): void {
    if (this.entries.length) throw new Error('DueOrder.load: the order already holds entries');
    let total = 0;
    for (let slot = 0; slot < entries.length; slot++) {
      const entry = entries[slot]!;
      fitsSpan(entry);
      this.entries.push(entry);
      total += entry.items.length;
    }
    this.numbers.length = entries.length;
    this.slotted = entries.length === 0;
    if (sorted && sorted.length === total) {
      this.sorted = sorted;
      this.loaded = true;
    } else this.stale = total > 0;
  }

  /** The entries by slot. */
  slots(): readonly DeadlineEntry[] {
    return this.entries;
  }

  /** The entries by slot and every obligation in order (references as in `load`), sorted now if need be. */
  ordered(): { entries: readonly DeadlineEntry[]; sorted: number[] | Float64Array } {
    this.trustLoaded();
    return { entries: this.entries, sorted: this.order() };
  }

  /** How many obligations are ordered. */
  get size(): number {
    return this.order().length;
  }

  /** The obligation at `position` in due order. */
  at(position: number): DueItem {
    const ref = this.refAt(position);
    const slot = Math.floor(ref / SPAN);
    const entry = this.entries[slot]!;
    return { entry, item: entry.items.item(ref - slot * SPAN), n: this.numberOf(slot) };
  }

  /** The entry of the obligation at `position` (without building the obligation). */
  entryAt(position: number): DeadlineEntry {
    return this.entries[Math.floor(this.refAt(position) / SPAN)]!;
  }

  /** How many obligations are due at or before `horizon`. */
  countUntil(horizon: number): number {
    if (this.stale) {
      if (this.prefix?.horizon !== horizon) this.prefix = this.dueBy(horizon);
      return this.prefix.count;
    }
    const sorted = this.order();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.loaded && !this.names(sorted[mid]!)) {
        this.distrust();
        return this.countUntil(horizon);
      }
      if (this.dueOf(sorted[mid]!) <= horizon) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Put `entry` in place of its previous version; `bulk` defers sorting to the next read (many entries at once). */
  replace(entry: DeadlineEntry, bulk = false): void {
    fitsSpan(entry);
    if (!this.slotted) {
      this.entries.forEach((e, at) => this.slotOf.set(e.id, at));
      this.slotted = true;
    }
    let slot = this.slotOf.get(entry.id);
    const old = slot === undefined ? undefined : this.entries[slot]!;
    if (slot === undefined) {
      slot = this.entries.push(entry) - 1;
      this.numbers[slot] = idNumber(entry.id);
      this.slotOf.set(entry.id, slot);
    }
    // Same obligations at the same instants (a status or a text changed, or nothing): the order stands; only the entry
    // behind it is newer. Most changes are these (a note, an access-log line).
    if (old?.items.sameOrder(entry.items)) {
      this.entries[slot] = entry;
      return;
    }
    if (bulk || this.stale) {
      // Rebuilt at the next read; the old order would only keep replaced entries alive meanwhile.
      this.entries[slot] = entry;
      this.loaded = false;
      this.stale = true;
      this.sorted = [];
      this.prefix = undefined;
      return;
    }
    this.trustLoaded();
    if (this.stale) return this.replace(entry, true);
    const sorted = this.sorted as number[];
    // Found under the entry they were sorted with, then replaced by the new one's.
    for (let i = 0; i < (old?.items.length ?? 0); i++) {
      const at = this.position(slot * SPAN + i);
      if (at >= 0) sorted.splice(at, 1);
    }
    this.entries[slot] = entry;
    for (let i = 0; i < entry.items.length; i++) {
      const ref = slot * SPAN + i;
      sorted.splice(this.lowerBound(ref), 0, ref);
    }
  }

  private refAt(position: number): number {
    const prefix = this.stale ? this.prefix : undefined;
    if (prefix && position < prefix.count) {
      if (position >= prefix.head.length) prefix.head = this.head(prefix, Math.max(256, position * 2 + 1));
      return prefix.head[position] ?? this.order()[position]!;
    }
    const ref = this.order()[position]!;
    if (!this.loaded || this.names(ref)) return ref;
    this.distrust();
    return this.refAt(position);
  }

  /** True when `ref` is one of the obligations held. */
  private names(ref: number): boolean {
    const slot = Math.floor(ref / SPAN);
    const i = ref - slot * SPAN;
    return slot >= 0 && slot < this.entries.length && Number.isInteger(i) && i < this.entries[slot]!.items.length;
  }

  /** A loaded order checked in full (before it changes or is given out): an array of its own, or dropped. */
  private trustLoaded(): void {
    if (!this.loaded) return;
    const sorted = this.sorted;
    for (let k = 0; k < sorted.length; k++) if (!this.names(sorted[k]!)) return this.distrust();
    this.loaded = false;
    this.sorted = Array.from(sorted);
  }

  /** Drop a loaded order that names an obligation not held: sorted afresh at the next read. */
  private distrust(): void {
    this.loaded = false;
    this.sorted = [];
    this.stale = true;
    this.prefix = undefined;
  }

  /** The obligations due at or before `horizon`, gathered (not sorted) in one walk over the entries. */
  private dueBy(horizon: number): NonNullable<DueOrder['prefix']> {
    const { refs, dues } = dueUntil(this.entries, horizon, SPAN);
    return { horizon, count: refs.length, refs, dues, head: [] };
  }

  /** The first `wanted` or more of the obligations gathered in `prefix`, in order (due-head.ts). */
  private head(prefix: NonNullable<DueOrder['prefix']>, wanted: number): number[] {
    return soonest(prefix.refs, prefix.dues, wanted, (refs, dues) => this.sortRefs(refs, dues));
  }

  private order(): number[] | Float64Array {
    if (this.stale) {
      this.sorted = this.everyRef();
      this.stale = false;
      this.prefix = undefined;
    }
    return this.sorted;
  }

  /** The references of every obligation, in order. */
  private everyRef(): number[] {
    const refs: number[] = [];
    const due: number[] = [];
    this.entries.forEach((e, slot) => {
      for (let i = 0; i < e.items.length; i++) {
        refs.push(slot * SPAN + i);
        due.push(e.items.dueMs(i));
      }
    });
    return this.sortRefs(refs, due);
  }

  /** `refs` (with their due instants beside) in order. */
  private sortRefs(refs: readonly number[], due: readonly number[]): number[] {
    // Due instants and incident numbers copied beside the references once: the sort compares plain numbers and goes
    // back to the entries only to tie-break by obligation id (a third of the time of comparing through them).
    const number = refs.map((ref) => this.numberOf(Math.floor(ref / SPAN)));
    const places = new Uint32Array(refs.length);
    for (let i = 0; i < places.length; i++) places[i] = i;
    places.sort((x, y) => due[x]! - due[y]! || number[x]! - number[y]! || (x === y ? 0 : this.before(refs[x]!, refs[y]!)));
    return Array.from(places, (place) => refs[place]!);
  }

  private numberOf(slot: number): number {
    return (this.numbers[slot] ??= idNumber(this.entries[slot]!.id));
  }

  private dueOf(ref: number): number {
    const slot = Math.floor(ref / SPAN);
    return this.entries[slot]!.items.dueMs(ref - slot * SPAN);
  }

  /** Due instant, then incident number, then obligation id. */
  private before(a: number, b: number): number {
    const sa = Math.floor(a / SPAN);
    const sb = Math.floor(b / SPAN);
    const ea = this.entries[sa]!.items;
    const eb = this.entries[sb]!.items;
    const d = ea.dueMs(a - sa * SPAN) - eb.dueMs(b - sb * SPAN) || this.numberOf(sa) - this.numberOf(sb);
    if (d || sa === sb && a === b) return d;
    const oa = ea.obligation(a - sa * SPAN);
    const ob = eb.obligation(b - sb * SPAN);
    return oa < ob ? -1 : oa > ob ? 1 : 0;
  }

  private lowerBound(ref: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.before(this.sorted[mid]!, ref) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where `ref` sits in the order (it is compared under its entry as it was when inserted), or -1. */
  private position(ref: number): number {
    for (let i = this.lowerBound(ref); i < this.sorted.length && this.before(this.sorted[i]!, ref) === 0; i++) if (this.sorted[i] === ref) return i;
    return this.sorted.indexOf(ref);
  }
}
