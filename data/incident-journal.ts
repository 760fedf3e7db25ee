// Each incident on disk: its head (`BR-n.json`, rewritten atomically on each change, small) and an append-only
// journal of its history (`BR-n.journal`, one JSON line per history entry: timeline entry or delivery). The head records how many
// journal bytes and entries are acknowledged, so a line appended by a write that crashed before its head is ignored
// (and cut off before the next append), except access-log lines, which a read appends past the mark without rewriting
// the head (data/journal-tail.ts). A head without a `journal` field is a whole incident (stores written before).
import { readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { IncidentWrite } from './cached-store.ts';
import { DurableJsonFile, syncDirectory } from './durable-json-file.ts';
import { HISTORY_FIELDS, type PerList } from './incident-record.ts';
import { appendTail, markWithTail, readFrom, readTail, TAIL_FIELD } from './journal-tail.ts';
import { StoreCorruptError } from './store-errors.ts';
import type { Chain, Incident } from '../bot/model/incident-schema.ts';
import { chainWith, type ChainedEntry } from '../bot/record/chain.ts';

/** What a head file says about its journal: acknowledged bytes, and entries per history list. */
export interface JournalMark {
  bytes: number;
  entries: PerList<number>;
}

/** A mark as a short text (`bytes,timeline,deliveries,accessLog`) for the start-up pack. */
export function markText(mark: JournalMark): string {
  return [mark.bytes, ...HISTORY_FIELDS.map((f) => mark.entries?.[f] ?? 0)].join(',');
}

/** A mark read back from markText, or undefined when the text is not one. */
export function readMarkText(text: string): JournalMark | undefined {
  const numbers = text.split(',').map(Number);
  if (numbers.length !== HISTORY_FIELDS.length + 1 || !numbers.every((n) => Number.isSafeInteger(n) && n >= 0)) return undefined;
  return { bytes: numbers[0]!, entries: Object.fromEntries(HISTORY_FIELDS.map((f, i) => [f, numbers[i + 1]!])) as PerList<number> };
}

/** The journal file beside a head file. */
export const journalPath = (headPath: string) => headPath.replace(/\.json$/, '.journal');
let sequence = 0;

/** The whole incident (unvalidated) from its head and journal, and the journal mark it was read with. */
export function readHeadAndJournal(headPath: string, raw: unknown): { raw: unknown; mark?: JournalMark } {
  if (raw === null || typeof raw !== 'object' || !('journal' in raw)) return { raw };
  const { journal, ...head } = raw as { journal: JournalMark } & Record<string, unknown>;
  const path = journalPath(headPath);
  const file = readJournal(path, journal.bytes);
  const bytes = file.subarray(0, journal.bytes);
  const lists = Object.fromEntries(HISTORY_FIELDS.map((f) => [f, [] as unknown[]])) as PerList<unknown[]>;
  let n = 0;
  for (const text of bytes.toString('utf8').split('\n')) {
    if (!text) continue;
    n++;
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new StoreCorruptError(path, `has a damaged line (${n}) within its acknowledged part`);
    }
    // One line, one entry: `{"timeline": {…}}` or `{"deliveries": {…}}`.
    const field = HISTORY_FIELDS.find((f) => f in line);
    if (!field) throw new StoreCorruptError(path, `has a line (${n}) of no known history list`);
    lists[field].push(line[field]);
  }
  for (const field of HISTORY_FIELDS) {
    if (lists[field].length !== (journal.entries?.[field] ?? 0)) {
      throw new StoreCorruptError(path, `holds ${lists[field].length} ${field} entries where ${basename(headPath)} records ${journal.entries?.[field] ?? 0}`);
    }
  }
  // Reads logged after the head was last written: complete access-log lines past the mark, and their links in the
  // chain record (the head on disk holds the record as it was before them).
  const tail = readTail(file.subarray(journal.bytes));
  lists[TAIL_FIELD].push(...tail.entries);
  const chain = head.chain as Chain | undefined;
  if (tail.entries.length > 0 && chain?.lists) head.chain = chainWith(String(head.id), chain, TAIL_FIELD, tail.entries as ChainedEntry[]);
  return { raw: { ...head, ...lists }, mark: markWithTail(journal, tail) };
}

