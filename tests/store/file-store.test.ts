// The lowdb file store's own promises: refuses bad files untouched, one process at a time, durable acks, per-incident files.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openFileStore } from '../../data/file-store.ts';
import { readMarkText } from '../../data/incident-journal.ts';
import { StoreCorruptError, StoreLockedError } from '../../data/store-errors.ts';
import { makeIncident, usHospitalFacts } from '../helpers/incidents.ts';

const now = new Date('2025-03-01T12:00:00Z');
const WRITER = join(import.meta.dirname, 'fixtures', 'store-writer.ts');
const tempStore = () => join(mkdtempSync(join(tmpdir(), 'breachdesk-fs-')), 'store.json');

function startWriter(path: string, mode: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  return { child, lines };
}

describe('file store: bad files are refused and left byte-for-byte', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['garbage', '{"format": "breachdesk-store", "schemaVer', /is not valid JSON/],
    ['a foreign JSON file', '{"users": [{"name": "alice"}]}', /is not a breachdesk store/],
    ['null', 'null', /does not contain a breachdesk store/],
    ['a newer schema', '{"format":"breachdesk-store","schemaVersion":99,"createdAt":"x","incidentsDir":"store.incidents"}', /newer breachdesk/],
  ];
  it.each(cases)('%s', async (_label, content, message) => {
    const path = tempStore();
    writeFileSync(path, content);
    const error = await openFileStore(path, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(message);
    expect(readFileSync(path, 'utf8')).toBe(content);
    // The failed open released its lock: a fixed file opens.
    writeFileSync(path, JSON.stringify({ format: 'breachdesk-store', schemaVersion: 1, createdAt: now.toISOString(), incidentsDir: 'store.incidents' }));
    await (await openFileStore(path, now)).close();
  });

  it('quarantines a corrupt incident file instead of refusing the store, and leaves it alone', async () => {
    const path = tempStore();
    const store = await openFileStore(path, now);
    await store.create((id) => makeIncident(id, usHospitalFacts()));
    await store.close();
    const incidentFile = join(path, '..', 'store.incidents', 'BR-1.json');
    writeFileSync(incidentFile, '{"id": "BR-1", "title": 12}');
    const reopened = await openFileStore(path, now);
    expect((await reopened.damaged())[0]?.problem).toContain(incidentFile);
    await reopened.close();
    expect(readFileSync(incidentFile, 'utf8')).toBe('{"id": "BR-1", "title": 12}');
  });

  it('refuses to start empty over an incident folder whose manifest is missing', async () => {
    const path = tempStore();
    mkdirSync(join(path, '..', 'store.incidents'));
    await expect(openFileStore(path, now)).rejects.toThrow(/manifest/);
  });
});

describe('file store: one process per store', () => {
  it('a second open in the same process fails at once', async () => {
    const path = tempStore();
    const store = await openFileStore(path, now);
    await expect(openFileStore(path, now)).rejects.toBeInstanceOf(StoreLockedError);
    await store.close();
    await (await openFileStore(path, now)).close();
  });

  it('a second process gets a clear message while the first holds the store', async () => {
    const path = tempStore();
    const holder = startWriter(path, 'hold');
    const [first] = await holder.lines[Symbol.asyncIterator]().next().then((r) => [r.value as string]);
    expect(first).toBe('opened');
    const other = startWriter(path, 'once');
    const line = (await other.lines[Symbol.asyncIterator]().next()).value as string;
    expect(line).toMatch(new RegExp(`error: .*${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by process ${holder.child.pid}`));
    holder.child.kill('SIGKILL');
    await new Promise((r) => holder.child.once('exit', r));
    // The dead holder's lock is stale and gets taken over.
    await (await openFileStore(path, now)).close();
  });
});

