// Store robustness: pack lines checked against the schema, one damaged incident quarantined (the rest keeps working),
// temp files of a crash cleaned, and a lock whose heartbeat says whether its holder lives.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IncidentDamagedError } from '../../bot/errors.ts';
import { openFileStore } from '../../data/file-store.ts';
import { StoreLockedError } from '../../data/store-errors.ts';
import { makeIncident, usHospitalFacts } from '../helpers/incidents.ts';

const now = new Date('2025-03-01T12:00:00Z');
const tempStore = () => join(mkdtempSync(join(tmpdir(), 'breachdesk-robust-')), 'store.json');
const incidentsDir = (path: string) => join(path, '..', 'store.incidents');
const packOf = (path: string) => join(path, '..', 'store.incidents.pack');

async function storeWith(titles: string[]): Promise<string> {
  const path = tempStore();
  const store = await openFileStore(path, now);
  for (const title of titles) await store.create((id) => makeIncident(id, usHospitalFacts({ title })));
  await store.close(); // writes the pack
  return path;
}

/** Replace one packed line's JSON, keeping its stamp (so the pack would be trusted without a check). */
function rewritePackLine(path: string, id: string, json: string): void {
  const lines = readFileSync(packOf(path), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${id}\t`));
  const [, stamp] = lines[i]!.split('\t');
  lines[i] = `${id}\t${stamp}\t${json}`;
  writeFileSync(packOf(path), lines.join('\n'));
}

describe('start-up pack lines are checked against the schema', () => {
  it('a valid-JSON line that is not a valid incident is not served: the file is read instead', async () => {
    const path = await storeWith(['one', 'two']);
    rewritePackLine(path, 'BR-2', '{"id":"BR-2","title":12,"organization":null}');
    const store = await openFileStore(path, now);
    expect((await store.get('BR-2'))!.title).toBe('two');
    await store.update('BR-2', (c) => ({ ...c, status: 'notifying' }));
    expect((await store.get('BR-2'))!.status).toBe('notifying');
    expect(await store.damaged()).toEqual([]);
    await store.close();
  });

  it('a bad line whose file is bad too quarantines that incident, named with its file', async () => {
    const path = await storeWith(['one', 'two']);
    const file = join(incidentsDir(path), 'BR-2.json');
    const { mtime, size } = statSync(file);
    // Same size and time as before, so the pack's stamp still matches, but not an incident any more.
    writeFileSync(file, JSON.stringify({ id: 'BR-2', title: 12 }).padEnd(size, ' '));
    utimesSync(file, mtime, mtime);
    rewritePackLine(path, 'BR-2', '{"id":"BR-2","title":12}');
    const store = await openFileStore(path, now);
    await expect(store.get('BR-2')).rejects.toBeInstanceOf(IncidentDamagedError);
    expect((await store.damaged()).map((d) => d.id)).toEqual(['BR-2']);
    expect((await store.damaged())[0]!.problem).toContain(file);
    expect((await store.list()).map((i) => i.id)).toEqual(['BR-1']);
    await store.close();
  });
});

/** Give an incident some history in its journal (a created incident's may be empty). */
async function noted(path: string, id: string): Promise<void> {
  const store = await openFileStore(path, now);
  await store.update(id, (c) => ({ ...c, timeline: [...c.timeline, { at: '2025-03-01T12:00:00Z', actor: { id: 'U1', name: 'Ann', platform: 'slack' }, action: 'note', text: 'a note' }] }));
  await store.close();
}

describe('a head file lost while its history is not', () => {
  it('an empty journal beside no head (a create that failed before its head) holds no history: not named', async () => {
    const path = await storeWith(['one']);
    writeFileSync(join(incidentsDir(path), 'BR-2.journal'), '');
    const store = await openFileStore(path, now);
    expect(await store.damaged()).toEqual([]);
    await store.close();
  });

  it('is damaged, named by its journal; the journal is never overwritten and its id never given to a new incident', async () => {
    const path = await storeWith(['one', 'two']);
    await noted(path, 'BR-2');
    const head = join(incidentsDir(path), 'BR-2.json');
    const journal = join(incidentsDir(path), 'BR-2.journal');
    const history = readFileSync(journal);
    rmSync(head);
    const store = await openFileStore(path, now);
    expect(await store.damaged()).toEqual([{ id: 'BR-2', problem: expect.stringMatching(/BR-2\.journal has no head file beside it \(BR-2\.json is missing\)/) }]);
    await expect(store.get('BR-2')).rejects.toBeInstanceOf(IncidentDamagedError);
    expect((await store.create((id) => makeIncident(id, usHospitalFacts({ title: 'three' })))).id).toBe('BR-3');
    await store.close();
    expect(readFileSync(journal).equals(history)).toBe(true);
    expect(existsSync(head)).toBe(false);
  });

  it('a journal cut short is named by its own path, not its head file\'s', async () => {
    const path = await storeWith(['one', 'two']);
    await noted(path, 'BR-2');
    const journal = join(incidentsDir(path), 'BR-2.journal');
    expect(readFileSync(journal).length).toBeGreaterThan(40);
    writeFileSync(journal, readFileSync(journal).subarray(0, 40));
    rmSync(packOf(path)); // read from its files, as after a lost pack
    const store = await openFileStore(path, now);
    expect((await store.damaged())[0]).toMatchObject({ id: 'BR-2', problem: expect.stringMatching(new RegExp(`^${journal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is shorter \\(40 bytes\\)`)) });
    await store.close();
  });

  it('a head file that is JSON but not an incident is named in plain words, not the schema library\'s', async () => {
    const path = await storeWith(['one', 'two']);
    const head = join(incidentsDir(path), 'BR-2.json');
    writeFileSync(head, JSON.stringify({ id: 'BR-2', createdAt: 12 }));
    rmSync(packOf(path));
    const store = await openFileStore(path, now);
    const [problem] = (await store.damaged()).map((d) => d.problem);
    expect(problem).toMatch(/BR-2\.json is not a valid incident \((title is missing|createdAt is a number where a string belongs)\)/);
    expect(problem).not.toMatch(/Invalid input/);
    await store.close();
  });

  it('with its journal gone too, the start-up pack still names it', async () => {
    const path = await storeWith(['one', 'two']);
    rmSync(join(incidentsDir(path), 'BR-2.json'));
    rmSync(join(incidentsDir(path), 'BR-2.journal'));
    const store = await openFileStore(path, now);
    expect((await store.damaged())[0]).toMatchObject({ id: 'BR-2', problem: expect.stringMatching(/its history journal are missing, though the start-up pack holds this incident/) });
    expect((await store.create((id) => makeIncident(id, usHospitalFacts({ title: 'three' })))).id).toBe('BR-3');
    await store.close();
  });
});

describe('one damaged incident file', () => {
  it('is quarantined: named, left out of ids and list, refused by get and update, never rewritten; the rest works', async () => {
    const path = await storeWith(['one', 'two', 'three']);
    const file = join(incidentsDir(path), 'BR-2.json');
    writeFileSync(file, '{"id": "BR-2", "title": "two", ');
    const store = await openFileStore(path, now);
    const damaged = await store.damaged();
    expect(damaged).toHaveLength(1);
    expect(damaged[0]).toMatchObject({ id: 'BR-2' });
    expect(damaged[0]!.problem).toContain(file);
    expect(damaged[0]!.problem).toMatch(/not valid JSON/);
    expect(await store.ids()).toEqual(['BR-1', 'BR-3']);
    expect((await store.list()).map((i) => i.id)).toEqual(['BR-1', 'BR-3']);
    const refusal = await store.get('BR-2').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(IncidentDamagedError);
    expect((refusal as Error).message).toMatch(/^BR-2 cannot be used: its stored record is damaged .*left untouched/);
    await expect(store.update('BR-2', (c) => c)).rejects.toBeInstanceOf(IncidentDamagedError);
    // Others still change, and a new incident never takes the quarantined id.
    await store.update('BR-3', (c) => ({ ...c, status: 'closed' }));
    expect((await store.create((id) => makeIncident(id, usHospitalFacts({ title: 'four' })))).id).toBe('BR-4');
    await store.close();
    expect(readFileSync(file, 'utf8')).toBe('{"id": "BR-2", "title": "two", ');
  });
});

describe('temp files left by a crash', () => {
  it('are removed at start-up; files that are not ours are left alone', async () => {
    const path = await storeWith(['one']);
    const dir = incidentsDir(path);
    const folder = join(path, '..');
    const ours = [join(dir, '.BR-1.json.4242.7.tmp'), join(folder, '.store.json.4242.1.tmp'), join(folder, 'store.incidents.pack.4242.tmp')];
    const foreign = join(folder, '.notes.txt.1.2.tmp');
    for (const f of [...ours, foreign]) writeFileSync(f, '{"half": ');
    await (await openFileStore(path, now)).close();
    for (const f of ours) expect(existsSync(f)).toBe(false);
    expect(existsSync(foreign)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['BR-1.journal', 'BR-1.json']);
  });
});

describe('store lock heartbeat', () => {
  const lockOf = (path: string) => `${path}.lock`;
  const readLock = (path: string) => JSON.parse(readFileSync(lockOf(path), 'utf8')) as { pid: number; host: string; heartbeatAt: string };

  it('records host, pid and a heartbeat that the holder refreshes', async () => {
    const path = tempStore();
    const store = await openFileStore(path, now, { lockTiming: { heartbeatMs: 20, staleMs: 60_000 } });
    const first = readLock(path);
    expect(first).toMatchObject({ pid: process.pid, host: hostname() });
    const deadline = Date.now() + 5000;
    while (readLock(path).heartbeatAt === first.heartbeatAt && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(Date.parse(readLock(path).heartbeatAt)).toBeGreaterThan(Date.parse(first.heartbeatAt));
    await store.close();
    expect(existsSync(lockOf(path))).toBe(false);
  });

  it('refuses a holder on another host whose heartbeat is fresh', async () => {
    const path = tempStore();
    writeFileSync(lockOf(path), JSON.stringify({ pid: 1, host: 'other-host', since: now.toISOString(), heartbeatAt: new Date().toISOString() }));
    const error = await openFileStore(path, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLockedError);
    expect((error as Error).message).toContain('other-host');
  });

  it('takes over a lock not refreshed for longer than the stale time, whatever its host', async () => {
    for (const host of ['other-host', hostname()]) {
      const path = tempStore();
      // pid 1 is alive on every Linux machine: only the old heartbeat shows the holder is gone.
      writeFileSync(lockOf(path), JSON.stringify({ pid: 1, host, since: now.toISOString(), heartbeatAt: new Date(Date.now() - 61_000).toISOString() }));
      const store = await openFileStore(path, now);
      expect(readLock(path).pid).toBe(process.pid);
      await store.close();
    }
  });
});
