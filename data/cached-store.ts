// The store logic both implementations share: an in-memory index, per-incident write queues, append-only history
// (timeline and deliveries held apart from the incident's head, so a change costs the same whatever the history's length).
import { createKeyedQueue } from './keyed-queue.ts';
import type { DamagedIncident, IncidentFilter, IncidentStore } from '../bot/ports.ts';
import { canonicalJson } from '../bot/record/canonical.ts';
import { chainWith, type ChainedEntry } from '../bot/record/chain.ts';
import { sealTimeline } from '../bot/record/state-digest.ts';
import { IncidentDamagedError, IncidentNotFoundError } from '../bot/errors.ts';
import { IncidentSchema, type Chain, type Incident, type TimelineEntry } from '../bot/model/incident-schema.ts';
import { deepFreeze, HISTORY_FIELDS, HistoryLog, IncidentRecord, ReadCopy, type PerList } from './incident-record.ts';
import { StoreCorruptError } from './store-errors.ts';
import { checkText, IncidentInPack, IncidentText, readPacked } from './incident-text.ts';

/** One acknowledged change as a persistence writes it: the incident, and which history entries are new. */
export interface IncidentWrite {
  /** The whole validated incident (its history arrays are shared and frozen: do not copy them needlessly). */
  incident: Incident;
  /** History entries added by this write, per list (none when `rewrite`). */
  appended: PerList<readonly unknown[]>;
  /** The whole history must be written (a new incident, or a history list that was replaced rather than extended). */
  rewrite: boolean;
  /**
   * Only access-log entries were added, and the head changed only by their links in its chain record (chainWith of
   * bot/record/chain.ts): a persistence may append them without rewriting the head, and bring its chain record up to
   * date from them when it reads the incident back.
   */
  accessOnly: boolean;
}

/** Where a cached store puts records; the memory store persists nowhere. */
export interface IncidentPersistence {
  /** Durably write one change; resolve only once it would survive a crash. */
  write(change: IncidentWrite): Promise<void>;
  /** Release files and locks. */
  close(): Promise<void>;
  /** Read one incident again from where it is persisted (validated), when its held copy is not a valid incident (a damaged pack line); throws when that is damaged too. */
  reread?(id: string): Incident;
  /** Incidents found damaged while opening: quarantined from the start. */
  damaged?: readonly DamagedIncident[];
}

/** A store whose current records can be read synchronously (for the start-up pack); the seen-request set and preferences are added by its owner. */
export interface CachedStore extends Omit<IncidentStore, 'markRequestSeen' | 'getPreferences' | 'setPreferences'> {
  /** Every incident id, in number order, right now. */
  idsNow(): string[];
  /** The acknowledged version of an incident as JSON text, right now. */
  peekJson(id: string): string | undefined;
}

/** How many incidents keep a parsed copy of their history (the most recently used); others parse it again when read. */
const PARSED_HISTORIES = 256;