describe('file store: durability', () => {
  it('every acknowledged write survives SIGKILL of the writer mid-burst', async () => {
    const path = tempStore();
    const { child, lines } = startWriter(path, 'burst');
    const acked = new Set<number>();
    for await (const line of lines) {
      const m = /^ack (\d+)$/.exec(line);
      if (m) acked.add(Number(m[1]));
      if (acked.size >= 150) break;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const store = await openFileStore(path, now);
    const written = new Set((await store.get('BR-1'))!.timeline.map((e) => Number(e.text.replace('write ', ''))));
    await store.close();
    const lost = [...acked].filter((n) => !written.has(n));
    expect(lost).toEqual([]);
    expect(written.size).toBeGreaterThanOrEqual(acked.size);
  });

  it('writing one incident does not rewrite the others', async () => {
    const path = tempStore();
    const store = await openFileStore(path, now);
    await store.create((id) => makeIncident(id, usHospitalFacts({ title: 'one' })));
    await store.create((id) => makeIncident(id, usHospitalFacts({ title: 'two' })));
    const first = join(path, '..', 'store.incidents', 'BR-1.json');
    const before = statSync(first);
    await store.update('BR-2', (c) => ({ ...c, status: 'notifying' }));
    const after = statSync(first);
    await store.close();
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(JSON.parse(readFileSync(join(path, '..', 'store.incidents', 'BR-2.json'), 'utf8')).status).toBe('notifying');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ format: 'breachdesk-store', schemaVersion: 1 });
  });

  it('keeps incidents and the id sequence across a reopen', async () => {
    const path = tempStore();
    let store = await openFileStore(path, now);
    await store.create((id) => makeIncident(id, usHospitalFacts()));
    await store.update('BR-1', (c) => ({ ...c, status: 'notifying' }));
    await store.close();
    store = await openFileStore(path, now);
    expect((await store.get('BR-1'))?.status).toBe('notifying');
    expect((await store.create((id) => makeIncident(id, usHospitalFacts()))).id).toBe('BR-2');
    await store.close();
  });
});

