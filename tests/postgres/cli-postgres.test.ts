// The one-shot CLI and the terminal chat on a PostgreSQL store: commands work (no file lock), and the terminal leaves
// reminders to the replicas instead of running a second scheduler.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, postgresUrl } from './databases.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');
let db: Awaited<ReturnType<typeof freshDatabase>>;

function cli(args: string[], input = '') {
  const home = mkdtempSync(join(tmpdir(), 'breachdesk-pg-cli-'));
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8', cwd: home, input, timeout: 30_000,
    env: { PATH: process.env.PATH, HOME: home, USER: 'dana', BREACHDESK_DATA: db.url },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.runIf(postgresUrl)('CLI on a PostgreSQL store', () => {
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('opens incidents and lists them from the database', () => {
    const created = cli(['--now', '2025-03-01T12:00:00Z', 'new', 'Stolen', 'laptop', '--discovered', '2025-02-28T10:00:00-06:00', '--org', 'Example Hospital', '--affected', '40']);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('BR-1');
    const listed = cli(['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Stolen laptop');
  });

  it('says in the terminal chat that the replicas send reminders', () => {
    const chat = cli([], 'exit\n');
    expect(chat.code).toBe(0);
    expect(chat.stdout).toContain('Shared PostgreSQL store: reminders are sent by the running replicas, not by this terminal.');
  });
});
