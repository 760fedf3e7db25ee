// Moving a store into PostgreSQL: copy every incident under its own id, then read both sides back and compare.
import { createHash } from 'node:crypto';
import type { Incident } from '../../bot/model/incident-schema.ts';
import type { IncidentStore } from '../../bot/ports.ts';
import { HISTORY_KINDS, historyOf } from './rows.ts';
import type { PostgresStore } from './postgres-store.ts';

/** What was copied and what the verification found (problems empty when source and target agree). */
export interface CopyReport {
  incidents: number;
  /** Entries per history kind (timeline, deliveries), summed over incidents. */
  entries: Record<string, number>;
  /** "hash" when the records carry a hash chain (chain head, last entry's hash), else "sha256" of the whole timeline. */
  headKind: 'hash' | 'sha256';
  problems: string[];
}

/** Copy `source` into the empty `target` and verify counts, full histories and chain heads. */
export async function copyStore(source: IncidentStore, target: PostgresStore): Promise<CopyReport> {
  const existing = await target.ids();
  if (existing.length > 0) {
    throw new Error(`${target.location} already holds ${existing.length} incident(s); migrate-store copies into an empty database only`);
  }
  const ids = await source.ids();
  const entries: Record<string, number> = Object.fromEntries(HISTORY_KINDS.map((k) => [k, 0]));
  let chained = false;
  for (const id of ids) {
    const incident = await source.get(id);
    if (!incident) continue;
    await target.insertExact(incident);
    for (const kind of HISTORY_KINDS) entries[kind]! += historyOf(incident, kind).length;
    chained ||= typeof lastHash(incident) === 'string' || (incident as { chain?: unknown }).chain !== undefined;
  }
  const problems: string[] = [];
  const copied = await target.ids();
  if (copied.length !== ids.length) problems.push(`the source has ${ids.length} incidents but the database ${copied.length}`);
  for (const id of ids) {
    const [a, b] = [await source.get(id), await target.get(id)];
    if (!a || !b) {
      problems.push(`${id} is missing from the ${a ? 'database' : 'source'}`);
      continue;
    }
    for (const kind of HISTORY_KINDS) {
      const [inSource, inDb] = [historyOf(a, kind).length, historyOf(b, kind).length];
      if (inSource !== inDb) problems.push(`${id}: ${kind} has ${inSource} entries in the source but ${inDb} in the database`);
    }
    if (historyHead(a) !== historyHead(b)) problems.push(`${id}: the chain head differs (${historyHead(a)} in the source, ${historyHead(b)} in the database)`);
    if (canonical(a) !== canonical(b)) problems.push(`${id}: the copied record differs from the source`);
  }
  return { incidents: copied.length, entries, headKind: chained ? 'hash' : 'sha256', problems };
}

/**
 * The incident's chain head: the record's own `chain.head` (the hash-chain over timeline and access log) and its last
 * timeline entry's hash when entries are chained; else a sha256 of the whole timeline.
 */
export function historyHead(incident: Incident): string {
  const head = (incident as { chain?: { head?: unknown } }).chain?.head;
  const last = lastHash(incident);
  if (typeof head === 'string' || last) return `${typeof head === 'string' ? head : '-'}/${last ?? '-'}`;
  return createHash('sha256').update(canonical(incident.timeline)).digest('hex');
}

function lastHash(incident: Incident): string | undefined {
  const hash = (incident.timeline.at(-1) as { hash?: unknown } | undefined)?.hash;
  return typeof hash === 'string' ? hash : undefined;
}

/** JSON with object keys sorted, so equal records compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}