describe('file store: start-up pack', () => {
  async function storeWithTwo() {
    const path = tempStore();
    const store = await openFileStore(path, now);
    await store.create((id) => makeIncident(id, usHospitalFacts({ title: 'one' })));
    await store.create((id) => makeIncident(id, usHospitalFacts({ title: 'two' })));
    await store.close();
    return { path, pack: join(path, '..', 'store.incidents.pack'), file: join(path, '..', 'store.incidents', 'BR-2.json') };
  }

  it('is written on close and holds every incident', async () => {
    const { pack } = await storeWithTwo();
    const lines = readFileSync(pack, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'breachdesk-pack', version: 4, count: 2 });
    expect(lines.slice(1).map((l) => l.split('\t')[0])).toEqual(['BR-1', 'BR-2']);
    // Each stamp carries the journal mark the head records (bytes and entries), so a first write need not read the head.
    for (const [n, line] of lines.slice(1).entries()) {
      const head = JSON.parse(readFileSync(join(pack, '..', 'store.incidents', `BR-${n + 1}.json`), 'utf8')) as { journal: unknown };
      expect(readMarkText(line.split('\t')[1]!.split('#')[1]!)).toEqual(head.journal);
    }
    expect(lines.slice(1).map((l) => JSON.parse(l.split('\t')[2]!).title)).toEqual(['one', 'two']);
  });

  it('never hides a file changed after it was written', async () => {
    const { path, file } = await storeWithTwo();
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), title: 'changed on disk' }));
    const store = await openFileStore(path, now);
    expect((await store.get('BR-2'))!.title).toBe('changed on disk');
    await store.close();
  });

  it('serves a packed copy only while its file keeps the stamp (mtime and size) it had', async () => {
    const { path, pack, file } = await storeWithTwo();
    // Prove the pack is really read: give both incidents a different title in the pack only.
    const lines = readFileSync(pack, 'utf8').split('\n');
    for (const i of [1, 2]) {
      const [id, stamp, json] = lines[i]!.split('\t');
      lines[i] = [id, stamp, JSON.stringify({ ...JSON.parse(json!), title: `packed ${i}` })].join('\t');
    }
    writeFileSync(pack, lines.join('\n'));
    // Touch BR-2's file: same bytes, another mtime, so its packed copy no longer counts.
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    const store = await openFileStore(path, now);
    expect((await store.get('BR-1'))!.title).toBe('packed 1');
    expect((await store.get('BR-2'))!.title).toBe('two');
    await store.close();
  });

  it('reads the file when a packed line is damaged inside its JSON', async () => {
    const { path, pack } = await storeWithTwo();
    const lines = readFileSync(pack, 'utf8').split('\n');
    lines[2] = lines[2]!.slice(0, -20); // same stamp, JSON cut short
    writeFileSync(pack, lines.join('\n'));
    const store = await openFileStore(path, now);
    expect((await store.get('BR-2'))!.title).toBe('two');
    expect((await store.list()).map((i) => i.title)).toEqual(['one', 'two']);
    await store.close();
  });

  it('keeps packed texts on disk: read at use, so a line damaged after opening is still refused for the file', async () => {
    const { path, pack } = await storeWithTwo();
    const store = await openFileStore(path, now);
    // Damaged in place (same file, same length) after the store opened and before its first read: the text is read now.
    const text = readFileSync(pack, 'utf8');
    const at = text.lastIndexOf('"title":"two"');
    writeFileSync(pack, `${text.slice(0, at)}"title"!"two"${text.slice(at + '"title":"two"'.length)}`);
    expect((await store.get('BR-2'))!.title).toBe('two');
    expect((await store.get('BR-1'))!.title).toBe('one');
    await store.close();
  });

  // More incidents than the store keeps parsed (256), so reading them all drops the first one's parsed copy.
  async function storeWith260() {
    const path = tempStore();
    const store = await openFileStore(path, now);
    for (let n = 1; n <= 260; n++) await store.create((id) => makeIncident(id, usHospitalFacts({ title: `n${n}` })));
    await store.close();
    return { path, pack: join(path, '..', 'store.incidents.pack') };
  }

  it('checks a packed text again when it changed on disk since it was first checked', async () => {
    const { path, pack } = await storeWith260();
    const reopened = await openFileStore(path, now);
    expect((await reopened.get('BR-1'))!.title).toBe('n1');
    for (let n = 2; n <= 260; n++) await reopened.get(`BR-${n}`);
    // BR-1's packed text, checked once, now damaged: read again from the pack, found changed, checked, refused.
    const text = readFileSync(pack, 'utf8');
    const at = text.indexOf('"title":"n1"');
    writeFileSync(pack, `${text.slice(0, at)}"title"!"n1"${text.slice(at + '"title":"n1"'.length)}`);
    expect((await reopened.get('BR-1'))!.title).toBe('n1');
    // A change holds the incident in memory: the pack's text no longer matters for it.
    await reopened.update('BR-2', (i) => ({ ...i, title: 'changed' }));
    writeFileSync(pack, 'x'.repeat(text.length));
    expect((await reopened.get('BR-2'))!.title).toBe('changed');
    await reopened.close();
    const again = await openFileStore(path, now);
    expect((await again.list()).map((i) => i.title).slice(0, 3)).toEqual(['n1', 'changed', 'n3']);
    await again.close();
  });

  it('gives the same incident at every read of a packed line in an older form (a field the schema fills in)', async () => {
    const { path, pack } = await storeWith260();
    // An older build's line: BR-1 without organization.nis2Entity, which the schema fills in as null (not answered).
    const lines = readFileSync(pack, 'utf8').split('\n');
    const [id, stamp, json] = lines[1]!.split('\t');
    const older = JSON.parse(json!) as { organization: Record<string, unknown> };
    expect(older.organization.nis2Entity).toBe(null);
    delete older.organization.nis2Entity;
    lines[1] = [id, stamp, JSON.stringify(older)].join('\t');
    writeFileSync(pack, lines.join('\n'));
    const store = await openFileStore(path, now);
    expect((await store.get('BR-1'))!.organization.nis2Entity).toBe(null);
    for (let n = 2; n <= 260; n++) await store.get(`BR-${n}`);
    // Read again once its parsed copy was dropped: still as the schema gave it, not the raw line.
    expect((await store.get('BR-1'))!.organization.nis2Entity).toBe(null);
    await store.close();
  });

  it('gives ids in number order after a restart (BR-2 before BR-10)', async () => {
    const path = tempStore();
    const store = await openFileStore(path, now);
    for (let n = 1; n <= 10; n++) await store.create((id) => makeIncident(id, usHospitalFacts({ title: `n${n}` })));
    await store.close();
    const reopened = await openFileStore(path, now);
    expect(await reopened.ids()).toEqual(Array.from({ length: 10 }, (_, i) => `BR-${i + 1}`));
    expect((await reopened.create((id) => makeIncident(id, usHospitalFacts({ title: 'next' })))).id).toBe('BR-11');
    await reopened.close();
  });

  it('records loaded from the pack behave like any other: listed, frozen, updated', async () => {
    const { path } = await storeWithTwo();
    const store = await openFileStore(path, now);
    const listed = await store.list({ openOnly: true });
    expect(listed.map((i) => i.title)).toEqual(['one', 'two']);
    expect(Object.isFrozen(listed[0]!.timeline)).toBe(true);
    await store.update('BR-1', (c) => ({ ...c, status: 'notifying' }));
    expect((await store.list({ status: ['notifying'] })).map((i) => i.id)).toEqual(['BR-1']);
    await store.close();
  });

  it('falls back to the files when the pack is missing, truncated or garbage', async () => {
    for (const damage of ['', '{"format":"breachdesk-pack","version":2,"count":5}\n', 'garbage', '{"format":"breachdesk-pack","version":2,"count":1}\nBR-1 no tabs here\n']) {
      const { path, pack } = await storeWithTwo();
      writeFileSync(pack, damage);
      const store = await openFileStore(path, now);
      expect((await store.list()).map((i) => i.title)).toEqual(['one', 'two']);
      await store.close();
    }
  });
});

