// The store logic both implementations share: an in-memory index, per-incident write queues, append-only timelines.
import type { IncidentFilter, IncidentStore } from '../bot/ports.ts';
import { IncidentNotFoundError } from '../commands/errors.ts';
import { IncidentSchema, type Incident, type TimelineEntry } from './incident-schema.ts';

/** Where a cached store puts records; the memory store persists nowhere. */
export interface IncidentPersistence {
  /** Durably write one incident; resolve only once it would survive a crash. */
  write(incident: Incident): Promise<void>;
  /** Release files and locks. */
  close(): Promise<void>;
}

/** A store whose current records can be read synchronously (for the start-up pack). */
export interface CachedStore extends IncidentStore {
  /** The acknowledged version of an incident, right now. */
  peek(id: string): Incident | undefined;
}

/** An incident loaded as the JSON text the store wrote (from the start-up pack), parsed when first needed. */
export class PackedIncident {
  constructor(
    readonly id: string,
    readonly json: string,
  ) {}
}

/** A store over already-loaded incidents; every write goes through `persistence` before it is acknowledged. */
export function createCachedStore(location: string, loaded: Array<Incident | PackedIncident>, persistence: IncidentPersistence): CachedStore {
  const byId = new Map<string, Incident | PackedIncident>();
  let closed = false;
  // Parsing and freezing 100,000 loaded records up front would cost over a second of start-up: each is parsed and
  // frozen when first handed out, or a slice at a time in the background.
  const numbered = loaded.map((incident) => [idNumber(incident.id), incident] as const).sort((a, b) => a[0] - b[0]);
  for (const [, incident] of numbered) byId.set(incident.id, incident);
  let nextNumber = (numbered.at(-1)?.[0] ?? 0) + 1;

  /** The incident itself, parsing a packed one on first use. */
  function current(id: string): Incident | undefined {
    const slot = byId.get(id);
    if (!(slot instanceof PackedIncident)) return slot;
    const incident = JSON.parse(slot.json) as Incident;
    byId.set(id, incident);
    return incident;
  }
  prepareInBackground([...byId.keys()], (id) => handOut(current(id)), () => closed);
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
    const frozen = deepFreeze(valid);
    byId.set(valid.id, frozen);
    for (const listener of listeners) listener(frozen);
    return frozen;
  }

  const store: CachedStore = {
    location,
    peek: (id) => handOut(current(id)),
    async get(id) {
      return handOut(current(id));
    },
    async list(filter: IncidentFilter = {}) {
      const out: Incident[] = [];
      let until = performance.now() + SLICE_MS;
      for (const [id, slot] of byId) {
        // Right after start-up many records may still be unparsed: parse them in slices so the bot keeps answering.
        if (slot instanceof PackedIncident && performance.now() > until) {
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
        const next = mutate(structuredClone(before) as Incident);
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

/** Milliseconds of parsing before yielding: short enough that requests waiting behind it barely notice. */
const SLICE_MS = 2;

/** Parse and freeze loaded records a slice at a time after start-up, so later calls find them ready. */
function prepareInBackground(ids: string[], prepare: (id: string) => unknown, stopped: () => boolean): void {
  let next = 0;
  const step = () => {
    if (stopped()) return;
    const until = performance.now() + SLICE_MS;
    while (next < ids.length && performance.now() < until) prepare(ids[next++]!);
    if (next < ids.length) setImmediate(step);
  };
  if (ids.length > 0) setImmediate(step);
}

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
