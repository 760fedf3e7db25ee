// The start-up pack: every incident on one line, so opening 100,000 incidents is one read, not 100,000.
// It is a cache of the per-incident files (the source of truth): each line carries its file's mtime and size, and a
// file that no longer matches is re-read. Lines are `id<TAB>stamp[#mark]<TAB>json`, so opening needs no JSON parsing:
// only each line's id and stamp are decoded; its JSON stays on disk (the pack is kept open for the store's life) and is
// read, checked and parsed when the store needs the incident. `mark` (its journal's acknowledged bytes and entries, as
// a short text) spares the first write a read of the head file.
import { closeSync, fsyncSync, openSync, readSync, renameSync, statSync, writeSync } from 'node:fs';

/** One incident to pack (its JSON text, one line) and the stamp of the file it was read from. */
export interface PackEntry {
  json: string;
  stamp: string;
  /** The journal mark the store holds for it, as a short text (no tab, newline or `#`), when known. */
  mark?: string;
}

/** One packed incident as read back: its file's stamp, where its JSON text lies in the pack, the journal mark packed with it. */
export interface PackedLine {
  stamp: string;
  /** Byte offset of the JSON text in the pack file, and its length in bytes. */
  at: number;
  bytes: number;
  mark?: string;
}

/** An open pack file: packed JSON texts are read from it at each use instead of being held in memory. */
export interface PackFile {
  /** The text of `bytes` bytes at `at` (throws when the file cannot be read or is shorter). */
  read(at: number, bytes: number): string;
  /** Close the file (the store's close; a pack written meanwhile replaced its name, not this open file). */
  close(): void;
}

/** What a pack holds, by incident id, and the open file its texts are read from. */
export interface Pack {
  lines: Map<string, PackedLine>;
  file: PackFile;
}

const HEADER = 'breachdesk-pack';
// 3: the stamp adds the journal's size (reads are logged in the journal without rewriting the head).
// 4: the stamp field may carry the journal mark after a `#`.
const VERSION = 4;
const TAB = 9;
const HASH = 35;
const BRACE = 123;

/** Read a pack's index and keep it open; undefined when missing or unusable (it is only a cache: the caller falls back to the files). */
export function readPack(path: string): Pack | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    let header: { format?: string; version?: number; count?: number } | undefined;
    const lines = new Map<string, PackedLine>();
    forEachLine(fd, (buffer, start, end, offset) => {
      if (!header) {
        header = JSON.parse(buffer.toString('utf8', start, end)) as { format?: string; version?: number; count?: number };
        if (header.format !== HEADER || header.version !== VERSION) throw new Error('not a pack this build reads');
        return;
      }
      const idEnd = buffer.indexOf(TAB, start);
      const stampEnd = idEnd < 0 ? -1 : buffer.indexOf(TAB, idEnd + 1);
      if (idEnd <= start || stampEnd < 0 || stampEnd + 1 >= end || buffer[stampEnd + 1] !== BRACE) throw new Error('not a pack line');
      const markAt = buffer.indexOf(HASH, idEnd + 1);
      const hasMark = markAt > idEnd && markAt < stampEnd;
      lines.set(buffer.toString('utf8', start, idEnd), {
        stamp: buffer.toString('utf8', idEnd + 1, hasMark ? markAt : stampEnd),
        at: offset + stampEnd + 1 - start,
        bytes: end - stampEnd - 1,
        ...(hasMark ? { mark: buffer.toString('utf8', markAt + 1, stampEnd) } : {}),
      });
    });
    // A pack cut short (a truncated copy) is not trusted.
    if (!header || lines.size !== header.count) {
      closeSync(fd);
      return undefined;
    }
    return { lines, file: openPackFile(fd) };
  } catch {
    closeSync(fd);
    return undefined;
  }
}

/** Reads of packed texts through one open descriptor and one scratch buffer (grown for a longer text). */
function openPackFile(fd: number): PackFile {
  let scratch = Buffer.allocUnsafe(64 * 1024);
  let open = true;
  return {
    read(at, bytes) {
      if (!open) throw new Error('the pack is closed');
      if (bytes > scratch.length) scratch = Buffer.allocUnsafe(bytes);
      let got = 0;
      while (got < bytes) {
        const n = readSync(fd, scratch, got, bytes - got, at + got);
        if (n === 0) throw new Error('the pack is shorter than its index');
        got += n;
      }
      return scratch.toString('utf8', 0, bytes);
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

/**
 * Call `visit` with each non-empty line (its bytes `start`..`end` in `buffer`, and its offset in the file), reading in
 * chunks so the whole file is never in memory. One buffer serves every chunk: the unfinished last line moves to its
 * start before the next read (the buffer doubles only for a line longer than itself). A new buffer per chunk (carry and
 * chunk concatenated) had made about 200 MB of short-lived 4 MB buffers at 100,000 incidents, memory the allocator then kept.
 */
function forEachLine(fd: number, visit: (buffer: Buffer, start: number, end: number, offset: number) => void): void {
  let buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
  let filled = 0; // bytes of an unfinished line at the start of `buffer`
  let base = 0; // the file offset of buffer[0]
  for (;;) {
    if (filled === buffer.length) {
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, filled);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, filled, buffer.length - filled, null);
    if (read === 0) break;
    const end = filled + read;
    let start = 0;
    for (let nl = buffer.indexOf(10, start); nl !== -1 && nl < end; nl = buffer.indexOf(10, start)) {
      if (nl > start) visit(buffer, start, nl, base + start);
      start = nl + 1;
    }
    buffer.copyWithin(0, start, end);
    filled = end - start;
    base += start;
  }
  if (filled) visit(buffer, 0, filled, base);
}

/**
 * Write a pack atomically, yielding between chunks so a large store never stalls the bot. `entry` returns the incident
 * with its file's stamp, or undefined to leave it out (a write in flight): it runs synchronously inside a chunk, so the
 * stamp and the incident it returns always belong together.
 */
export async function writePack(path: string, ids: readonly string[], entry: (id: string) => PackEntry | undefined, chunk = 500): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  const lines: string[] = [];
  try {
    for (let i = 0; i < ids.length; i += chunk) {
      // Each chunk starts on a fresh macrotask: no store write is then half-way between its file and its cache.
      await new Promise((r) => setImmediate(r));
      for (const id of ids.slice(i, i + chunk)) {
        const e = entry(id);
        if (e) lines.push(`${id}\t${e.stamp}${e.mark !== undefined && !/[\t\n#]/.test(e.mark) ? `#${e.mark}` : ''}\t${e.json}`);
      }
    }
    writeSync(fd, `${JSON.stringify({ format: HEADER, version: VERSION, count: lines.length })}\n`);
    for (let i = 0; i < lines.length; i += chunk) {
      writeSync(fd, `${lines.slice(i, i + chunk).join('\n')}\n`);
      if (chunk < lines.length) await new Promise((r) => setImmediate(r));
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

/** A file's identity for the pack: modification time and size; undefined when it cannot be read. */
export function fileStamp(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return undefined;
  }
}
