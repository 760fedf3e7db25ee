import { describe } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileStore } from '../../data/file-store.ts';
import { createMemoryStore } from '../../data/memory-store.ts';
import { openPostgresStore } from '../../data/postgres/postgres-store.ts';
import { freshDatabase, postgresUrl } from '../postgres/databases.ts';
import { storeContract } from './store-contract.ts';

const now = new Date('2025-03-01T12:00:00Z');

storeContract('memory', async () => createMemoryStore());

storeContract('lowdb file', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'breachdesk-store-')), 'store.json');
  return openFileStore(path, now);
});

// Each test on its own fresh database, dropped after it; not run (with a visible line at start) without a server.
describe.runIf(postgresUrl)('PostgreSQL', () => {
  storeContract('PostgreSQL', async () => {
    const db = await freshDatabase();
    const store = await openPostgresStore(db.url);
    return { ...store, close: () => store.close().finally(db.drop) };
  });
});
