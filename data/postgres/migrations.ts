// The schema, as numbered migrations applied at start-up under an advisory lock; a newer schema than this build is refused.
import type { PoolClient } from 'pg';
import { PostgresStoreError } from './errors.ts';

/** Each entry brings the schema from version index to index + 1; never edit a released one, append a new one. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE breachdesk_meta (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    next_number integer NOT NULL DEFAULT 1
  );
  INSERT INTO breachdesk_meta DEFAULT VALUES;
  -- One row per incident: the record without its history (kept as json so its text and key order survive), plus
  -- the columns list() filters on.
  CREATE TABLE incidents (
    id text PRIMARY KEY,
    num integer NOT NULL UNIQUE,
    status text NOT NULL,
    channels jsonb NOT NULL DEFAULT '[]',
    doc json NOT NULL,
    version bigint NOT NULL DEFAULT 1,
    changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
  );
  CREATE INDEX incidents_changed_at ON incidents (changed_at);
  CREATE INDEX incidents_channels ON incidents USING gin (channels jsonb_path_ops);
  -- The append-only history (timeline, deliveries): one row per entry, so a change writes only its new entries.
  CREATE TABLE incident_history (
    incident_id text NOT NULL REFERENCES incidents (id),
    kind text NOT NULL,
    seq integer NOT NULL,
    item json NOT NULL,
    PRIMARY KEY (incident_id, kind, seq)
  );
  -- Chat request ids already handled (Slack retries, Teams redeliveries), shared by every replica.
  CREATE TABLE seen_requests (
    key text PRIMARY KEY,
    expires_at timestamptz NOT NULL
  );
  CREATE INDEX seen_requests_expires_at ON seen_requests (expires_at);
  `,
  // Readers keep history in memory and fetch only new rows; a list rewritten rather than extended bumps this.
  `ALTER TABLE incidents ADD COLUMN history_epoch integer NOT NULL DEFAULT 0;`,
  // Each person's own settings (`lang`), by actor key, shared by every replica.
  `CREATE TABLE user_preferences (
    user_key text PRIMARY KEY,
    prefs jsonb NOT NULL
  );`,
];

/** The schema version this build writes. */
export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;

/** Arbitrary fixed key: only one process migrates at a time. */
const MIGRATION_LOCK = 7_265_610_001;

/** Bring the database to POSTGRES_SCHEMA_VERSION; refuses a database written by a newer build. Returns the version found. */
export async function migrate(client: PoolClient, location: string): Promise<number> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    // Created only where it is missing: CREATE … IF NOT EXISTS needs the right to create even when the table exists.
    if (!(await refuseForeign(client, location))) await client.query(`CREATE TABLE breachdesk_schema (
      version integer PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM breachdesk_schema');
    const found = rows[0]?.version ?? 0;
    if (found > POSTGRES_SCHEMA_VERSION) {
      throw new PostgresStoreError(location, `was written by a newer breachdesk (schema version ${found}; this build reads up to ${POSTGRES_SCHEMA_VERSION}); upgrade breachdesk or point BREACHDESK_DATA at another database`);
    }
    for (let version = found + 1; version <= POSTGRES_SCHEMA_VERSION; version++) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[version - 1]!);
        await client.query('INSERT INTO breachdesk_schema (version) VALUES ($1)', [version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    await refuseChangedTables(client, location);
    await refuseWithoutWriteRights(client, location);
    await refuseWithoutCounter(client, location);
    return found;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

/**
 * Refuse, before anything is written, a database that is not a breachdesk store: one with tables of its own and no
 * `breachdesk_schema` (someone else's data, even under names breachdesk uses), or whose `breachdesk_schema` has other
 * columns. Such a database is never altered; its table names are not quoted (they are another system's text).
 */
async function refuseForeign(client: PoolClient, location: string): Promise<boolean> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT c.relname AS table_name FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`,
  );
  const names = new Set(rows.map((r) => r.table_name));
  if (!names.has('breachdesk_schema')) {
    if (names.size > 0) {
      throw new PostgresStoreError(location, `is not a breachdesk database (it holds ${names.size} table(s) of its own and no breachdesk_schema); nothing was changed; point BREACHDESK_DATA at an empty database or a breachdesk one`);
    }
    return false;
  }
  // pg_attribute, not information_schema: the latter shows only the columns the user may use.
  const { rows: columns } = await client.query<{ column_name: string }>(
    `SELECT attname AS column_name FROM pg_attribute
     WHERE attrelid = (quote_ident(current_schema()) || '.breachdesk_schema')::regclass AND attnum > 0 AND NOT attisdropped`,
  );
  const have = columns.map((c) => c.column_name).sort().join(',');
  if (have !== 'applied_at,version') {
    throw new PostgresStoreError(location, 'is not a breachdesk database (its breachdesk_schema table is not the one breachdesk writes); nothing was changed; point BREACHDESK_DATA at an empty database or a breachdesk one');
  }
  return true;
}

