// After a clean close a large store keeps its start-up pack through a few writes (a one-shot command's logged read):
// the clean-close note names what was written, and the next start reads just those from their files. A process that
// dies leaves no note, so the start after it checks every journal.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChange, SYSTEM_ACTOR } from '../../bot/domain/change.ts';
import { decideAccess } from '../../bot/domain/membership.ts';
import type { AccessEvent } from '../../bot/model/incident-schema.ts';
import type { IncidentStore } from '../../bot/ports.ts';
import { verifyChain } from '../../bot/record/verify-chain.ts';
import { openFileStore } from '../../data/file-store.ts';
import { makeIncident, usHospitalFacts } from '../helpers/incidents.ts';

const now = new Date('2025-03-01T12:00:00Z');
// Stores of more than one incident count as large here, so three incidents show what 100,000 do.
const LARGE = { closePacking: { writes: 100, incidents: 1 } };
const read = (n: number): AccessEvent => ({ at: `2025-03-01T12:00:0${n}Z`, kind: 'read', command: 'show', actor: { id: `U${n}`, name: `Reader ${n}`, platform: 'slack' } });
const logRead = (store: IncidentStore, n: number) => applyChange({ store, actor: SYSTEM_ACTOR, now }, 'BR-2', decideAccess(read(n)));
const readers = async (store: IncidentStore) => (await store.get('BR-2'))!.accessLog.map((e) => e.actor.name);

async function storeOfThree() {
  const path = join(mkdtempSync(join(tmpdir(), 'breachdesk-clean-')), 'store.json');
  const store = await openFileStore(path, now, LARGE);
  for (const title of ['one', 'two', 'three']) await store.create((id) => makeIncident(id, usHospitalFacts({ title })));
  await logRead(store, 0);
  // Four writes, fewer than 100, but the store has no pack yet: close writes one.
  await store.close();
  const pack = join(path, '..', 'store.incidents.pack');
  const note = join(path, '..', 'store.incidents.clean');
  return { path, pack, note };
}

describe('clean close', () => {
  it('keeps the pack through a few writes, names them, and the next start reads them from their files', async () => {
    const { path, pack, note } = await storeOfThree();
    expect(JSON.parse(readFileSync(note, 'utf8'))).toMatchObject({ format: 'breachdesk-clean-close', dirty: [] });
    const packed = { bytes: readFileSync(pack, 'utf8'), mtime: statSync(pack).mtimeMs };
    const second = await openFileStore(path, now, LARGE);
    // Taken at open: a crash of this session must not leave the old note behind.
    expect(existsSync(note)).toBe(false);
    await logRead(second, 1);
    await second.close();
    expect(readFileSync(pack, 'utf8')).toBe(packed.bytes);
    expect(statSync(pack).mtimeMs).toBe(packed.mtime);
    expect(JSON.parse(readFileSync(note, 'utf8')).dirty).toEqual(['BR-2']);
    const third = await openFileStore(path, now, LARGE);
    expect(await readers(third)).toEqual(['Reader 0', 'Reader 1']);
    expect(verifyChain((await third.get('BR-2'))!).state).toBe('intact');
    await third.close();
  });

  it('after a crash there is no note: every journal is checked and the crashed session\'s reads are there', async () => {
    const { path, note } = await storeOfThree();
    const crashed = await openFileStore(path, now, LARGE);
    await logRead(crashed, 1);
    await logRead(crashed, 2);
    // The process dies: never closed, its lock left to go stale (removed here, as a takeover would).
    rmSync(`${path}.lock`, { force: true });
    expect(existsSync(note)).toBe(false);
    const reopened = await openFileStore(path, now, LARGE);
    expect(await readers(reopened)).toEqual(['Reader 0', 'Reader 1', 'Reader 2']);
    expect(verifyChain((await reopened.get('BR-2'))!).state).toBe('intact');
    await reopened.close();
  });
});
