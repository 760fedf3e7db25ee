// What only the PostgreSQL store promises: history as rows, migrations and refusals, one-line connection errors,
// changes heard across processes, request de-duplication and the scheduler lease shared through the database.
import { verifyChain } from '../../bot/record/verify-chain.ts';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Incident, TimelineEntry } from '../../bot/model/incident-schema.ts';
import { PostgresStoreError } from '../../data/postgres/errors.ts';
import { POSTGRES_SCHEMA_VERSION } from '../../data/postgres/migrations.ts';
import { openPostgresStore, type PostgresStore } from '../../data/postgres/postgres-store.ts';
import { makeIncident, usHospitalFacts } from '../helpers/incidents.ts';
import { freshDatabase, postgresUrl } from './databases.ts';

const actor = { id: 'U1', name: 'Sam', platform: 'slack' as const };
const entry = (text: string): TimelineEntry => ({ at: '2025-03-01T12:00:00Z', actor, action: 'note', text });
const build = (id: string): Incident => makeIncident(id, usHospitalFacts());

describe.runIf(postgresUrl)('PostgreSQL store', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const open: PostgresStore[] = [];
  const openStore = async (options: Parameters<typeof openPostgresStore>[1] = {}) => {
    const store = await openPostgresStore(db.url, options);
    open.push(store);
    return store;
  };
  const sql = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query<T>(text, params)).rows;
    } finally {
      await client.end();
    }
  };
  beforeEach(async () => {
    db = await freshDatabase();
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    await db.drop();
  });

  it('keeps each history entry as its own row and the record without them', async () => {
    const store = await openStore();
    await store.create(build);
    await store.appendTimeline('BR-1', entry('one'));
    await store.appendTimeline('BR-1', entry('two'));
    const rows = await sql<{ kind: string; seq: number; item: { text: string } }>('SELECT kind, seq, item FROM incident_history ORDER BY seq');
    expect(rows.map((r) => [r.kind, r.seq, r.item.text])).toEqual([['timeline', 0, 'one'], ['timeline', 1, 'two']]);
    const [record] = await sql<{ doc: { timeline: unknown[] } }>('SELECT doc FROM incidents');
    expect(record!.doc.timeline).toEqual([]);
    // The entry comes back as the same text it went in as (key order included), with the state digest and sealed
    // into the hash chain (stateDigest, prev and hash appended), which the chain's verification depends on.
    const stored = JSON.stringify((await store.get('BR-1'))!.timeline[0]);
    expect(stored.startsWith(JSON.stringify(entry('one')).slice(0, -1) + ',"stateDigest":"')).toBe(true);
    expect(stored).toMatch(/,"stateDigest":"[0-9a-f]{64}","prev":"[0-9a-f]{64}","hash":"[0-9a-f]{64}"\}$/);
    expect(verifyChain((await store.get('BR-1'))!).state).toBe('intact');
  });

  it('records the schema version and refuses a database written by a newer build', async () => {
    await (await openStore()).close();
    // Every migration is recorded, one row each, up to this build's version.
    expect(await sql<{ version: number }>('SELECT version FROM breachdesk_schema ORDER BY version')).toEqual(Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, n) => ({ version: n + 1 })));
    await sql('INSERT INTO breachdesk_schema (version) VALUES ($1)', [POSTGRES_SCHEMA_VERSION + 1]);
    const refusal = await openPostgresStore(db.url).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(PostgresStoreError);
    expect((refusal as Error).message).toMatch(new RegExp(`newer breachdesk \\(schema version ${POSTGRES_SCHEMA_VERSION + 1}; this build reads up to ${POSTGRES_SCHEMA_VERSION}\\)`));
  });

  it('names an unreachable server, an unknown user and a missing database in one line each', async () => {
    const fail = (url: string) => openPostgresStore(url).then(() => 'opened', (e: unknown) => e as Error);
    const unreachable = await fail('postgres://postgres@127.0.0.1:1/breachdesk');
    expect(unreachable).toBeInstanceOf(PostgresStoreError);
    expect((unreachable as Error).message).toMatch(/cannot reach the PostgreSQL server at 127\.0\.0\.1:1 \(ECONNREFUSED\)/);
    const url = new URL(db.url);
    url.username = 'nobody_here';
    url.password = 'secret';
    const badUser = (await fail(url.toString())) as Error;
    expect(badUser.message).toMatch(/refused the credentials of user "nobody_here"/);
    expect(badUser.message).not.toContain('secret');
    const missing = new URL(db.url);
    missing.pathname = '/breachdesk_no_such_db';
    expect(((await fail(missing.toString())) as Error).message).toMatch(/the database "breachdesk_no_such_db" does not exist/);
    for (const e of [unreachable, badUser]) expect((e as Error).message).not.toContain('\n');
  });

  it('tells a listener in another process about changes made there', async () => {
    const a = await openStore();
    const b = await openStore();
    const heard: string[] = [];
    const arrived = new Promise<void>((resolve) => b.onChange((i) => (heard.push(`${i.id}:${i.status}`), i.status === 'notifying' && resolve())));
    await a.create(build);
    await a.update('BR-1', (c) => ({ ...c, status: 'notifying' }));
    await arrived;
    expect(heard.at(-1)).toBe('BR-1:notifying');
  });

  it('reports changes made while its listening connection was down, once it is back', async () => {
    const a = await openStore();
    const warnings: string[] = [];
    const b = await openStore({ logger: { debug: () => undefined, info: () => undefined, error: () => undefined, warn: (m) => void warnings.push(m) } });
    await a.create(build);
    const heard: string[] = [];
    b.onChange((i) => heard.push(`${i.id}:${i.status}`));
    // The server drops b's LISTEN connection (a restart, a network cut); a changes the incident meanwhile.
    await sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'breachdesk changes'`);
    await a.update('BR-1', (c) => ({ ...c, status: 'monitoring' }));
    await vi.waitFor(() => expect(heard).toContain('BR-1:monitoring'), { timeout: 10_000, interval: 50 });
    expect(warnings).toContain('postgres: change feed connection lost; reconnecting');
  });

  it('loses no update when two processes write one incident at once', async () => {
    const a = await openStore();
    const b = await openStore();
    await a.create(build);
    await Promise.all(Array.from({ length: 100 }, (_, n) => (n % 2 ? a : b).appendTimeline('BR-1', entry(`write ${n}`))));
    const texts = (await a.get('BR-1'))!.timeline.map((e) => e.text);
    expect(new Set(texts).size).toBe(100);
    expect((await sql<{ n: string }>('SELECT count(*) AS n FROM incident_history'))[0]!.n).toBe('100');
  });

  it('shows each process what the other appended or rewrote (history is kept in memory)', async () => {
    const a = await openStore();
    const b = await openStore();
    const delivery = (key: string) => ({ key, obligation: 'X', step: 'before:P1D', dueAt: '2025-03-02T00:00:00Z', channel: 'slack:C1', outcome: 'delivered' as const, at: '2025-03-01T12:00:00Z', late: false });
    await a.create(build);
    await a.update('BR-1', (c) => ({ ...c, deliveries: [delivery('k1'), delivery('k2')] }));
    expect((await b.get('BR-1'))!.deliveries.map((d) => d.key)).toEqual(['k1', 'k2']);
    await a.appendTimeline('BR-1', entry('from a'));
    await a.update('BR-1', (c) => ({ ...c, deliveries: [delivery('k3')] }));
    const seen = (await b.get('BR-1'))!;
    expect(seen.timeline.map((e) => e.text)).toEqual(['from a']);
    expect(seen.deliveries.map((d) => d.key)).toEqual(['k3']);
    await b.appendTimeline('BR-1', entry('from b'));
    expect((await a.get('BR-1'))!.timeline.map((e) => e.text)).toEqual(['from a', 'from b']);
  });

  it('gives consecutive ids to incidents created by two processes at once', async () => {
    const a = await openStore();
    const b = await openStore();
    await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 ? a : b).create(build)));
    expect(await a.ids()).toEqual(Array.from({ length: 20 }, (_, n) => `BR-${n + 1}`));
  });

  it('answers "first time" once per request key across processes, keeps keys hashed, and answers again after expiry', async () => {
    let now = new Date('2025-03-01T12:00:00Z');
    const clock = { now: () => now };
    const a = await openStore({ clock });
    const b = await openStore({ clock });
    const expires = new Date('2025-03-01T12:05:00Z');
    // Copies arriving at both replicas at once: exactly one runs.
    const first = await Promise.all([a, b, a, b].map((s) => s.markRequestSeen('slack:Ev1', expires)));
    expect(first.sort()).toEqual([false, false, false, true]);
    expect(await b.markRequestSeen('slack:Ev1', expires)).toBe(false);
    expect(await a.markRequestSeen('slack:Ev2', expires)).toBe(true);
    const stored = await sql<{ key: string }>('SELECT key FROM seen_requests');
    expect(stored.map((r) => r.key).join(' ')).not.toContain('Ev1');
    now = new Date('2025-03-01T12:05:00Z');
    expect(await b.markRequestSeen('slack:Ev1', new Date('2025-03-01T12:10:00Z'))).toBe(true);
  });

  it('lets one holder have the scheduler lease; the other takes it once the holder is gone', async () => {
    const a = (await openStore()).schedulerLease();
    const b = (await openStore()).schedulerLease();
    expect(await a.tryHold()).toBe(true);
    expect(await b.tryHold()).toBe(false);
    expect(await a.tryHold()).toBe(true);
    const lost = new Promise<void>((resolve) => a.onLost(resolve));
    // The holder's connection dies (as when its process is killed): the server frees the lock at once.
    // Only this test's database: other suites run replicas on their own databases at the same time.
    await sql(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid() AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
    await lost;
    // The client hears of its end as the server signals it; the lock is freed when that backend has exited.
    await vi.waitFor(async () => expect(await b.tryHold()).toBe(true), { timeout: 5000 });
    expect(await a.tryHold()).toBe(false);
    await a.release();
    await b.release();
  });
});