/** A store over already-loaded incidents; every write goes through `persistence` before it is acknowledged. */
export function createCachedStore(location: string, loaded: Array<Incident | IncidentText | IncidentInPack>, persistence: IncidentPersistence): CachedStore {
  const byId = new Map<string, IncidentText | IncidentInPack | IncidentRecord>();
  const damaged = new Map<string, string>((persistence.damaged ?? []).map((d) => [d.id, d.problem]));
  const recent = new Map<string, IncidentRecord | ReadCopy>();
  let closed = false;
  const numbered = loaded.map((incident) => [idNumber(incident.id), incident] as const).sort((a, b) => a[0] - b[0]);
  // Records handed in as objects (memory store, tests) are checked on first use like pack lines.
  for (const [, incident] of numbered) {
    byId.set(incident.id, incident instanceof IncidentText || incident instanceof IncidentInPack ? incident : new IncidentText(incident.id, JSON.stringify(incident), false));
  }
  // A quarantined id is never given to a new incident.
  let nextNumber = Math.max(numbered.at(-1)?.[0] ?? 0, ...[...damaged.keys()].map(idNumber)) + 1;

  /** Take an incident out of service: named, refused, never written. */
  function quarantine(id: string, problem: string): never {
    byId.delete(id);
    recent.delete(id);
    damaged.set(id, problem);
    throw new IncidentDamagedError(id, problem);
  }

  /** Hold `record` as the current version and remember its parsed history among the most recently used. */
  function keep(record: IncidentRecord): IncidentRecord {
    byId.set(record.id, record);
    return remember(record.id, record);
  }

  /** Remember `record` among the most recently used (for an incident still in the pack, the only place it is held). */
  function remember<T extends IncidentRecord | ReadCopy>(id: string, record: T): T {
    recent.delete(id);
    recent.set(id, record);
    if (recent.size > PARSED_HISTORIES) {
      const [oldest, held] = recent.entries().next().value!;
      recent.delete(oldest);
      held.forget();
    }
    return record;
  }

  /** The stored record, checked against the schema on first use. */
  function recordOf(id: string): IncidentRecord | ReadCopy | undefined {
    const problem = damaged.get(id);
    if (problem !== undefined) throw new IncidentDamagedError(id, problem);
    const slot = byId.get(id);
    if (!slot) return undefined;
    if (slot instanceof IncidentRecord) return keep(slot);
    if (slot instanceof IncidentInPack) {
      const held = recent.get(id);
      if (held) return remember(id, held);
      const read = readPacked(slot);
      // Read for use, not changed: the incident stays in the pack (a write holds it in memory from then on).
      if (read instanceof ReadCopy) return remember(id, read);
      if (read) return keep(read);
    } else {
      const checked = slot.checked ? (JSON.parse(slot.json) as Incident) : checkText(slot.id, slot.json);
      if (checked) return keep(IncidentRecord.of(checked));
    }
    // A damaged start-up pack line: the pack is only a cache, the incident's own file is the source of truth.
    if (!persistence.reread) return quarantine(id, 'the record held in memory is not a valid incident');
    try {
      return keep(IncidentRecord.of(persistence.reread(id)));
    } catch (error) {
      return quarantine(id, error instanceof StoreCorruptError ? `${error.file} ${error.problem}` : String(error));
    }
  }

  /** The record an update changes: the one held, or for an incident still in the pack, the one just read from it. */
  function heldRecord(id: string): IncidentRecord | undefined {
    const slot = byId.get(id);
    if (slot instanceof IncidentRecord) return slot;
    if (!(slot instanceof IncidentInPack)) return undefined;
    const held = recent.get(id) ?? recordOf(id);
    return held instanceof ReadCopy ? held.record() : held;
  }

  /** A fresh head with the shared frozen history. */
  function current(id: string): Incident | undefined {
    return recordOf(id)?.incident();
  }
  const queues = createKeyedQueue();
  const listeners = new Set<(incident: Incident) => void>();

  /** Run writes to one incident one after another, so none is lost. */
  const serialized = <T>(id: string, work: () => Promise<T>): Promise<T> => queues.run(id, work);

  /** Validate what is new (the head and the added history entries), persist it, then hold it. */
  async function commit(next: Incident, before?: Incident, draft?: Incident): Promise<Incident> {
    if (closed) throw new Error(`store ${location} is closed`);
    const probe: Record<string, unknown> = { ...next };
    const kept = {} as PerList<boolean>;
    for (const field of HISTORY_FIELDS) {
      const was = before?.[field] as readonly unknown[] | undefined;
      const now = next[field] as readonly unknown[];
      kept[field] = was !== undefined && isPrefix(was, now);
      probe[field] = kept[field] ? now.slice(was!.length) : now;
    }
    // An incident still in the pack was just read by update (recordOf): its record is among the recently used.
    const old = before ? heldRecord(next.id) : undefined;
    // Earlier history was validated when it was written: only the head and the new entries are checked again; a read
    // logged and nothing else (the head as stored but for the new links' chain record) only through its new entries.
    const accessOnly =
      old instanceof IncidentRecord && HISTORY_FIELDS.every((f) => kept[f]) && onlyAccessAdded(old.head, probe, draft && before && sameHeadFields(next, draft) ? before.chain : undefined);
    const valid = (accessOnly ? { ...probe, ...parseHistory(probe) } : IncidentSchema.parse(probe)) as Record<string, unknown>;
    const logs = {} as PerList<HistoryLog<unknown>>;
    const appended = {} as PerList<readonly unknown[]>;
    const head: Record<string, unknown> = { ...valid };
    for (const field of HISTORY_FIELDS) {
      const added = valid[field] as readonly unknown[];
      logs[field] = old instanceof IncidentRecord && kept[field] ? old.logs[field].append(added) : HistoryLog.of(added);
      appended[field] = kept[field] ? added : [];
      delete head[field];
    }
    const record = new IncidentRecord(next.id, JSON.stringify(head), logs);
    // The head as validated (zod's output, or for a logged read the head as stored), with the shared history arrays.
    const incident = { ...head } as Record<string, unknown>;
    for (const field of HISTORY_FIELDS) incident[field] = logs[field].all();
    const rewrite = !(old instanceof IncidentRecord) || HISTORY_FIELDS.some((f) => !kept[f]);
    await persistence.write({ incident: incident as Incident, appended, rewrite, accessOnly });
    const frozen = deepFreeze(incident as Incident);
    record.holdParsed(frozen);
    keep(record);
    for (const listener of listeners) listener(frozen);
    return frozen;
  }

  const store: CachedStore = {
    location,
    idsNow: () => [...byId.keys()],
    ids: async () => [...byId.keys()],
    damaged: async () => [...damaged].map(([id, problem]) => ({ id, problem })).sort((a, b) => idNumber(a.id) - idNumber(b.id)),
    peekJson: (id) => {
      const slot = byId.get(id);
      if (!(slot instanceof IncidentInPack)) return slot instanceof IncidentRecord ? slot.json() : slot?.json;
      try {
        return slot.text();
      } catch {
        return undefined; // unreadable: left out of a new pack, read from its own file at the next start
      }
    },
    async get(id) {
      return recordOf(id)?.frozen();
    },
    async list(filter: IncidentFilter = {}) {
      const out: Incident[] = [];
      let until = performance.now() + SLICE_MS;
      for (const id of byId.keys()) {
        // Records are parsed as they are listed: in slices, so the bot keeps answering meanwhile.
        if (performance.now() > until) {
          await new Promise((resolve) => setImmediate(resolve));
          until = performance.now() + SLICE_MS;
        }
        let incident: Incident | undefined;
        try {
          incident = current(id);
        } catch (error) {
          // Found damaged while listing: quarantined (see damaged()), the rest is still listed.
          if (error instanceof IncidentDamagedError) continue;
          throw error;
        }
        if (incident && matches(incident, filter)) out.push(handOut(incident)!);
      }
      return out;
    },
    async create(build) {
      const id = `BR-${nextNumber++}`;
      return serialized(id, async () => {
        const incident = build(id);
        if (incident.id !== id) throw new Error(`create: built incident has id ${incident.id}, expected ${id}`);
        return commit(incident);
      });
    },
    update(id, mutate) {
      return serialized(id, async () => {
        const before = current(id);
        if (!before) throw new IncidentNotFoundError(id);
        // The mutation gets a fresh head and its own arrays; the history entries in them are the shared frozen ones.
        // Its fields' values are frozen: a mutation replaces a field, never edits one in place, so a field still holding the
        // same value after it is unchanged (how a logged read is told from a change without comparing texts).
        for (const [key, value] of Object.entries(before)) if (!(HISTORY_FIELDS as readonly string[]).includes(key)) deepFreeze(value);
        const draft: Record<string, unknown> = { ...before };
        for (const field of HISTORY_FIELDS) draft[field] = [...(before[field] as readonly unknown[])];
        const next = mutate(draft as Incident);
        assertAppendOnly(before, next);
        return commit(next, before, draft as Incident);
      });
    },
    appendTimeline(id, entry: TimelineEntry) {
      // Sealed into the hash chain like every entry, with the digest of the state it leaves (bot/record/state-digest.ts):
      // the store never writes an unchained one.
      return store.update(id, (current) => sealTimeline(current, { ...current, updatedAt: entry.at }, [entry], new Date(entry.at)));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      await queues.idle();
      closed = true;
      await persistence.close();
    },
  };
  return store;
}

