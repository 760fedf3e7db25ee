// The start-up pack: every incident on one JSON line, so opening 100,000 incidents is one read, not 100,000.
// It is a cache of the per-incident files (the source of truth): files changed after the pack was written are re-read.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import type { Incident } from './incident-schema.ts';

/** What a pack holds: the incidents and when writing it began (files changed since are newer than the pack). */
export interface Pack {
  startedAt: number;
  incidents: Map<string, Incident>;
}

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
    const header = JSON.parse(lines[0]!) as { format?: string; startedAt?: number; count?: number };
    if (header.format !== HEADER || typeof header.startedAt !== 'number') return undefined;
    const incidents = new Map<string, Incident>();
    for (let i = 1; i < lines.length; i++) {
      if (!lines[i]) continue;
      const incident = JSON.parse(lines[i]!) as Incident;
      incidents.set(incident.id, incident);
    }
    // A pack cut short (crash while renaming is impossible, but a copy can be truncated) is not trusted.
    if (incidents.size !== header.count) return undefined;
    return { startedAt: header.startedAt, incidents };
  } catch {
    return undefined;
  }
}

/** Write a pack atomically; yields to the event loop between chunks so a large store never stalls the bot. */
export async function writePack(path: string, incidents: readonly Incident[], startedAt: number, chunk = 500): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify({ format: HEADER, startedAt, count: incidents.length })}\n`);
    for (let i = 0; i < incidents.length; i += chunk) {
      writeSync(fd, `${incidents.slice(i, i + chunk).map((x) => JSON.stringify(x)).join('\n')}\n`);
      if (chunk < incidents.length) await new Promise((r) => setImmediate(r));
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

/** Milliseconds of a file's last modification, or undefined. */
export function modifiedAt(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
