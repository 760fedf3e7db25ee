// A database that is not a breachdesk store (someone else's tables, some under names breachdesk uses) is refused
// in one line naming it, with the password masked, and nothing in it is created, altered or dropped.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPECTED_COLUMNS } from '../../data/postgres/migrations.ts';
import { openPostgresStore } from '../../data/postgres/postgres-store.ts';
import { freshDatabase, postgresUrl } from './databases.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');
let db: Awaited<ReturnType<typeof freshDatabase>> | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

const tables = async (url: string) =>
  (await sql(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).rows.map((r) => r.table_name);

function withPassword(url: string): string {
  const u = new URL(url);
  u.password = 'hunter2';
  return u.toString();
}

describe.runIf(postgresUrl)('PostgreSQL store on a foreign database', () => {
  it('refuses a database with tables of its own, one named incidents, and changes nothing', async () => {
    db = await freshDatabase();
    await sql(db.url, `CREATE TABLE incidents (name text, secret text); INSERT INTO incidents VALUES ('x', 'y'); CREATE TABLE customers (id int)`);
    await expect(openPostgresStore(db.url, { listen: false })).rejects.toThrow(/is not a breachdesk database.*nothing was changed/);
    expect(await tables(db.url)).toEqual(['customers', 'incidents']);
    expect((await sql(db.url, 'SELECT * FROM incidents')).rows).toEqual([{ name: 'x', secret: 'y' }]);
  });

  it('refuses a foreign breachdesk_schema table', async () => {
    db = await freshDatabase();
    await sql(db.url, `CREATE TABLE breachdesk_schema (version text, owner text)`);
    await expect(openPostgresStore(db.url, { listen: false })).rejects.toThrow(/is not a breachdesk database/);
    expect(await tables(db.url)).toEqual(['breachdesk_schema']);
  });

  it('the CLI says so in one line, without the password', async () => {
    db = await freshDatabase();
    await sql(db.url, `CREATE TABLE incidents (name text); CREATE TABLE incident_history (x int)`);
    const home = mkdtempSync(join(tmpdir(), 'qa-hostile-pg-'));
    const r = spawnSync(process.execPath, [BIN, 'list'], {
      encoding: 'utf8', cwd: home, timeout: 30_000,
      env: { PATH: process.env.PATH, HOME: home, USER: 'dana', BREACHDESK_DATA: withPassword(db.url) },
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').filter((l) => !l.includes('compiling'))).toHaveLength(1);
    expect(r.stderr).toMatch(/is not a breachdesk database/);
    expect(r.stderr).not.toContain('hunter2');
    expect(r.stderr).not.toMatch(/already exists|unexpected error/);
    expect(await tables(db.url)).toEqual(['incident_history', 'incidents']);
  });
});

describe.runIf(postgresUrl)('PostgreSQL store whose tables were changed in SQL', () => {
  it('lists, as EXPECTED_COLUMNS, exactly the columns the migrations create', async () => {
    db = await freshDatabase();
    await (await openPostgresStore(db.url, { listen: false })).close();
    const { rows } = await sql(db.url, `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'breachdesk_schema'`);
    const found: Record<string, Record<string, string>> = {};
    for (const r of rows) (found[r.table_name] ??= {})[r.column_name] = r.data_type;
    expect(found).toEqual(EXPECTED_COLUMNS);
  });

  it('refuses a breachdesk database whose incident_history was replaced, without touching it', async () => {
    db = await freshDatabase();
    await (await openPostgresStore(db.url, { listen: false })).close();
    await sql(db.url, 'ALTER TABLE incident_history RENAME TO incident_history_old; CREATE TABLE incident_history (foo int)');
    await expect(openPostgresStore(db.url, { listen: false })).rejects.toThrow(/its incident_history table is not the one breachdesk writes \(column incident_id is missing\).*nothing was changed/);
    expect(await tables(db.url)).toContain('incident_history_old');
    await sql(db.url, 'DROP TABLE incident_history; DROP TABLE incident_history_old CASCADE; DROP TABLE seen_requests');
    await expect(openPostgresStore(db.url, { listen: false })).rejects.toThrow(/its incident_history table is missing/);
  });
});
