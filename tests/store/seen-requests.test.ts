// markRequestSeen: true once per key until it expires (memory, file and PostgreSQL stores); the file store remembers
// across a restart and a torn last line.
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IncidentStore } from '../../bot/ports.ts';
import { openFileStore } from '../../data/file-store.ts';
import { createMemoryStore } from '../../data/memory-store.ts';
import { openPostgresStore } from '../../data/postgres/postgres-store.ts';
import { freshDatabase, postgresUrl } from '../postgres/databases.ts';

const inFiveMinutes = () => new Date(Date.now() + 5 * 60_000);
const storePath = () => join(mkdtempSync(join(tmpdir(), 'breachdesk-seen-')), 'store.json');

/** A PostgreSQL store on a fresh database, dropped when the store is closed. */
async function openFreshPostgres(): Promise<IncidentStore> {
  const db = await freshDatabase();
  const store = await openPostgresStore(db.url, { listen: false });
  return { ...store, close: () => store.close().finally(db.drop) };
}

describe.each([
  ['memory', async () => createMemoryStore()],
  ['lowdb file', async () => openFileStore(storePath(), new Date())],
  // Without a server the PostgreSQL suites are announced as not run (tests/setup/postgres.ts).
  ...(postgresUrl ? [['PostgreSQL', openFreshPostgres] as const] : []),
] as const)('%s store: markRequestSeen', (_name, open: () => Promise<IncidentStore>) => {
  it('answers true the first time and false for the same key, however many copies arrive at once', async () => {
    const store = await open();
    try {
      const answers = await Promise.all([1, 2, 3].map(() => store.markRequestSeen('slack:v0=abc', inFiveMinutes())));
      expect(answers.sort()).toEqual([false, false, true]);
      expect(await store.markRequestSeen('slack:v0=abc', inFiveMinutes())).toBe(false);
      expect(await store.markRequestSeen('slack:v0=abd', inFiveMinutes())).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('forgets a key once it expired', async () => {
    const store = await open();
    try {
      const past = new Date(Date.now() - 1000);
      expect(await store.markRequestSeen('teams:1', past)).toBe(true);
      expect(await store.markRequestSeen('teams:1', inFiveMinutes())).toBe(true);
      expect(await store.markRequestSeen('teams:1', inFiveMinutes())).toBe(false);
    } finally {
      await store.close();
    }
  });
});

describe('file store: seen requests across a restart', () => {
  it('still refuses a key seen before the restart, holds no key in clear, and skips a line torn by a crash', async () => {
    const path = storePath();
    const first = await openFileStore(path, new Date());
    expect(await first.markRequestSeen('slack:v0=secret-signature', inFiveMinutes())).toBe(true);
    await first.close();
    const seenFile = join(path, '..', 'store.incidents.seen');
    expect(readFileSync(seenFile, 'utf8')).not.toContain('secret-signature');
    appendFileSync(seenFile, '{"k":"torn');
    const second = await openFileStore(path, new Date());
    try {
      expect(await second.markRequestSeen('slack:v0=secret-signature', inFiveMinutes())).toBe(false);
      expect(await second.markRequestSeen('slack:v0=other', inFiveMinutes())).toBe(true);
    } finally {
      await second.close();
    }
  });
});