/**
 * True when `probe` (new history entries only) adds access-log entries and nothing else: no timeline or delivery entry,
 * and a head equal to the stored one except for the chain record those entries' links make.
 */
function onlyAccessAdded(storedHead: string, probe: Record<string, unknown>, storedChainIfSameHead?: Chain): boolean {
  const added = probe.accessLog as ChainedEntry[];
  if (added.length === 0 || HISTORY_FIELDS.some((f) => f !== 'accessLog' && (probe[f] as unknown[]).length > 0)) return false;
  const { chain, ...next } = probe as { chain?: Chain } & Record<string, unknown>;
  let storedChain = storedChainIfSameHead;
  if (!storedChain) {
    // No cheaper proof that the head is the stored one: compare it with the stored text, field by field as JSON.
    const { chain: was, ...stored } = JSON.parse(storedHead) as { chain?: Chain } & Record<string, unknown>;
    for (const field of HISTORY_FIELDS) delete next[field];
    if (JSON.stringify(next) !== JSON.stringify(stored)) return false;
    storedChain = was;
  }
  if (!storedChain?.lists.accessLog || !chain) return false;
  return canonicalJson(chainWith(String(probe.id), storedChain, 'accessLog', added)) === canonicalJson(chain);
}

/**
 * True when `next` holds the very same values as `draft` (the stored head, freshly parsed) in every field but the
 * history lists and the chain record: the mutation replaced nothing else, so the head is the stored one.
 */
