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
import { DueOrder, type DueItem } from './due-order.ts';
import { isoInZone, localDate } from './time.ts';
import type { Obligation } from './types.ts';
import type { RuleSet } from './rule-schema.ts';

export type { DeadlineEntry, IndexedObligation } from './deadline-entry.ts';

export type { DueItem } from './due-order.ts';

/** Past this many entries to recompute at once, they are sorted together at the next read, not put in place one by one. */
const IN_PLACE = 64;

/** What a listing over the index found. */
export interface DueListing {
  /** Open incidents the asker may read. */
  open: number;
  /** How many obligations match (items holds at most the limit asked for). */
  total: number;
  /** The soonest matching obligations, soonest first (ties by incident number). */
  items: DueItem[];
  /** Readable open incidents whose deadlines cannot be computed, each with why. */
  problems: string[];
}

/** What a listing asks for. */
export interface DueQuery {
  now: Date;
  /** Due instants up to this one (epoch ms), overdue included. */
  horizon: number;
  /** The asker's read access, from an incident's team keys; omitted: every incident (an admin, the portfolio digest). */
  readable?: ((readers: readonly string[]) => boolean) | undefined;
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
  /**
   * When an entry was computed since the last call: every entry (for persisting), with every obligation in due order
   * (references into `entries`, as DueOrder keeps them); otherwise undefined.
   */
  unsaved(): Required<Omit<IndexEntries, 'whole'>> | undefined;
  /** Stop following the store. */
  close(): void;
}

/** The entries of an index and their obligations in due order: slot × ORDER_SPAN + place in the entry (due-order.ts). */
export interface IndexEntries {
  entries: readonly DeadlineEntry[];
  /** Omitted, or not holding every obligation: sorted at the first read. */
  sorted?: number[] | Float64Array;
  /**
   * Given when `entries` are every incident of the store, each once (the file beside an unchanged store): what the
   * index would count over them, so it needs no pass over them nor over the store before its first answer.
   */
  whole?: { open: number; nextExpiry: number; latest: number };
}

