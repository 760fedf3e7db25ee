// A logged read costs one appended journal line: the file store writes access-log entries past the head's mark without
// rewriting the head, and reads them back (with their chain links) after a restart, a crash or a stale start-up pack.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
const read = (n: number): AccessEvent => ({ at: `2025-03-01T12:00:0${n}Z`, kind: 'read', command: 'show', actor: { id: `U${n}`, name: `Reader ${n}`, platform: 'slack' } });

function paths() {
  const path = join(mkdtempSync(join(tmpdir(), 'breachdesk-tail-')), 'store.json');
  const dir = join(path, '..', 'store.incidents');
  return { path, head: join(dir, 'BR-1.json'), journal: join(dir, 'BR-1.journal'), pack: join(path, '..', 'store.incidents.pack') };
}

/** As a crash leaves the store: the process holding it is gone (its lock is removed), nothing was flushed or closed. */
function abandon(p: ReturnType<typeof paths>): void {
  rmSync(`${p.path}.lock`, { force: true });
}

/** Log a read as the command core does: through the domain change path, chained. */
const logRead = (store: IncidentStore, n: number) => applyChange({ store, actor: SYSTEM_ACTOR, now }, 'BR-1', decideAccess(read(n)));

/** A store with BR-1 whose access log already has one (chained) entry, so its head records the access-log chain. */
async function storeWithOneRead(p: ReturnType<typeof paths>): Promise<IncidentStore> {
  const store = await openFileStore(p.path, now);
  await store.create((id) => makeIncident(id, usHospitalFacts()));
  await logRead(store, 0);
  return store;
}

const commands = (store: IncidentStore) => store.get('BR-1').then((i) => i!.accessLog.map((e) => e.actor.name));