/** The whole journal file, which must hold at least the `length` bytes its head acknowledges. */
function readJournal(path: string, length: number): Buffer {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (error) {
    throw new StoreCorruptError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); its incident records ${length} bytes of history there`);
  }
  if (file.length < length) throw new StoreCorruptError(path, `is shorter (${file.length} bytes) than the ${length} its incident records`);
  return file;
}

/**
 * The journal mark as it is on disk now, or undefined (no file, or a whole-incident file): the head's mark moved past
 * the access-log lines appended since, at most `accessHeld` of them in all (what the caller's copy of the incident holds,
 * so the mark never counts a line the caller does not have).
 */
export function markOnDisk(headPath: string, accessHeld: number): JournalMark | undefined {
  let mark: JournalMark | undefined;
  try {
    mark = (JSON.parse(readFileSync(headPath, 'utf8')) as { journal?: JournalMark }).journal;
  } catch {
    return undefined;
  }
  if (!mark) return undefined;
  const tail = readTail(readFrom(journalPath(headPath), mark.bytes), Math.max(0, accessHeld - (mark.entries?.[TAIL_FIELD] ?? 0)));
  return markWithTail(mark, tail);
}

/** Append access-log entries past the mark without rewriting the head (see data/journal-tail.ts). */
export function appendAccess(headPath: string, mark: JournalMark, entries: readonly unknown[]): JournalMark {
  return appendTail(journalPath(headPath), mark, entries);
}

/** Persist one change: journal first (appended, or written whole), then the head naming the acknowledged journal. */
export async function writeChange(headPath: string, change: IncidentWrite, mark: JournalMark | undefined): Promise<JournalMark> {
  const { head, whole } = split(change.incident);
  const path = journalPath(headPath);
  let bytes: number;
  if (change.rewrite || mark === undefined) {
    // A new incident, one from an older store, or a replaced history list: the whole history, atomically.
    const text = lines(whole);
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${++sequence}.tmp`);
    await writeDurably(temp, 'w', 0, text);
    await rename(temp, path);
    await syncDirectory(dirname(path));
    bytes = Buffer.byteLength(text);
  } else {
    const text = lines(change.appended);
    // Anything past the acknowledged mark is from a write that never completed: cut, then append.
    await writeDurably(path, 'r+', mark.bytes, text);
    bytes = mark.bytes + Buffer.byteLength(text);
  }
  const next = markOf(whole, bytes);
  await new DurableJsonFile<unknown>(headPath).write({ ...head, journal: next });
  return next;
}

/** An incident as its two files hold it (head JSON with its journal mark, journal text), for tools that build stores. */
export function filesOf(incident: Incident): { head: string; journal: string } {
  const { head, whole } = split(incident);
  const journal = lines(whole);
  return { head: JSON.stringify({ ...head, journal: markOf(whole, Buffer.byteLength(journal)) }), journal };
}

function split(incident: Incident): { head: Record<string, unknown>; whole: PerList<readonly unknown[]> } {
  const head: Record<string, unknown> = { ...incident };
  for (const field of HISTORY_FIELDS) delete head[field];
  return { head, whole: Object.fromEntries(HISTORY_FIELDS.map((f) => [f, incident[f] as readonly unknown[]])) as PerList<readonly unknown[]> };
}

const markOf = (whole: PerList<readonly unknown[]>, bytes: number): JournalMark => ({
  bytes,
  entries: Object.fromEntries(HISTORY_FIELDS.map((f) => [f, whole[f].length])) as PerList<number>,
});

function lines(lists: PerList<readonly unknown[]>): string {
  let text = '';
  for (const field of HISTORY_FIELDS) for (const entry of lists[field]) text += `${JSON.stringify({ [field]: entry })}\n`;
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
