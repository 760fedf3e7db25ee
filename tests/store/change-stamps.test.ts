// IncidentStore.changeStamps: a token per incident that changes with its facts, and (file store) survives a reopen.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IncidentStore } from '../../bot/ports.ts';
import { openFileStore } from '../../data/file-store.ts';
import { createMemoryStore } from '../../data/memory-store.ts';
import { makeIncident, usHospitalFacts } from '../helpers/incidents.ts';

const now = new Date('2025-03-01T12:00:00Z');
const build = (id: string) => makeIncident(id, usHospitalFacts());

async function changesWithFacts(store: IncidentStore) {
  await store.create(build);
  await store.create(build);
  const before = await store.changeStamps!();
  expect([...before.keys()]).toEqual(['BR-1', 'BR-2']);
  await store.update('BR-1', (i) => ({ ...i, affected: { ...i.affected, total: 5000 } }));
  const after = await store.changeStamps!();
  expect(after.get('BR-1')).not.toBe(before.get('BR-1'));
  expect(after.get('BR-2')).toBe(before.get('BR-2'));
}

describe('change stamps', () => {
  it('memory store: a changed incident gets a new stamp, the others keep theirs', async () => {
    await changesWithFacts(createMemoryStore());
  });

  it('file store: the same, and a reopened store gives the same stamps until something changes', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'breachdesk-stamps-')), 'store.json');
    const store = await openFileStore(path, now);
    await changesWithFacts(store);
    const last = await store.changeStamps!();
    await store.close();
    const again = await openFileStore(path, now);
    expect(await again.changeStamps!()).toEqual(last);
    await again.update('BR-2', (i) => ({ ...i, title: 'Renamed' }));
    expect((await again.changeStamps!()).get('BR-2')).not.toBe(last.get('BR-2'));
    await again.close();
  });
});
