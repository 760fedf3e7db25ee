// Flushes deferred past the answer (a logged read's line, a replay id): a flush that fails is not forgotten, and the
// next logged read is refused rather than answered with a log not known to be on disk.
import { fstatSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChange, SYSTEM_ACTOR } from '../../bot/domain/change.ts';
import { decideAccess } from '../../bot/domain/membership.ts';
import { allFlushed, flushesSettled, flushSoon } from '../../data/deferred-flush.ts';
import { openFileStore } from '../../data/file-store.ts';
import { makeIncident, usHospitalFacts } from '../helpers/incidents.ts';

const now = new Date('2025-03-01T12:00:00Z');
/** A descriptor number no file has: fdatasync on it fails (EBADF), as a failing disk would. */
const NO_SUCH_FD = 987_654;
const read = { at: '2025-03-01T12:00:01Z', kind: 'read', command: 'show', actor: { id: 'U1', name: 'Reader', platform: 'slack' } } as const;

/** True while `fd` is open on the file `ino` (a closed number may be given to another file meanwhile). */
function stillOn(fd: number, ino: number): boolean {
  try {
    return fstatSync(fd).ino === ino;
  } catch {
    return false;
  }
}

describe('deferred flushes', () => {
  it('report a failed flush once, naming the file', async () => {
    flushSoon('/var/breachdesk/store.incidents/BR-9.journal', NO_SUCH_FD);
    await expect(allFlushed()).rejects.toThrow(/could not flush \/var\/breachdesk\/store\.incidents\/BR-9\.journal to disk \(EBADF\)/);
    await expect(allFlushed()).resolves.toBeUndefined();
  });

  it('close every descriptor handed over once the file is flushed, a second write to the same file included', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'breachdesk-flush-')), 'BR-1.journal');
    const first = openSync(path, 'a');
    writeSync(first, 'one\n');
    const second = openSync(path, 'a');
    writeSync(second, 'two\n');
    const file = fstatSync(first).ino;
    flushSoon(path, first);
    flushSoon(path, second); // covered by the first's flush, not started yet
    await allFlushed();
    expect(stillOn(first, file)).toBe(false);
    expect(stillOn(second, file)).toBe(false);
  });

  it('refuse the next logged read after a flush failed, then log reads again', async () => {
    const store = await openFileStore(join(mkdtempSync(join(tmpdir(), 'breachdesk-flush-')), 'store.json'), now);
    try {
      await store.create((id) => makeIncident(id, usHospitalFacts()));
      const logRead = () => applyChange({ store, actor: SYSTEM_ACTOR, now }, 'BR-1', decideAccess(read));
      await logRead();
      flushSoon('/elsewhere/failing.journal', NO_SUCH_FD);
      await flushesSettled();
      await expect(logRead()).rejects.toThrow(/could not flush/);
      expect((await store.get('BR-1'))!.accessLog).toHaveLength(1);
      await logRead();
      expect((await store.get('BR-1'))!.accessLog).toHaveLength(2);
    } finally {
      await store.close();
    }
  });
});
