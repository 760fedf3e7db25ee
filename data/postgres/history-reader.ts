// Reads one incident with its history, keeping each incident's history entries parsed and frozen in memory: a read
// fetches only the entries added since (append-only rows), so get and update cost the same at 10 or 10,000 entries.
import type pg from 'pg';
import type { Incident } from '../../bot/model/incident-schema.ts';
import { HISTORY_KINDS } from './rows.ts';
import { deepFreeze } from './writes.ts';

/** History entries kept in memory across incidents at most; the least recently read incidents are dropped first. */
const MAX_CACHED_ENTRIES = 200_000;

type Lists = Map<string, readonly unknown[]>;
interface Cached {
  /** Bumped in the database whenever a history list is rewritten rather than extended. */
  epoch: number;
  lists: Lists;
  size: number;
}
interface Row {
  doc: string;
  epoch: number;
  /** `[[kind, seq, entry], …]` ordered by kind and seq, or null when there are none. */
  delta: string | null;
}

const EMPTY: readonly unknown[] = Object.freeze([]);

/** A reader with its own cache; `read` gives a fresh record head whose history arrays are shared and frozen. */
export function createHistoryReader() {
  const cache = new Map<string, Cached>();
  let total = 0;

  async function query(client: pg.Pool | pg.PoolClient, id: string, from: Record<string, number>): Promise<Row | undefined> {
    // One statement: record and history come from the same snapshot. One primary-key range per kind, so only the
    // new rows are visited, however long the history.
    const ranges = HISTORY_KINDS.map((_, n) => `SELECT kind, seq, item FROM incident_history WHERE incident_id = $1 AND kind = $${2 * n + 2} AND seq >= $${2 * n + 3}`);
    const { rows } = await client.query<Row>(
      `SELECT i.doc::text AS doc, i.history_epoch AS epoch,
        (SELECT json_agg(json_build_array(h.kind, h.seq, h.item) ORDER BY h.kind, h.seq)::text FROM (${ranges.join(' UNION ALL ')}) h) AS delta
       FROM incidents i WHERE i.id = $1`,
      [id, ...HISTORY_KINDS.flatMap((kind) => [kind, from[kind] ?? 0])],
    );
    return rows[0];
  }

  /** The cached lists extended by `delta`, or undefined when they do not join up (then everything is read again). */
  function extend(base: Lists | undefined, from: Record<string, number>, delta: string | null): Lists | undefined {
    const added = new Map<string, unknown[]>();
    for (const [kind, seq, entry] of (delta ? JSON.parse(delta) : []) as Array<[string, number, unknown]>) {
      const list = added.get(kind) ?? [];
      if (seq !== (from[kind] ?? 0) + list.length) return undefined;
      list.push(deepFreeze(entry));
      added.set(kind, list);
    }
    const lists: Lists = new Map();
    for (const kind of HISTORY_KINDS) {
      const have = base?.get(kind) ?? EMPTY;
      const upTo = from[kind] ?? 0;
      const kept = have.length === upTo ? have : Object.freeze(have.slice(0, upTo));
      const more = added.get(kind);
      lists.set(kind, more ? Object.freeze([...kept, ...more]) : kept);
    }
    return lists;
  }

  function remember(id: string, entry: Cached): void {
    const old = cache.get(id);
    if (old) total -= old.size;
    cache.delete(id);
    cache.set(id, entry);
    total += entry.size;
    for (const [oldest, value] of cache) {
      if (total <= MAX_CACHED_ENTRIES || oldest === id) break;
      cache.delete(oldest);
      total -= value.size;
    }
  }

  return {
    /** The incident as committed (as seen by `client`), or undefined. */
    async read(client: pg.Pool | pg.PoolClient, id: string): Promise<Incident | undefined> {
      const cached = cache.get(id);
      const from: Record<string, number> = {};
      if (cached) for (const kind of HISTORY_KINDS) from[kind] = cached.lists.get(kind)?.length ?? 0;
      let row = await query(client, id, from);
      let lists = row && cached && cached.epoch === row.epoch ? extend(cached.lists, from, row.delta) : undefined;
      if (row && !lists) {
        // Not cached, rewritten meanwhile, or not joining up: read the whole history once.
        row = await query(client, id, {});
        lists = row ? extend(undefined, {}, row.delta) : undefined;
      }
      if (!row || !lists) {
        cache.delete(id);
        return undefined;
      }
      remember(id, { epoch: row.epoch, lists, size: [...lists.values()].reduce((n, l) => n + l.length, 0) });
      const incident = JSON.parse(row.doc) as Record<string, unknown>;
      // A row edited into something else is returned as it is, for the store's check to refuse.
      if (incident === null || typeof incident !== 'object' || Array.isArray(incident)) return incident as unknown as Incident;
      for (const kind of HISTORY_KINDS) incident[kind] = lists.get(kind) ?? EMPTY;
      return incident as unknown as Incident;
    },
  };
}