/** An index over `store`, starting from `initial` entries known to match the store's current records. */
export function createDeadlineIndex(options: {
  store: IncidentStore;
  rules: RuleSet;
  clock: Clock;
  logger?: Logger;
  initial?: IndexEntries;
  /** Stored dates the engine cannot work with (domain/dates.ts): such an incident is named in listings, not computed. */
  dateProblems?: (incident: Incident, now: Date) => string[];
}): DeadlineIndex {
  // Not `options` itself in the closures below: it holds `initial`, which would then stay in memory for good.
  const { store, rules, clock, logger, dateProblems } = options;
  const order = new DueOrder();
  // By id; after a whole load, made when first needed (a one-shot `due` of an admin never needs it).
  let byId: Map<string, DeadlineEntry> | undefined = new Map();
  const entries = () => (byId ??= new Map(order.slots().map((e) => [e.id, e])));
  let changed = false;
  // Every store id has an entry (after the first full pass, or a whole load); no entry expires before `nextExpiry`; none was computed after `latest`.
  let complete = false;
  let nextExpiry = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  let openCount = 0;
  const problems = new Map<string, DeadlineEntry>();
  const keep = (entry: DeadlineEntry, bulk: boolean) => {
    const old = entries().get(entry.id);
    if (old?.open) openCount--;
    if (entry.open) openCount++;
    if (entry.open && entry.problem) problems.set(entry.id, entry);
    else problems.delete(entry.id);
    entries().set(entry.id, entry);
    order.replace(entry, bulk);
    if (entry.open) nextExpiry = Math.min(nextExpiry, entry.validUntil);
    latest = Math.max(latest, entry.computedAt);
  };
  if (options.initial) load(options.initial);
  /** The initial entries at once, with the order they came with (one entry per incident; else taken one by one). */
  function load({ entries: all, sorted, whole }: IndexEntries): void {
    if (whole) {
      ({ open: openCount, nextExpiry, latest } = whole);
      complete = true;
      byId = undefined;
      return order.load(all, sorted);
    }
    const map = byId!;
    for (const entry of all) {
      map.set(entry.id, entry);
      latest = Math.max(latest, entry.computedAt);
      if (!entry.open) continue;
      openCount++;
      if (entry.problem) problems.set(entry.id, entry);
      nextExpiry = Math.min(nextExpiry, entry.validUntil);
    }
    if (map.size === all.length) return order.load(all, sorted);
    map.clear();
    problems.clear();
    openCount = 0;
    for (const entry of all) keep(entry, true);
  }
  // Changes seen per incident: a recomputation from a read that a newer change overtook is not kept.
  const changes = new Map<string, number>();
  const put = (incident: Incident, now: Date, bulk: boolean, obligations?: readonly Obligation[]) => {
    const dated = dateProblems?.(incident, now) ?? [];
    keep(deadlineEntry(incident, rules, now, teamKeys(incident), dated.length ? [] : obligations, dated), bulk);
    changed = true;
  };
  const unsubscribe = store.onChange((incident) => {
    changes.set(incident.id, (changes.get(incident.id) ?? 0) + 1);
    try {
      put(incident, clock.now(), false);
    } catch (error) {
      // Recomputed from the store at the next full pass.
      complete = false;
      logger?.warn('deadline index: cannot compute an incident', { incident: incident.id, error: String(error) });
    }
  });

  /** Recompute `id` from the store at `now` (`bulk`: sorted at the next read); nothing when it is gone or damaged. */
  async function recompute(id: string, now: Date, bulk: boolean): Promise<void> {
    const seen = changes.get(id);
    let incident: Incident | undefined;
    try {
      incident = await store.get(id);
    } catch (error) {
      if (error instanceof IncidentDamagedError) return;
      throw error;
    }
    if (!incident) return;
    if (changes.get(id) !== seen) return recompute(id, now, bulk);
    put(incident, now, bulk);
  }

  /** Bring every entry to `now`: missing ones, expired ones, and ones computed after `now` (an earlier --now) are recomputed. */
  async function refresh(now: Date): Promise<void> {
    const at = now.getTime();
    const pause = createSlicer();
    nextExpiry = Number.POSITIVE_INFINITY;
    latest = Number.NEGATIVE_INFINITY;
    const due: string[] = [];
    for (const id of await store.ids()) {
      const entry = entries().get(id);
      if (!entry || (entry.open && !entryHoldsAt(entry, at)) || entry.computedAt > at) due.push(id);
      else {
        if (entry.open) nextExpiry = Math.min(nextExpiry, entry.validUntil);
        latest = Math.max(latest, entry.computedAt);
      }
    }
    // A few (deadlines passed since the index file was written): each put in its place in the order, which stands.
    const bulk = due.length > IN_PLACE;
    for (const id of due) {
      await recompute(id, now, bulk);
      // Engine work: yield now and then so other requests are served meanwhile.
      await pause();
    }
    complete = true;
  }

  return {
    async dueBy({ now, horizon, readable, accept, limit = Number.POSITIVE_INFINITY }) {
      const at = now.getTime();
      if (!complete || at >= nextExpiry || at < latest) await refresh(now);
      const end = order.countUntil(horizon);
      // Everyone, every obligation: the first lines and the count come straight from the order.
      if (!readable && !accept) return { open: openCount, total: end, items: Array.from({ length: Math.min(end, limit) }, (_, i) => order.at(i)), problems: [...problems.values()].map((e) => e.problem!) };
      // Teams are shared lists (deadline-entry.ts): asked once per team, not once per incident.
      const allowed = new Map<readonly string[], boolean>();
      const may = (e: DeadlineEntry) => {
        if (!readable) return true;
        let ok = allowed.get(e.readers);
        if (ok === undefined) allowed.set(e.readers, (ok = readable(e.readers)));
        return ok;
      };
      let open = 0;
      for (const e of entries().values()) if (e.open && may(e)) open++;
      const items: DueItem[] = [];
      let total = 0;
      for (let i = 0; i < end; i++) {
        if (!may(order.entryAt(i))) continue;
        // Objects only for what is looked at: the listed lines, and each candidate when a filter must see it.
        const d = accept || items.length < limit ? order.at(i) : undefined;
        if (d && accept && !accept(d.item)) continue;
        total++;
        if (d && items.length < limit) items.push(d);
      }
      return { open, total, items, problems: [...problems.values()].filter(may).map((e) => e.problem!) };
    },
    record(incident, now, obligations) {
      // The start-up walk records every incident: sorted once at the next read, not one insertion at a time.
      put(incident, now, true, obligations);
    },
    unsaved() {
      if (!changed) return undefined;
      changed = false;
      return order.ordered();
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
