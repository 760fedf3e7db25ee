// The start-up pack: every incident on one line, so opening 100,000 incidents is one read, not 100,000.
// It is a cache of the per-incident files (the source of truth): each line carries its file's mtime and size, and a
// file that no longer matches is re-read. Lines are `id<TAB>stamp[#mark]<TAB>json`, so opening needs no JSON parsing: each
// incident's JSON is parsed when the store first needs it; `mark` (its journal's acknowledged bytes and entries, as a
// short text) spares the first write a read of the head file.
import { closeSync, fsyncSync, openSync, readSync, renameSync, statSync, writeSync } from 'node:fs';

/** One incident to pack (its JSON text, one line) and the stamp of the file it was read from. */
export interface PackEntry {
  json: string;
  stamp: string;
  /** The journal mark the store holds for it, as a short text (no tab, newline or `#`), when known. */
  mark?: string;
}

/** One packed incident as read back: its file's stamp, its JSON text and the journal mark packed with it. */
export interface PackedLine {
  stamp: string;
  json: string;
  mark?: string;
}

/** What a pack holds, by incident id. */
export type Pack = Map<string, PackedLine>;

const HEADER = 'breachdesk-pack';
// 3: the stamp adds the journal's size (reads are logged in the journal without rewriting the head).
// 4: the stamp field may carry the journal mark after a `#`.
const VERSION = 4;

/** Read a pack; undefined when missing or unusable (it is only a cache: the caller falls back to the files). */
export function readPack(path: string): Pack | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    let header: { format?: string; version?: number; count?: number } | undefined;
    const pack: Pack = new Map();
    forEachLine(fd, (line) => {
      if (!header) {
        header = JSON.parse(line) as { format?: string; version?: number; count?: number };
        if (header.format !== HEADER || header.version !== VERSION) throw new Error('not a pack this build reads');
        return;
      }
      const idEnd = line.indexOf('\t');
      const stampEnd = line.indexOf('\t', idEnd + 1);
      if (idEnd < 1 || stampEnd < 0 || line[stampEnd + 1] !== '{') throw new Error('not a pack line');
      const markAt = line.indexOf('#', idEnd + 1);
      const hasMark = markAt > idEnd && markAt < stampEnd;
      pack.set(line.slice(0, idEnd), {
        stamp: line.slice(idEnd + 1, hasMark ? markAt : stampEnd),
        json: line.slice(stampEnd + 1),
        ...(hasMark ? { mark: line.slice(markAt + 1, stampEnd) } : {}),
      });
    });
    // A pack cut short (a truncated copy) is not trusted.
    return header && pack.size === header.count ? pack : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Call `visit` with each non-empty line, reading in chunks so the whole file is never one string in memory. One buffer
 * serves every chunk: the unfinished last line moves to its start before the next read (the buffer doubles only for a
 * line longer than itself). A new buffer per chunk (carry and chunk concatenated) had made about 200 MB of short-lived
 * 4 MB buffers at 100,000 incidents, memory the allocator then kept.
 */
function forEachLine(fd: number, visit: (line: string) => void): void {
  let buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
  let filled = 0; // bytes of an unfinished line at the start of `buffer`
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
      if (nl > start) visit(buffer.toString('utf8', start, nl));
      start = nl + 1;
    }
    buffer.copyWithin(0, start, end);
    filled = end - start;
  }
  if (filled) visit(buffer.toString('utf8', 0, filled));
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
