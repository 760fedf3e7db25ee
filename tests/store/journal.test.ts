// The history journal of the file store: a change appends its new entries and rewrites only the small head; a line
// left by a write that crashed before its head is ignored and cut; stores written before the journal still open.
import { sealLegacy } from '../../bot/record/chain.ts';
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Delivery, TimelineEntry } from '../../bot/model/incident-schema.ts';
import { openFileStore } from '../../data/file-store.ts';
import { makeIncident, usHospitalFacts } from '../helpers/incidents.ts';

const now = new Date('2025-03-01T12:00:00Z');
const actor = { id: 'U1', name: 'Sam', platform: 'slack' as const };
const note = (n: number): TimelineEntry => ({ at: '2025-03-01T12:00:00Z', actor, action: 'note', text: `note ${n}` });
const delivery = (n: number): Delivery => ({ key: `k${n}`, obligation: 'US-HIPAA-164.404-INDIVIDUALS', step: 'before:P14D', dueAt: '2025-04-21T23:59:59.999-05:00', channel: `slack:C${n}`, outcome: 'delivered', at: '2025-04-07T14:00:00Z', late: false });

function paths() {
  const path = join(mkdtempSync(join(tmpdir(), 'breachdesk-journal-')), 'store.json');
  const dir = join(path, '..', 'store.incidents');
  return { path, head: join(dir, 'BR-1.json'), journal: join(dir, 'BR-1.journal') };
}

describe('file store history journal', () => {
  it('appends only the new entries; the head stays small whatever the history; everything survives a reopen', async () => {
    const p = paths();
    const store = await openFileStore(p.path, now);
    // Sealed into its hash chain as breachdesk stores it (the chain record is a fixed-size part of the head).
    await store.create((id) => sealLegacy({ ...makeIncident(id, usHospitalFacts()), timeline: Array.from({ length: 2000 }, (_, n) => note(n)), deliveries: Array.from({ length: 3000 }, (_, n) => delivery(n)) }, now));
    const journalBefore = readFileSync(p.journal, 'utf8');
    const headSize = statSync(p.head).size;
    await store.appendTimeline('BR-1', note(2000));
    await store.update('BR-1', (c) => ({ ...c, deliveries: [...c.deliveries, delivery(3000)] }));
    const journalAfter = readFileSync(p.journal, 'utf8');
    // The earlier bytes are untouched: the journal only grew, by one line per entry.
    expect(journalAfter.startsWith(journalBefore)).toBe(true);
    expect(journalAfter.slice(journalBefore.length).trim().split('\n')).toHaveLength(2);
    expect(statSync(p.head).size).toBeLessThan(headSize + 100);
    expect(headSize).toBeLessThan(4000);
    await store.close();

    const reopened = await openFileStore(p.path, now);
    const incident = (await reopened.get('BR-1'))!;
    expect(incident.timeline).toHaveLength(2001);
    expect(incident.timeline.at(-1)!.text).toBe('note 2000');
    expect(incident.deliveries.map((d) => d.key).slice(-2)).toEqual(['k2999', 'k3000']);
    await reopened.close();
  });

  it('ignores a journal line written by a change that crashed before its head, and cuts it before the next append', async () => {
    const p = paths();
    const store = await openFileStore(p.path, now);
    await store.create((id) => makeIncident(id, usHospitalFacts()));
    await store.appendTimeline('BR-1', note(1));
    await store.close();
    // The crashed write: its line reached the journal, its head never did (the pack is gone too, as after a crash).
    appendFileSync(p.journal, `${JSON.stringify({ timeline: note(99) })}\n`);
    writeFileSync(join(p.path, '..', 'store.incidents.pack'), 'garbage');
    const reopened = await openFileStore(p.path, now);
    const opening = makeIncident('BR-1', usHospitalFacts()).timeline.map((e) => e.text);
    expect((await reopened.get('BR-1'))!.timeline.map((e) => e.text)).toEqual([...opening, 'note 1']);
    await reopened.appendTimeline('BR-1', note(2));
    await reopened.close();
    expect(readFileSync(p.journal, 'utf8')).not.toContain('note 99');
    const again = await openFileStore(p.path, now);
    expect((await again.get('BR-1'))!.timeline.at(-1)!.text).toBe('note 2');
    await again.close();
  });

  it('opens an incident file written before the journal existed (whole incident in one file) and moves its history out on the next change', async () => {
    const p = paths();
    const store = await openFileStore(p.path, now);
    await store.create((id) => makeIncident(id, usHospitalFacts()));
    await store.close();
    const whole = { ...makeIncident('BR-1', usHospitalFacts()), timeline: [note(1), note(2)] };
    writeFileSync(p.head, JSON.stringify(whole));
    writeFileSync(join(p.path, '..', 'store.incidents.pack'), 'garbage');
    const reopened = await openFileStore(p.path, now);
    expect((await reopened.get('BR-1'))!.timeline.map((e) => e.text)).toEqual(['note 1', 'note 2']);
    await reopened.appendTimeline('BR-1', note(3));
    await reopened.close();
    expect(JSON.parse(readFileSync(p.head, 'utf8')).timeline).toBeUndefined();
    expect(readFileSync(p.journal, 'utf8').trim().split('\n')).toHaveLength(3);
  });
});
