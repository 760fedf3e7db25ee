// Rows edited directly in SQL: a record row that is no longer a valid incident (or holds another id) is quarantined
// like a damaged file (named, refused in one sentence, left out of list, never written), and the rest still works;
// a removed timeline or access-log row is found by verify and the start-up record check.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentDamagedError } from '../../bot/errors.ts';
import { openPostgresStore } from '../../data/postgres/postgres-store.ts';
import { cliOn, freshDatabase, postgresUrl, runSql } from './databases.ts';

let db: Awaited<ReturnType<typeof freshDatabase>>;

const cli = (args: string[]) => cliOn(db.url, args);
const sql = (text: string) => runSql(db.url, text);

describe.runIf(postgresUrl)('PostgreSQL rows tampered with in SQL', () => {
  beforeAll(async () => {
    db = await freshDatabase();
    for (let n = 1; n <= 5; n++) {
      expect(cli(['--now', '2025-03-01T12:00:00Z', 'new', 'Stolen', `laptop-${n}`, '--discovered', '2025-02-28T10:00:00Z', '--org', 'Example Hospital', '--affected', '40']).code).toBe(0);
      expect(cli(['log', `BR-${n}`, 'first', 'note']).code).toBe(0);
      expect(cli(['show', `BR-${n}`]).code).toBe(0);
    }
    await sql(`UPDATE incidents SET doc = (doc::jsonb - 'title')::json WHERE id = 'BR-1'`);
    await sql(`UPDATE incidents SET doc = jsonb_set(doc::jsonb, '{id}', '"BR-5"')::json WHERE id = 'BR-2'`);
    await sql(`UPDATE incidents SET doc = 'null' WHERE id = 'BR-3'`);
    await sql(`DELETE FROM incident_history WHERE incident_id = 'BR-4' AND kind = 'timeline' AND seq = 1`);
    await sql(`DELETE FROM incident_history WHERE incident_id = 'BR-5' AND kind = 'accessLog' AND seq = 0`);
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('quarantines record rows that are not valid incidents; the others are still listed', async () => {
    const store = await openPostgresStore(db.url, { listen: false });
    try {
      expect((await store.damaged()).map((d) => d.id)).toEqual(['BR-1', 'BR-2', 'BR-3']);
      expect((await store.list()).map((i) => i.id)).toEqual(['BR-4', 'BR-5']);
      await expect(store.get('BR-1')).rejects.toBeInstanceOf(IncidentDamagedError);
      await expect(store.update('BR-2', (i) => i)).rejects.toBeInstanceOf(IncidentDamagedError);
    } finally {
      await store.close();
    }
  });

  it('the CLI lists the rest and refuses a damaged one in one sentence, without a stack trace', () => {
    const listed = cli(['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('laptop-4');
    expect(listed.stdout).not.toContain('failed unexpectedly');
    const shown = cli(['show', 'BR-1']);
    expect(shown.code).not.toBe(0);
    expect(shown.stdout + shown.stderr).toMatch(/BR-1 cannot be used: its stored record is damaged/);
    expect(shown.stdout + shown.stderr).not.toMatch(/ZodError|TypeError|\n\s+at /);
  });

  it('verify finds a removed timeline row and a removed access-log row', () => {
    const timeline = cli(['verify', 'BR-4']);
    expect(timeline.code).not.toBe(0);
    expect(timeline.stdout + timeline.stderr).toMatch(/RECORD BROKEN.*Timeline entry 2 is missing/);
    const access = cli(['verify', 'BR-5']);
    expect(access.code).not.toBe(0);
    expect(access.stdout + access.stderr).toMatch(/RECORD BROKEN.*Access-log entry 1 is missing/);
  });
});

describe.runIf(postgresUrl)('PostgreSQL next-number row removed in SQL', () => {
  it('is refused at start-up in one line, and nothing is recreated', async () => {
    const own = await freshDatabase();
    try {
      await (await openPostgresStore(own.url, { listen: false })).close();
      const client = new pg.Client({ connectionString: own.url });
      await client.connect();
      try {
        await client.query('DELETE FROM breachdesk_meta');
        await expect(openPostgresStore(own.url, { listen: false })).rejects.toThrow(/its breachdesk_meta table holds 0 rows instead of one.*nothing was changed/);
        expect((await client.query('SELECT * FROM breachdesk_meta')).rowCount).toBe(0);
      } finally {
        await client.end();
      }
    } finally {
      await own.drop();
    }
  });
});
