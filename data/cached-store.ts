// The store logic both implementations share: an in-memory index, per-incident write queues, append-only timelines.
import type { IncidentFilter, IncidentStore } from '../bot/ports.ts';
import { IncidentNotFoundError } from '../bot/errors.ts';
import { IncidentSchema, type Incident, type TimelineEntry } from '../bot/model/incident-schema.ts';

/** Where a cached store puts records; the memory store persists nowhere. */
export interface IncidentPersistence {
  /** Durably write one incident; resolve only once it would survive a crash. */
  write(incident: Incident): Promise<void>;
  /** Release files and locks. */
  close(): Promise<void>;
  /** Read one incident again from where it is persisted, when its held copy cannot be parsed (a damaged pack line). */
  reread?(id: string): Incident;
}

/** A store whose current records can be read synchronously (for the start-up pack); the seen-request set is added by its owner. */
export interface CachedStore extends Omit<IncidentStore, 'markRequestSeen'> {
  /** Every incident id, in number order, right now. */
  idsNow(): string[];
  /** The acknowledged version of an incident as JSON text, right now. */
  peekJson(id: string): string | undefined;
}

/**
 * An incident held as its JSON text. 100,000 incidents as text are about 100,000 strings for the garbage collector;
 * parsed, they would be millions of small objects that every full collection must trace (long pauses, a larger heap).
 * Each use parses a fresh copy (a few microseconds for a 1–2 KB incident).
 */
export class IncidentText {
  constructor(
    readonly id: string,
    readonly json: string,
  ) {}

  /** A fresh parsed copy. */
  parse(): Incident {
    return JSON.parse(this.json) as Incident;
  }
}

/** A store over already-loaded incidents; every write goes through `persistence` before it is acknowledged. */
export function createCachedStore(location: string, loaded: Array<Incident | IncidentText>, persistence: IncidentPersistence): CachedStore {
  const byId = new Map<string, IncidentText>();
  let closed = false;
  const numbered = loaded.map((incident) => [idNumber(incident.id), incident] as const).sort((a, b) => a[0] - b[0]);
  for (const [, incident] of numbered) byId.set(incident.id, incident instanceof IncidentText ? incident : new IncidentText(incident.id, JSON.stringify(incident)));
  let nextNumber = (numbered.at(-1)?.[0] ?? 0) + 1;

  /** A fresh parsed copy of the stored incident. */
  function current(id: string): Incident | undefined {
    const slot = byId.get(id);
    if (!slot) return undefined;
    try {
      return slot.parse();
    } catch (error) {
      // A damaged start-up pack line: the pack is only a cache, the incident's own file is the source of truth.
      if (!persistence.reread) throw error;
      const fresh = persistence.reread(id);
      byId.set(id, new IncidentText(id, JSON.stringify(fresh)));
      return fresh;
    }
  }
  const queues = new Map<string, Promise<unknown>>();
  const listeners = new Set<(incident: Incident) => void>();

  /** Run writes to one incident one after another, so none is lost. */
  function serialized<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(id) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    queues.set(id, tail);
    void tail.then(() => queues.get(id) === tail && queues.delete(id));
    return run;
  }

  async function commit(next: Incident): Promise<Incident> {
    if (closed) throw new Error(`store ${location} is closed`);
    const valid = IncidentSchema.parse(next);
    await persistence.write(valid);
    // Kept as text like every record (see IncidentText); callers and listeners get the frozen object.
    byId.set(valid.id, new IncidentText(valid.id, JSON.stringify(valid)));
    const frozen = deepFreeze(valid);
    for (const listener of listeners) listener(frozen);
    return frozen;
  }

  const store: CachedStore = {
    location,
    idsNow: () => [...byId.keys()],
    ids: async () => [...byId.keys()],
    peekJson: (id) => byId.get(id)?.json,
    async get(id) {
      return handOut(current(id));
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
        const incident = current(id);
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
        // A second fresh copy for the mutation, so `before` stays as stored for the append-only check.
        const next = mutate(current(id)!);
        assertAppendOnly(before, next);
        return commit(next);
      });
    },
    appendTimeline(id, entry: TimelineEntry) {
      return store.update(id, (current) => ({ ...current, updatedAt: entry.at, timeline: [...current.timeline, entry] }));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      await Promise.all([...queues.values()]);
      closed = true;
      await persistence.close();
    },
  };
  return store;
}

function matches(incident: Incident, filter: IncidentFilter): boolean {
  if (filter.openOnly && incident.status === 'closed') return false;
  if (filter.status && !filter.status.includes(incident.status)) return false;
  if (filter.channel && !incident.channels.some((c) => c.platform === filter.channel!.platform && c.id === filter.channel!.id)) return false;
  return true;
}

/** The record the regulator sees: earlier timeline entries are never edited or dropped, and ids never change. */
function assertAppendOnly(current: Incident, next: Incident): void {
  if (next.id !== current.id) throw new Error(`update may not change the id of ${current.id}`);
  const kept = next.timeline.slice(0, current.timeline.length);
  if (kept.length < current.timeline.length || JSON.stringify(kept) !== JSON.stringify(current.timeline)) {
    throw new Error(`update of ${current.id} would edit or drop timeline entries; the timeline is append-only`);
  }
}

const idNumber = (id: string) => Number(id.slice(3));

/** Milliseconds of parsing in list() before yielding: short enough that requests waiting behind it barely notice. */
const SLICE_MS = 2;

/** Records leave the store frozen, so no caller can change them behind its back. */
function handOut(incident: Incident | undefined): Incident | undefined {
  return incident && (Object.isFrozen(incident) ? incident : deepFreeze(incident));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
