// The start-up pack: every incident on one JSON line, so opening 100,000 incidents is one read, not 100,000.
// It is a cache of the per-incident files (the source of truth): each line carries its file's mtime and size, and a
// file that no longer matches is re-read.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import type { Incident } from './incident-schema.ts';

/** One packed incident and the stamp of the file it was read from. */
export interface PackEntry {
  incident: Incident;
  stamp: string;
}

/** What a pack holds, by incident id. */
export type Pack = Map<string, PackEntry>;

const HEADER = 'breachdesk-pack';

/** Read a pack; undefined when missing or unusable (it is only a cache: the caller falls back to the files). */
export function readPack(path: string): Pack | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  try {
    const header = JSON.parse(lines[0]!) as { format?: string; count?: number };
    if (header.format !== HEADER) return undefined;
    const pack: Pack = new Map();
    for (let i = 1; i < lines.length; i++) {
      if (!lines[i]) continue;
      const [stamp, incident] = JSON.parse(lines[i]!) as [string, Incident];
      pack.set(incident.id, { stamp, incident });
    }
    // A pack cut short (a truncated copy) is not trusted.
    return pack.size === header.count ? pack : undefined;
  } catch {
    return undefined;
  }
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
        if (e) lines.push(JSON.stringify([e.stamp, e.incident]));
      }
    }
    writeSync(fd, `${JSON.stringify({ format: HEADER, count: lines.length })}\n`);
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
