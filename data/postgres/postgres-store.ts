// The PostgreSQL store: each change is one transaction holding the incident's row lock (no lost update across
// replicas); history entries are rows appended beside the record; other replicas' changes arrive by LISTEN/NOTIFY.
import { createKeyedQueue } from '../keyed-queue.ts';
import { matches } from '../cached-store.ts';
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { IncidentDamagedError, IncidentNotFoundError } from '../../bot/errors.ts';
import { IncidentSchema, type Incident } from '../../bot/model/incident-schema.ts';
import { sealTimeline } from '../../bot/record/state-digest.ts';
import type { Clock, DamagedIncident, IncidentFilter, IncidentStore, Logger, SchedulerLease, UserPreferences } from '../../bot/ports.ts';
import { CHANGE_CHANNEL, startChangeFeed, type ChangeFeed } from './change-feed.ts';
import { explainConnectError, redactUrl } from './errors.ts';
import { createAdvisoryLease } from './lease.ts';
import { migrate } from './migrations.ts';
import { HISTORY_KINDS, HISTORY_SQL, fromRow, historyOf } from './rows.ts';
import { createHistoryReader } from './history-reader.ts';
import { assertAppendOnly, deepFreeze, sharesPrefix, writeHistory, writeRecord } from './writes.ts';

/** The store port plus what only a shared database offers. */
export interface PostgresStore extends IncidentStore {
  /** True the first time `key` is seen (until `expiresAt`); every replica shares the answer. */
  markRequestSeen(key: string, expiresAt: Date): Promise<boolean>;
  /** A scheduler lease on this database (one dedicated connection). */
  schedulerLease(): SchedulerLease;
  /** Insert an incident under its own id (moving a store); refuses an id already present. */
  insertExact(incident: Incident): Promise<void>;
}

/** Options for openPostgresStore. */
export interface PostgresStoreOptions {
  /** Decides when a seen request id has expired (default: real time, as request timestamps are transport time). */
  clock?: Clock;
  logger?: Logger;
  /** Hear other processes' changes (default true; a one-shot command does not need to). */
  listen?: boolean;
}

const SEEN_PURGE_EVERY = 500;

/** The record without its history lists (copied for a mutation; the lists are shared). */
function headOf(incident: Incident): Record<string, unknown> {
  const head: Record<string, unknown> = { ...incident };
  for (const kind of HISTORY_KINDS) delete head[kind];
  return head;
}

/** Schema-check `next`, parsing only the history entries it adds to `before` (kept entries were checked when written). */
function validate(before: Incident, next: Incident): Incident {
  const probe: Record<string, unknown> = { ...next };
  const kept = new Map<string, readonly unknown[]>();
  for (const kind of HISTORY_KINDS) {
    const had = historyOf(before, kind);
    const now = historyOf(next, kind);
    if (had.length > 0 && sharesPrefix(had, now)) {
      kept.set(kind, had);
      probe[kind] = now.slice(had.length);
    }
  }
  const parsed = IncidentSchema.parse(probe) as unknown as Record<string, unknown>;
  for (const [kind, had] of kept) parsed[kind] = [...had, ...(parsed[kind] as unknown[])];
  return parsed as unknown as Incident;
}