/** What the store does to each table; a user lacking any of it is refused at start-up, not at its first write. */
const NEEDED: ReadonlyArray<[string, readonly string[]]> = [
  ['breachdesk_meta', ['SELECT', 'UPDATE']],
  ['incidents', ['SELECT', 'INSERT', 'UPDATE']],
  ['incident_history', ['SELECT', 'INSERT', 'UPDATE', 'DELETE']],
  ['seen_requests', ['SELECT', 'INSERT', 'UPDATE', 'DELETE']],
  ['user_preferences', ['SELECT', 'INSERT', 'UPDATE']],
];

async function refuseWithoutWriteRights(client: PoolClient, location: string): Promise<void> {
  const checks = NEEDED.flatMap(([table, privileges]) => privileges.map((privilege) => [table, privilege] as const));
  const { rows } = await client.query<{ user: string; held: boolean[] }>(
    `SELECT current_user AS user, array_agg(has_table_privilege(quote_ident(current_schema()) || '.' || t.name, t.privilege) ORDER BY t.n) AS held
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(name, privilege, n)`,
    [checks.map(([table]) => table), checks.map(([, privilege]) => privilege)],
  );
  const missing = checks.filter((_, n) => !rows[0]!.held[n]);
  if (missing.length === 0) return;
  const [table, privilege] = missing[0]!;
  throw new PostgresStoreError(location, `the database user "${rows[0]!.user}" may not ${privilege} on table ${table} (${missing.length} right(s) missing); breachdesk reads and writes its tables: grant SELECT, INSERT, UPDATE, DELETE on them to this user or use another`);
}

/** The next-number row, removed or duplicated in SQL, is refused at start-up (not at the next `new`), and not recreated: a guessed number could reuse an id. */
async function refuseWithoutCounter(client: PoolClient, location: string): Promise<void> {
  const { rows } = await client.query<{ count: number; max: number | null }>(
    'SELECT (SELECT count(*)::int FROM breachdesk_meta) AS count, (SELECT max(num) FROM incidents) AS max',
  );
  const { count, max } = rows[0]!;
  if (count === 1) return;
  throw new PostgresStoreError(location, `its breachdesk_meta table holds ${count} rows instead of one (the next incident number); nothing was changed; restore it from a backup or, if it was removed, run INSERT INTO breachdesk_meta (next_number) VALUES (${(max ?? 0) + 1}) with the highest number ever used plus one`);
}

/** The columns the store reads and writes, as the migrations leave them (tests/postgres check this against a fresh database). */
export const EXPECTED_COLUMNS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  breachdesk_meta: { singleton: 'boolean', next_number: 'integer' },
  incidents: { id: 'text', num: 'integer', status: 'text', channels: 'jsonb', doc: 'json', version: 'bigint', changed_at: 'timestamp with time zone', history_epoch: 'integer' },
  incident_history: { incident_id: 'text', kind: 'text', seq: 'integer', item: 'json' },
  seen_requests: { key: 'text', expires_at: 'timestamp with time zone' },
  user_preferences: { user_key: 'text', prefs: 'jsonb' },
};

/** A breachdesk table replaced or altered in SQL (missing, a column gone or of another type) stops start-up, not a later query. */
async function refuseChangedTables(client: PoolClient, location: string): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string; type: string }>(
    `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND c.relname = ANY($1) AND a.attnum > 0 AND NOT a.attisdropped`,
    [Object.keys(EXPECTED_COLUMNS)],
  );
  for (const [table, columns] of Object.entries(EXPECTED_COLUMNS)) {
    const found = new Map(rows.filter((r) => r.table_name === table).map((r) => [r.column_name, r.type]));
    const wrong = Object.entries(columns).filter(([column, type]) => found.get(column) !== type);
    if (found.size === 0 || wrong.length > 0) {
      const what = found.size === 0 ? `its ${table} table is missing` : `its ${table} table is not the one breachdesk writes (column ${wrong[0]![0]} ${found.has(wrong[0]![0]) ? 'has another type' : 'is missing'})`;
      throw new PostgresStoreError(location, `${what}: it was changed outside breachdesk; nothing was changed; restore the database from a backup`);
    }
  }
}