function sameHeadFields(next: Incident, draft: Incident): boolean {
  const a = next as unknown as Record<string, unknown>;
  const b = draft as unknown as Record<string, unknown>;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (key === 'chain' || (HISTORY_FIELDS as readonly string[]).includes(key)) continue;
    if (!(key in b) || a[key] !== b[key]) return false;
  }
  return true;
}

/** The history lists of `probe` (new entries only) checked against their schemas, without the head. */
function parseHistory(probe: Record<string, unknown>): PerList<unknown[]> {
  const lists = {} as PerList<unknown[]>;
  for (const field of HISTORY_FIELDS) lists[field] = IncidentSchema.shape[field].parse(probe[field]) as unknown[];
  return lists;
}

/** True when the incident, as its record says, passes the filter (every store filters by the record itself). */
export function matches(incident: Incident, filter: IncidentFilter): boolean {
  if (filter.openOnly && incident.status === 'closed') return false;
  if (filter.status && !filter.status.includes(incident.status)) return false;
  if (filter.channel && !incident.channels.some((c) => c.platform === filter.channel!.platform && c.id === filter.channel!.id)) return false;
  return true;
}

/** The record the regulator sees: earlier timeline entries are never edited or dropped, and ids never change. */
function assertAppendOnly(current: Incident, next: Incident): void {
  if (next.id !== current.id) throw new Error(`update may not change the id of ${current.id}`);
  if (!isPrefix(current.timeline, next.timeline)) {
    throw new Error(`update of ${current.id} would edit or drop timeline entries; the timeline is append-only`);
  }
}

/** True when `next` starts with every entry of `kept` (the same objects, or equal ones): cheap for shared history. */
function isPrefix<T>(kept: readonly T[], next: readonly T[]): boolean {
  if (next.length < kept.length) return false;
  for (let i = 0; i < kept.length; i++) if (next[i] !== kept[i] && JSON.stringify(next[i]) !== JSON.stringify(kept[i])) return false;
  return true;
}

const idNumber = (id: string) => Number(id.slice(3));

/** Milliseconds of parsing in list() before yielding: short enough that requests waiting behind it barely notice. */
const SLICE_MS = 2;

/** Records leave the store frozen, so no caller can change them behind its back. */
function handOut(incident: Incident | undefined): Incident | undefined {
  return incident && (Object.isFrozen(incident) ? incident : deepFreeze(incident));
}
