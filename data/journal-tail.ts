// Access-log entries appended to an incident's journal past the mark its head records: a read is logged with one
// appended line (written before the answer, flushed to disk right after it: data/deferred-flush.ts) and no head rewrite (the head's facts did not change), so logging a read costs one small
// write instead of a full change. Only access-log lines may sit past the mark; anything else there (a timeline or
// delivery line of a change whose head never landed, a torn last line) ends the tail and is cut off by the next write.
import { closeSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { flushSoon, throwIfFlushFailed } from './deferred-flush.ts';
import type { JournalMark } from './incident-journal.ts';

/** The history list whose entries may be appended past the head's mark. */
export const TAIL_FIELD = 'accessLog';

/** Entries found past the mark, and how many bytes they take. */
export interface JournalTail {
  entries: unknown[];
  bytes: number;
}

/**
 * The complete access-log lines at the start of `bytes` (the journal past the head's mark), at most `limit` of them.
 * Stops at the first line that is cut short, not JSON, or of another list.
 */
export function readTail(bytes: Buffer, limit = Number.POSITIVE_INFINITY): JournalTail {
  const entries: unknown[] = [];
  let at = 0;
  while (entries.length < limit) {
    const end = bytes.indexOf(10, at);
    if (end < 0) break;
    let line: unknown;
    try {
      line = JSON.parse(bytes.toString('utf8', at, end));
    } catch {
      break;
    }
    if (line === null || typeof line !== 'object' || Object.keys(line).length !== 1 || !(TAIL_FIELD in line)) break;
    entries.push((line as Record<string, unknown>)[TAIL_FIELD]);
    at = end + 1;
  }
  return { entries, bytes: at };
}

/** `mark` moved past `tail`. */
export function markWithTail(mark: JournalMark, tail: JournalTail): JournalMark {
  if (tail.entries.length === 0) return mark;
  return { bytes: mark.bytes + tail.bytes, entries: { ...mark.entries, [TAIL_FIELD]: (mark.entries?.[TAIL_FIELD] ?? 0) + tail.entries.length } };
}

/** The journal's bytes from `from` to its end (empty when it is missing or shorter). */
export function readFrom(path: string, from: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return Buffer.alloc(0);
  }
  try {
    const size = fstatSync(fd).size;
    if (size <= from) return Buffer.alloc(0);
    const buffer = Buffer.alloc(size - from);
    let got = 0;
    while (got < buffer.length) {
      const n = readSync(fd, buffer, got, buffer.length - got, from + got);
      if (n === 0) break;
      got += n;
    }
    return buffer.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/**
 * Append access-log entries at `mark` (cutting anything past it first) and return the new mark. The line is in the
 * file when this returns (a crash of the process keeps it); its fdatasync runs on the thread pool just after, so the
 * answer never waits on the disk. A change's journal write fdatasyncs the file, these lines included, before its head.
 * Synchronous: one small write, cheaper than the thread-pool round trips of the async calls.
 */
export function appendTail(path: string, mark: JournalMark, entries: readonly unknown[]): JournalMark {
  // A deferred flush that failed (a failing disk) refuses this read: the log is not known to be kept.
  throwIfFlushFailed();
  const text = entries.map((e) => `${JSON.stringify({ [TAIL_FIELD]: e })}\n`).join('');
  const data = Buffer.from(text, 'utf8');
  const fd = openSync(path, 'r+');
  try {
    if (fstatSync(fd).size !== mark.bytes) ftruncateSync(fd, mark.bytes);
    let put = 0;
    while (put < data.length) put += writeSync(fd, data, put, data.length - put, mark.bytes + put);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  flushSoon(path, fd);
  return { bytes: mark.bytes + data.length, entries: { ...mark.entries, [TAIL_FIELD]: (mark.entries?.[TAIL_FIELD] ?? 0) + entries.length } };
}

