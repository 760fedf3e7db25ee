// The maintained deadline index: one entry per incident (deadline-entry.ts), updated on every store change, so `due`,
// the portfolio digest and the App Home read due instants instead of running the engine over every open incident.
// An entry whose statuses may have moved since it was computed (a window opened, a deadline passed) is recomputed
// when read, so an answer is never stale.
import { teamKeys } from '../access/policy.ts';
import type { Incident } from '../model/incident-schema.ts';
import type { Clock, IncidentStore, Logger } from '../ports.ts';
import { IncidentDamagedError } from '../errors.ts';
import { createSlicer } from '../slices.ts';
import { deadlineEntry, entryHoldsAt, type DeadlineEntry, type IndexedObligation } from './deadline-entry.ts';
import { isoInZone, localDate } from './time.ts';
import type { Obligation } from './types.ts';
import type { RuleSet } from './rule-schema.ts';

export type { DeadlineEntry, IndexedObligation } from './deadline-entry.ts';

/** One obligation of one incident, as a listing shows it. */
export interface DueItem {
  entry: DeadlineEntry;
  item: IndexedObligation;
}

/** What a listing over the index found. */
export interface DueListing {
  /** Open incidents the asker may read. */
  open: number;
  /** How many obligations match (items holds at most the limit asked for). */
  total: number;
  /** The soonest matching obligations, soonest first (ties by incident number). */
  items: DueItem[];
}

/** What a listing asks for. */
export interface DueQuery {
  now: Date;
  /** Due instants up to this one (epoch ms), overdue included. */
  horizon: number;
  /** The asker's read access, from an incident's team keys. */
  readable: (readers: readonly string[]) => boolean;
  /** Only these obligations (e.g. the statuses that get reminders). */
  accept?: (item: IndexedObligation) => boolean;
  /** Keep only the soonest `limit` items (default: all). */
  limit?: number;
}

/** The index a process keeps over its store. */
export interface DeadlineIndex {
  /** Open obligations due by `horizon` (overdue included) of open incidents `readable` accepts, with statuses at `now`. */
  dueBy(query: DueQuery): Promise<DueListing>;
  /** Record what the engine computed for `incident` at `now` (the scheduler's walk), instead of computing it again. */
  record(incident: Incident, now: Date, obligations: readonly Obligation[]): void;
  /** Entries computed in this process since it started or loaded them (for persisting); `changed` since the last call. */
  snapshot(): { entries: DeadlineEntry[]; changed: boolean };
  /** Stop following the store. */
  close(): void;
}

/** An index over `store`, starting from `initial` entries known to match the store's current records. */
export function createDeadlineIndex(options: { store: IncidentStore; rules: RuleSet; clock: Clock; logger?: Logger; initial?: Iterable<DeadlineEntry> }): DeadlineIndex {
  const { store, rules, clock } = options;
  const entries = new Map<string, DeadlineEntry>();
  for (const e of options.initial ?? []) entries.set(e.id, e);
  let changed = false;
  // Changes seen per incident: a recomputation from a read that a newer change overtook is not kept.
  const changes = new Map<string, number>();
  const put = (incident: Incident, now: Date, obligations?: readonly Obligation[]) => {
    entries.set(incident.id, deadlineEntry(incident, rules, now, teamKeys(incident), obligations));
    changed = true;
  };
  const unsubscribe = store.onChange((incident) => {
    changes.set(incident.id, (changes.get(incident.id) ?? 0) + 1);
    try {
      put(incident, clock.now());
    } catch (error) {
      // Recomputed from the store when next read.
      entries.delete(incident.id);
      options.logger?.warn('deadline index: cannot compute an incident', { incident: incident.id, error: String(error) });
    }
  });

  /** The entry for `id` holding at `now`, recomputed from the store when missing or past its validity. */
  async function fresh(id: string, now: Date): Promise<DeadlineEntry | undefined> {
    const known = entries.get(id);
    if (known && (!known.open || entryHoldsAt(known, now.getTime()))) return known;
    let incident: Incident | undefined;
    const seen = changes.get(id);
    try {
      incident = await store.get(id);
    } catch (error) {
      if (error instanceof IncidentDamagedError) return undefined;
      throw error;
    }
    if (!incident) {
      entries.delete(id);
      return undefined;
    }
    if (changes.get(id) !== seen) return fresh(id, now);
    put(incident, now);
    return entries.get(id);
  }

  return {
    async dueBy({ now, horizon, readable, accept = () => true, limit = Number.POSITIVE_INFINITY }) {
      const pause = createSlicer();
      const at = now.getTime();
      const kept = createTopK(limit);
      let open = 0;
      let total = 0;
      for (const id of await store.ids()) {
        let entry = entries.get(id);
        if (!entry || (entry.open && !entryHoldsAt(entry, at))) {
          entry = await fresh(id, now);
          // Recomputing is engine work: yield now and then so other requests are served meanwhile.
          await pause();
        }
        if (!entry?.open || !readable(entry.readers)) continue;
        open++;
        for (const item of entry.items) {
          if (item.dueMs > horizon || !accept(item)) continue;
          total++;
          kept.offer({ entry, item });
        }
      }
      return { open, total, items: kept.sorted() };
    },
    record(incident, now, obligations) {
      put(incident, now, obligations);
    },
    snapshot() {
      const was = changed;
      changed = false;
      return { entries: [...entries.values()], changed: was };
    },
    close: unsubscribe,
  };
}

/** An index item in the shape the shared presenters read (basis, caveats and law left empty: listings do not show them). */
export function asObligation({ entry, item }: DueItem): Obligation {
  return {
    obligation: item.obligation, rule: item.rule, recipient: item.recipient, citation: item.citation, kind: item.kind,
    dueDate: item.kind === 'date' ? localDate(item.dueMs, entry.zone) : null, dueAt: isoInZone(item.dueMs, entry.zone), status: item.status,
    verification: item.verification, basis: '', law: '', caveats: [], jurisdiction: '', trigger: null,
    tolledUntil: item.tolledUntilMs === null ? null : isoInZone(item.tolledUntilMs, entry.zone), doneAt: null,
  };
}

function idNumber(id: string): number {
  return Number(id.slice(id.indexOf('-') + 1));
}

const before = (a: DueItem, b: DueItem) => a.item.dueMs - b.item.dueMs || idNumber(a.entry.id) - idNumber(b.entry.id);

/** The `limit` first items in `before` order, kept in a max-heap: a listing of 400,000 items sorts only what it shows. */
function createTopK(limit: number): { offer(item: DueItem): void; sorted(): DueItem[] } {
  const heap: DueItem[] = [];
  const worse = (i: number, j: number) => before(heap[i]!, heap[j]!) > 0;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  return {
    offer(item) {
      if (!Number.isFinite(limit)) return void heap.push(item);
      if (heap.length < limit) {
        heap.push(item);
        for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
        return;
      }
      if (limit === 0 || before(item, heap[0]!) >= 0) return;
      heap[0] = item;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && worse(l, m)) m = l;
        if (r < heap.length && worse(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    },
    sorted: () => heap.sort(before),
  };
}
