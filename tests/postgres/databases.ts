// Throwaway databases on the test server: each test gets a fresh one, dropped when it is done.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

/** The admin URL of the test server, or '' when the PostgreSQL suites are not run (see tests/setup/postgres.ts). */
export const postgresUrl = inject('postgresUrl');

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');

/** A statement on the test server itself (creating and dropping databases). */
const admin = (sql: string) => runSql(postgresUrl, sql);

/** A new empty database: its URL and a function that drops it. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `breachdesk_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Run one SQL statement on the database at `url` (a test editing rows behind breachdesk's back). */
export async function runSql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The one-shot CLI on the database at `url`, as the local user dana in a fresh home folder; `args` as typed. */
export function cliOn(url: string, args: string[]): { code: number | null; stdout: string; stderr: string; out: string } {
  const home = mkdtempSync(join(tmpdir(), 'breachdesk-pg-cli-'));
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8', cwd: home, timeout: 30_000,
    env: { PATH: process.env.PATH, HOME: home, USER: 'dana', BREACHDESK_DATA: url },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
}