describe('access log reads past the head', () => {
  it('appends one journal line per read and leaves the head file as it was', async () => {
    const p = paths();
    const store = await storeWithOneRead(p);
    const head = readFileSync(p.head, 'utf8');
    const headTime = statSync(p.head).mtimeMs;
    const journal = readFileSync(p.journal, 'utf8');
    await logRead(store, 1);
    await logRead(store, 2);
    expect(readFileSync(p.head, 'utf8')).toBe(head);
    expect(statSync(p.head).mtimeMs).toBe(headTime);
    const added = readFileSync(p.journal, 'utf8').slice(journal.length).trim().split('\n').map((l) => JSON.parse(l));
    expect(added.map((l) => l.accessLog.actor.name)).toEqual(['Reader 1', 'Reader 2']);
    expect(await commands(store)).toEqual(['Reader 0', 'Reader 1', 'Reader 2']);
    await store.close();
  });

  it('reads them back after a crash (no pack, no head rewrite), chain intact, and keeps them through the next change', async () => {
    const p = paths();
    const store = await storeWithOneRead(p);
    await logRead(store, 1);
    await logRead(store, 2);
    // A crash: the store is abandoned, never closed (no pack written after the reads, its lock left behind).
    abandon(p);
    rmSync(p.pack, { force: true });
    const reopened = await openFileStore(p.path, now);
    expect(await commands(reopened)).toEqual(['Reader 0', 'Reader 1', 'Reader 2']);
    expect(verifyChain((await reopened.get('BR-1'))!).state).toBe('intact');
    // A change now writes the head with the whole mark: the reads stay, in order, and a further read follows them.
    await reopened.appendTimeline('BR-1', { at: '2025-03-01T12:01:00Z', actor: SYSTEM_ACTOR, action: 'note', text: 'after the crash' });
    await logRead(reopened, 3);
    await reopened.close();
    const again = await openFileStore(p.path, now);
    expect(await commands(again)).toEqual(['Reader 0', 'Reader 1', 'Reader 2', 'Reader 3']);
    expect(verifyChain((await again.get('BR-1'))!).state).toBe('intact');
    await again.close();
  });

  it('does not trust a start-up pack written before the reads: the incident is read from its files', async () => {
    const p = paths();
    const first = await storeWithOneRead(p);
    await first.close(); // the pack now holds BR-1 with one read
    const second = await openFileStore(p.path, now);
    await logRead(second, 1);
    // A crash: the pack on disk is the one from before the read, and the head file is unchanged since then.
    abandon(p);
    const reopened = await openFileStore(p.path, now);
    expect(await commands(reopened)).toEqual(['Reader 0', 'Reader 1']);
    await reopened.close();
  });

  it('ignores a torn last line and a line of another list past the mark, and cuts them before the next read is logged', async () => {
    const p = paths();
    const store = await storeWithOneRead(p);
    await logRead(store, 1);
    await store.close();
    rmSync(p.pack, { force: true });
    // A crashed change's timeline line (its head never landed), then half of a read's line.
    appendFileSync(p.journal, `${JSON.stringify({ timeline: { at: '2025-03-01T12:05:00Z', actor: SYSTEM_ACTOR, action: 'note', text: 'never acknowledged' } })}\n{"accessLog":{"at":"2025-03-01T12`);
    const reopened = await openFileStore(p.path, now);
    const incident = (await reopened.get('BR-1'))!;
    expect(incident.accessLog.map((e) => e.actor.name)).toEqual(['Reader 0', 'Reader 1']);
    expect(incident.timeline.map((e) => e.text)).not.toContain('never acknowledged');
    await logRead(reopened, 2);
    await reopened.close();
    expect(readFileSync(p.journal, 'utf8')).not.toContain('never acknowledged');
    rmSync(p.pack, { force: true });
    const again = await openFileStore(p.path, now);
    expect(await commands(again)).toEqual(['Reader 0', 'Reader 1', 'Reader 2']);
    expect(verifyChain((await again.get('BR-1'))!).state).toBe('intact');
    await again.close();
  });

  it('a change that also moves a fact is written whole (head rewritten), reads before it kept', async () => {
    const p = paths();
    const store = await storeWithOneRead(p);
    await logRead(store, 1);
    const head = readFileSync(p.head, 'utf8');
    await store.update('BR-1', (c) => ({ ...c, title: 'Renamed' }));
    expect(readFileSync(p.head, 'utf8')).not.toBe(head);
    await store.close();
    rmSync(p.pack, { force: true });
    const reopened = await openFileStore(p.path, now);
    const incident = (await reopened.get('BR-1'))!;
    expect(incident.title).toBe('Renamed');
    expect(incident.accessLog.map((e) => e.actor.name)).toEqual(['Reader 0', 'Reader 1']);
    await reopened.close();
  });

  it('a read logged in the same change as a moved fact is written whole: the fact is not lost', async () => {
    const p = paths();
    const store = await storeWithOneRead(p);
    const head = readFileSync(p.head, 'utf8');
    await applyChange({ store, actor: SYSTEM_ACTOR, now }, 'BR-1', (c) => ({ next: { ...c, title: 'Renamed with a read' }, events: [], access: [read(1)] }));
    expect(readFileSync(p.head, 'utf8')).not.toBe(head);
    abandon(p);
    rmSync(p.pack, { force: true });
    const reopened = await openFileStore(p.path, now);
    const incident = (await reopened.get('BR-1'))!;
    expect(incident.title).toBe('Renamed with a read');
    expect(incident.accessLog.map((e) => e.actor.name)).toEqual(['Reader 0', 'Reader 1']);
    expect(verifyChain(incident).state).toBe('intact');
    await reopened.close();
  });

  it('refuses a mutation that edits the current record in place (it could pass for a logged read): nothing is written', async () => {
    const p = paths();
    const store = await storeWithOneRead(p);
    const head = readFileSync(p.head, 'utf8');
    const edit = store.update('BR-1', (c) => {
      (c.organization as { name: string }).name = 'Edited in place';
      return c;
    });
    await expect(edit).rejects.toThrow(TypeError);
    expect((await store.get('BR-1'))!.organization.name).not.toBe('Edited in place');
    expect(readFileSync(p.head, 'utf8')).toBe(head);
    await store.close();
  });

  it('uses the journal mark packed with an incident only while it agrees with the journal: a wrong one cuts nothing', async () => {
    const p = paths();
    const first = await storeWithOneRead(p);
    await logRead(first, 1);
    await first.close();
    const journal = readFileSync(p.journal, 'utf8');
    // The pack line's stamp field carries the mark after `#`: claim far fewer acknowledged bytes than the journal has.
    const lines = readFileSync(p.pack, 'utf8').split('\n');
    const i = lines.findIndex((l) => l.startsWith('BR-1\t'));
    const [id, stamp, json] = lines[i]!.split('\t');
    expect(stamp).toMatch(/#\d+,\d+,\d+,\d+$/);
    lines[i] = [id, stamp!.replace(/#\d+,/, '#10,'), json].join('\t');
    writeFileSync(p.pack, lines.join('\n'));
    const second = await openFileStore(p.path, now);
    await logRead(second, 2);
    await second.close();
    // The journal only grew: the wrong mark was not used to cut it.
    expect(readFileSync(p.journal, 'utf8').startsWith(journal)).toBe(true);
    rmSync(p.pack, { force: true });
    const again = await openFileStore(p.path, now);
    expect(await commands(again)).toEqual(['Reader 0', 'Reader 1', 'Reader 2']);
    expect(verifyChain((await again.get('BR-1'))!).state).toBe('intact');
    await again.close();
  });
});
