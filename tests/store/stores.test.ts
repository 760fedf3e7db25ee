import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileStore } from '../../data/file-store.ts';
import { createMemoryStore } from '../../data/memory-store.ts';
import { storeContract } from './store-contract.ts';

const now = new Date('2025-03-01T12:00:00Z');

storeContract('memory', async () => createMemoryStore());

storeContract('lowdb file', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'breachdesk-store-')), 'store.json');
  return openFileStore(path, now);
});
