// A note left by a clean close: the start-up pack and the incident files agreed when the store was closed, except for
// the incidents it names (written after the pack was). The next start-up then checks those journals' sizes only, not
// 100,000 of them; every head file is still checked. The note is removed (durably) as soon as the store is opened, so
// a process that dies leaves none, and the start-up after it checks everything.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { syncDirectory } from './durable-json-file.ts';
import { fileStamp } from './store-pack.ts';

const FORMAT = 'breachdesk-clean-close';

/** What a clean close left: the incidents written after the pack. */
export interface CleanClose {
  dirty: ReadonlySet<string>;
}

/**
 * The note at `path`, removed before this returns (whatever it holds); undefined when there is none, it is not one, or
 * the pack is no longer the one it was written beside.
 */
export async function takeCleanClose(path: string, packPath: string): Promise<CleanClose | undefined> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  rmSync(path, { force: true });
  // Gone for good before the first write of this session: a crash from here on must leave no note behind.
  await syncDirectory(dirname(path));
  try {
    const note = JSON.parse(text) as { format?: unknown; pack?: unknown; dirty?: unknown };
    const pack = fileStamp(packPath);
    if (note.format !== FORMAT || pack === undefined || note.pack !== pack || !Array.isArray(note.dirty)) return undefined;
    return { dirty: new Set(note.dirty.filter((id): id is string => typeof id === 'string')) };
  } catch {
    return undefined;
  }
}

/** Leave the note (atomically, through `temp`: a name start-up cleans away) once everything is on disk; nothing when there is no pack. */
export async function writeCleanClose(path: string, packPath: string, dirty: Iterable<string>, temp: string): Promise<void> {
  const pack = fileStamp(packPath);
  if (pack === undefined) return;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify({ format: FORMAT, pack, dirty: [...dirty] }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  await syncDirectory(dirname(path));
}
