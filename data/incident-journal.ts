// Each incident on disk: its head (`BR-n.json`, rewritten atomically on each change, small) and an append-only
// journal of its history (`BR-n.journal`, one JSON line per timeline entry or delivery). The head records how many
// journal bytes and entries are acknowledged, so a line appended by a write that crashed before its head is ignored
// (and cut off before the next append). A head without a `journal` field is a whole incident (stores written before).
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Delivery, TimelineEntry } from '../bot/model/incident-schema.ts';
import type { IncidentWrite } from './cached-store.ts';
import { DurableJsonFile, syncDirectory } from './durable-json-file.ts';
import { StoreCorruptError } from './store-errors.ts';

/** What a head file says about its journal. */
export interface JournalMark {
  bytes: number;
  timeline: number;
  deliveries: number;
}

type Line = { t: TimelineEntry } | { d: Delivery };

const journalPath = (headPath: string) => headPath.replace(/\.json$/, '.journal');
let sequence = 0;

/** The whole incident (unvalidated) from its head and journal, and the journal mark it was read with. */
export function readHeadAndJournal(headPath: string, raw: unknown): { raw: unknown; mark?: JournalMark } {
  if (raw === null || typeof raw !== 'object' || !('journal' in raw)) return { raw };
  const { journal, ...head } = raw as { journal: JournalMark } & Record<string, unknown>;
  const path = journalPath(headPath);
  const bytes = readPrefix(path, journal.bytes);
  const timeline: TimelineEntry[] = [];
  const deliveries: Delivery[] = [];
  let n = 0;
  for (const text of bytes.toString('utf8').split('\n')) {
    if (!text) continue;
    n++;
    let line: Line;
    try {
      line = JSON.parse(text) as Line;
    } catch {
      throw new StoreCorruptError(path, `has a damaged line (${n}) within its acknowledged part`);
    }
    if ('t' in line) timeline.push(line.t);
    else deliveries.push(line.d);
  }
  if (timeline.length !== journal.timeline || deliveries.length !== journal.deliveries) {
    throw new StoreCorruptError(path, `holds ${timeline.length} timeline entries and ${deliveries.length} deliveries where ${basename(headPath)} records ${journal.timeline} and ${journal.deliveries}`);
  }
  return { raw: { ...head, timeline, deliveries }, mark: journal };
}

function readPrefix(path: string, length: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new StoreCorruptError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); its incident records ${length} bytes of history there`);
  }
  try {
    const buffer = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, buffer, got, length - got, got);
      if (n === 0) throw new StoreCorruptError(path, `is shorter (${got} bytes) than the ${length} its incident records`);
      got += n;
    }
    return buffer;
  } finally {
    closeSync(fd);
  }
}

/** The journal mark in a head file as it is on disk now, or undefined (no file, or a whole-incident file). */
export function markOnDisk(headPath: string): JournalMark | undefined {
  try {
    return (JSON.parse(readFileSync(headPath, 'utf8')) as { journal?: JournalMark }).journal;
  } catch {
    return undefined;
  }
}

/** Persist one change: journal first (appended, or written whole), then the head naming the acknowledged journal. */
export async function writeChange(headPath: string, change: IncidentWrite, mark: JournalMark | undefined): Promise<JournalMark> {
  const { timeline, deliveries, ...head } = change.incident;
  const path = journalPath(headPath);
  let bytes: number;
  if (change.rewrite || mark === undefined) {
    // A new incident, one from an older store, or a replaced delivery log: the whole history, atomically.
    const text = lines(timeline, deliveries);
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${++sequence}.tmp`);
    await writeDurably(temp, 'w', 0, text);
    await rename(temp, path);
    await syncDirectory(dirname(path));
    bytes = Buffer.byteLength(text);
  } else {
    const text = lines(change.appended.timeline, change.appended.deliveries);
    // Anything past the acknowledged mark is from a write that never completed: cut, then append.
    await writeDurably(path, 'r+', mark.bytes, text);
    bytes = mark.bytes + Buffer.byteLength(text);
  }
  const next: JournalMark = { bytes, timeline: timeline.length, deliveries: deliveries.length };
  await new DurableJsonFile<unknown>(headPath).write({ ...head, journal: next });
  return next;
}

function lines(timeline: readonly TimelineEntry[], deliveries: readonly Delivery[]): string {
  let text = '';
  for (const t of timeline) text += `${JSON.stringify({ t })}\n`;
  for (const d of deliveries) text += `${JSON.stringify({ d })}\n`;
  return text;
}

async function writeDurably(path: string, flags: 'w' | 'r+', at: number, text: string): Promise<void> {
  const handle = await open(path, flags, 0o600);
  try {
    await handle.truncate(at);
    if (text) await handle.write(text, at);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