/** Connect, migrate and open the store at `url`; connection problems become a one-line PostgresStoreError. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const location = redactUrl(url);
  const clock = options.clock ?? { now: () => new Date() };
  const pool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 10_000, keepAlive: true, application_name: 'breachdesk' });
  // An idle connection that breaks is replaced by the pool; without a listener the process would crash.
  pool.on('error', (error) => options.logger?.warn('postgres: idle connection failed', { error: error.message }));
  // A checked-out connection that the server ends (restart, failover, an administrator) emits 'error' on the client
  // itself, where the pool's idle listener is not attached: without one the process would crash. The query in flight
  // rejects with the same error, so the listener only has to keep the process alive and say what happened.
  const connect = async () => {
    const client = await pool.connect();
    const onError = (error: Error) => options.logger?.warn('postgres: connection in use failed', { error: error.message });
    client.on('error', onError);
    return { client, done: (broken?: boolean) => (client.removeListener('error', onError), client.release(broken)) };
  };
  try {
    const { client, done } = await connect();
    try {
      await migrate(client, location);
    } finally {
      done();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw explainConnectError(error, url);
  }

  const origin = randomUUID();
  const listeners = new Set<(incident: Incident) => void>();
  const queues = createKeyedQueue();
  const remote = new Set<string>();
  let closed = false;
  let seenCalls = 0;

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    if (closed) throw new Error(`store ${location} is closed`);
    const { client, done } = await connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw error;
    } finally {
      done(broken);
    }
  }

  /** One writer per incident inside this process; the row lock orders writers of different processes. */
  const serialized = <T>(id: string, work: () => Promise<T>): Promise<T> => queues.run(id, work);

  const announce = (client: pg.PoolClient, id: string) => client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, `${origin} ${id}`]);

  function acknowledged(incident: Incident): Incident {
    const frozen = deepFreeze(incident);
    for (const listener of listeners) listener(frozen);
    return frozen;
  }

  const reader = createHistoryReader();
  async function readOne(client: pg.Pool | pg.PoolClient, id: string, lock: boolean): Promise<Incident | undefined> {
    // Lock first, read after: a statement that waited for the lock still sees the history as of its own start,
    // so the read is a second statement, whose snapshot includes the writer we waited for.
    if (lock && (await client.query('SELECT 1 FROM incidents WHERE id = $1 FOR UPDATE', [id])).rowCount === 0) return undefined;
    const incident = await reader.read(client, id);
    if (incident) checked(id, incident);
    return incident;
  }

  // A row edited in SQL (not a valid incident, another incident's id) is quarantined like a damaged file: named,
  // refused, never written. Only the record part is checked here; history rows were checked when written, and an
  // edited or removed entry is the hash chain's to find (verify, the start-up record check).
  const quarantined = new Map<string, string>();
  const headChecked = new Map<string, string>();
  let scanned = false;
  function problemOf(id: string, incident: Incident): string | undefined {
    const head = incident as unknown as Record<string, unknown> | null;
    if (head === null || typeof head !== 'object' || Array.isArray(head)) return `row ${id} of table incidents is not an incident record`;
    if (head.id !== id) return `row ${id} of table incidents holds another incident's id`;
    const probe: Record<string, unknown> = { ...head };
    for (const kind of HISTORY_KINDS) probe[kind] = [];
    const result = IncidentSchema.safeParse(probe);
    if (result.success) return undefined;
    const issue = result.error.issues[0];
    return `row ${id} of table incidents is not a valid incident (${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'})`;
  }
  function checked(id: string, incident: Incident): Incident {
    const known = quarantined.get(id);
    if (known !== undefined) throw new IncidentDamagedError(id, known);
    // The head text last found valid is not parsed again (a logged read changes only the history).
    const text = createHash('sha1').update(JSON.stringify(headOf(incident))).digest('base64');
    if (headChecked.get(id) === text) return incident;
    const problem = problemOf(id, incident);
    if (problem !== undefined) {
      quarantined.set(id, problem);
      headChecked.delete(id);
      // Those found by the first damaged() call are named by the start-up (adapters/runtime.ts); later ones here.
      if (scanned) options.logger?.error(`store: incident ${id} is damaged and quarantined (refused until repaired)`, { incident: id, problem });
      throw new IncidentDamagedError(id, problem);
    }
    headChecked.set(id, text);
    return incident;
  }

  const parse = (row: { doc: string; history: string | null }) => fromRow(row.doc, row.history === null ? null : JSON.parse(row.history));

  /** Another replica changed `id`: tell listeners with the committed version (bursts of one id collapse). */
  function heard(id: string): void {
    if (listeners.size === 0 || remote.has(id)) return;
    remote.add(id);
    setImmediate(() => {
      remote.delete(id);
      if (closed) return;
      store.get(id).then(
        (incident) => incident && listeners.forEach((listener) => listener(incident)),
        (error: unknown) => options.logger?.warn('postgres: cannot read a changed incident', { incident: id, error: (error as Error).message }),
      );
    });
  }
  const feed: ChangeFeed | undefined = options.listen === false ? undefined : startChangeFeed(url, origin, heard, options.logger);
  await feed?.ready;

  const store: PostgresStore = {
    location,
    async get(id) {
      const incident = await readOne(pool, id, false);
      return incident ? deepFreeze(incident) : undefined;
    },
    async list(filter: IncidentFilter = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      // Filtered by the record (the doc the state digest covers), never by the `status` / `channels` columns alone: an
      // UPDATE of a column would otherwise hide an open incident from `list` while `verify` found its record intact.
      if (filter.openOnly) where.push(`(i.doc->>'status') <> 'closed'`);
      if (filter.status) where.push(`(i.doc->>'status') = ANY($${params.push(filter.status)})`);
      const { rows } = await pool.query<{ id: string; doc: string; history: string | null }>(
        `SELECT i.id, i.doc::text AS doc, ${HISTORY_SQL} AS history FROM incidents i ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.num`,
        params,
      );
      return rows.flatMap((row) => {
        try {
          const incident = checked(row.id, parse(row));
          // The channel filter (and a second look at the status) on the parsed record, as the file store does.
          return matches(incident, filter) ? [deepFreeze(incident)] : [];
        } catch (error) {
          // Found damaged while listing: quarantined (see damaged()), the rest is still listed.
          if (error instanceof IncidentDamagedError) return [];
          throw error;
        }
      });
    },
    /** Rows that are not valid incidents (edited in SQL): the first call checks every record row once. */
    async damaged(): Promise<DamagedIncident[]> {
      if (!scanned) {
        const { rows } = await pool.query<{ id: string; doc: string }>('SELECT id, doc::text AS doc FROM incidents ORDER BY num');
        for (const row of rows) {
          try {
            checked(row.id, fromRow(row.doc, null));
          } catch (error) {
            if (!(error instanceof IncidentDamagedError)) throw error;
          }
        }
        scanned = true;
      }
      return [...quarantined].map(([id, problem]) => ({ id, problem }));
    },
    async ids() {
      const { rows } = await pool.query<{ id: string }>('SELECT id FROM incidents ORDER BY num');
      return rows.map((r) => r.id).filter((id) => !quarantined.has(id));
    },
    async create(build) {
      const created = await transaction(async (client) => {
        // The counter row's lock makes ids consecutive across processes; a failed build rolls the number back.
        const { rows } = await client.query<{ next_number: number }>('SELECT next_number FROM breachdesk_meta FOR UPDATE');
        const id = `BR-${rows[0]!.next_number}`;
        const incident = build(id);
        if (incident.id !== id) throw new Error(`create: built incident has id ${incident.id}, expected ${id}`);
        const valid = IncidentSchema.parse(incident);
        await writeRecord(client, valid, 'insert');
        for (const kind of HISTORY_KINDS) await writeHistory(client, id, kind, [], historyOf(valid, kind));
        await client.query('UPDATE breachdesk_meta SET next_number = next_number + 1');
        await announce(client, id);
        return valid;
      });
      return acknowledged(created);
    },
    update(id, mutate) {
      return serialized(id, async () => {
        const next = await transaction(async (client) => {
          const before = await readOne(client, id, true);
          if (!before) throw new IncidentNotFoundError(id);
          // The mutation gets its own head and arrays; the history entries in them are the shared frozen ones.
          const draft: Record<string, unknown> = { ...before, ...JSON.parse(JSON.stringify(headOf(before))) };
          for (const kind of HISTORY_KINDS) draft[kind] = [...historyOf(before, kind)];
          const valid = validate(before, mutate(draft as unknown as Incident));
          assertAppendOnly(before, valid);
          await writeRecord(client, valid, 'update');
          for (const kind of HISTORY_KINDS) await writeHistory(client, id, kind, historyOf(before, kind), historyOf(valid, kind));
          await announce(client, id);
          return valid;
        });
        return acknowledged(next);
      });
    },
    appendTimeline(id, entry) {
      // Sealed into the hash chain with its state digest like every other entry (the file store does the same in cached-store.ts).
      return store.update(id, (current) => sealTimeline(current, { ...current, updatedAt: entry.at }, [entry], new Date(entry.at)));
    },
    async getPreferences(userKey) {
      const { rows } = await pool.query<{ prefs: UserPreferences }>('SELECT prefs FROM user_preferences WHERE user_key = $1', [userKey]);
      return { ...rows[0]?.prefs };
    },
    async setPreferences(userKey, change) {
      // Merged in one statement, so two replicas changing different keys for one person lose neither.
      const set = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
      const cleared = Object.entries(change).filter(([, v]) => v === undefined).map(([k]) => k);
      await pool.query(
        `INSERT INTO user_preferences (user_key, prefs) VALUES ($1, $2::jsonb - $3::text[])
         ON CONFLICT (user_key) DO UPDATE SET prefs = (user_preferences.prefs || $2::jsonb) - $3::text[]`,
        [userKey, JSON.stringify(set), cleared],
      );
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async markRequestSeen(key, expiresAt) {
      const now = clock.now();
      // Keys are hashed, as in the file store: the database holds no Slack signatures or activity ids in clear.
      const hashed = createHash('sha256').update(key).digest('base64url').slice(0, 32);
      const { rowCount } = await pool.query(
        `INSERT INTO seen_requests (key, expires_at) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE seen_requests.expires_at <= $3`,
        [hashed, expiresAt, now],
      );
      if (++seenCalls % SEEN_PURGE_EVERY === 0) void pool.query('DELETE FROM seen_requests WHERE expires_at <= $1', [now]).catch(() => undefined);
      return rowCount === 1;
    },
    schedulerLease: () => createAdvisoryLease(url, options.logger),
    async insertExact(incident) {
      const valid = IncidentSchema.parse(incident);
      await transaction(async (client) => {
        await writeRecord(client, valid, 'insert');
        for (const kind of HISTORY_KINDS) await writeHistory(client, valid.id, kind, [], historyOf(valid, kind));
        await client.query('UPDATE breachdesk_meta SET next_number = greatest(next_number, $1)', [Number(valid.id.slice(3)) + 1]);
        await announce(client, valid.id);
      });
    },
    async close() {
      if (closed) return;
      await queues.idle();
      closed = true;
      await feed?.close();
      await pool.end();
    },
  };
  return store;
}
