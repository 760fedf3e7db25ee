// Incidents whose head file is gone while their history is not: named as damaged, so their ids are never reused.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { DamagedIncident } from '../bot/ports.ts';

const HEAD_FILE = /^BR-\d+\.json$/;
const JOURNAL_FILE = /^BR-\d+\.journal$/;

/**
 * Incidents whose head file is gone while their history is not (a journal beside no head, or a pack line for an
 * incident with neither): damaged, so they are named, refused, and their ids never given to a new incident, which
 * would overwrite that history. An empty journal holds no history (a create that failed before its head): not named.
 */
export function headless(dir: string, names: readonly string[], packed: Iterable<string>): DamagedIncident[] {
  const heads = new Set(names.filter((n) => HEAD_FILE.test(n)).map((n) => n.slice(0, -'.json'.length)));
  const out = new Map<string, string>();
  for (const name of names) {
    if (!JOURNAL_FILE.test(name)) continue;
    const id = name.slice(0, -'.journal'.length);
    if (!heads.has(id) && sizeOf(join(dir, name)) > 0) out.set(id, `${join(dir, name)} has no head file beside it (${id}.json is missing): the history is kept as it is and the id is not reused; restore the head file from a backup`);
  }
  for (const id of packed) {
    if (!heads.has(id) && !out.has(id)) out.set(id, `${join(dir, `${id}.json`)} and its history journal are missing, though the start-up pack holds this incident: restore them from a backup; the id is not reused`);
  }
  return [...out].map(([id, problem]) => ({ id, problem }));
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
