// The row writes of one change, and the checks that keep the record append-only.
import type pg from 'pg';
import type { Incident } from '../../bot/model/incident-schema.ts';
import { toRow, type HistoryKind } from './rows.ts';

/** Insert or replace the record row (history excluded). */
export async function writeRecord(client: pg.PoolClient, incident: Incident, mode: 'insert' | 'update'): Promise<void> {
  const row = toRow(incident);
  if (mode === 'insert') {
    const { rowCount } = await client.query(
      'INSERT INTO incidents (id, num, status, channels, doc) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING',
      [row.id, row.num, row.status, row.channels, row.doc],
    );
    if (rowCount !== 1) throw new Error(`incident ${row.id} already exists in the database`);
    return;
  }
  await client.query(
    'UPDATE incidents SET status = $2, channels = $3, doc = $4, version = version + 1, changed_at = clock_timestamp() WHERE id = $1',
    [row.id, row.status, row.channels, row.doc],
  );
}

/** Write the entries `after` adds to `before`; a history that is not an extension (deliveries only) is rewritten. */
export async function writeHistory(client: pg.PoolClient, id: string, kind: HistoryKind, before: readonly unknown[], after: readonly unknown[]): Promise<void> {
  let from = before.length;
  if (!extends_(before, after)) {
    await client.query('DELETE FROM incident_history WHERE incident_id = $1 AND kind = $2', [id, kind]);
    await client.query('UPDATE incidents SET history_epoch = history_epoch + 1 WHERE id = $1', [id]);
    from = 0;
  }
  const added = after.slice(from);
  if (added.length === 0) return;
  await client.query(
    `INSERT INTO incident_history (incident_id, kind, seq, item)
     SELECT $1, $2, t.seq, t.item FROM unnest($3::int[], $4::json[]) AS t(seq, item)`,
    [id, kind, added.map((_, n) => from + n), added.map((entry) => JSON.stringify(entry))],
  );
}

/** True when `after` starts with every entry of `before`: the same (shared, frozen) objects, or equal ones. */
export function extends_(before: readonly unknown[], after: readonly unknown[]): boolean {
  if (after.length < before.length) return false;
  for (let i = 0; i < before.length; i++) if (after[i] !== before[i] && JSON.stringify(after[i]) !== JSON.stringify(before[i])) return false;
  return true;
}

/** True when `after` starts with the very objects of `before` (entries the mutation kept untouched). */
export function sharesPrefix(before: readonly unknown[], after: readonly unknown[]): boolean {
  if (after.length < before.length) return false;
  for (let i = 0; i < before.length; i++) if (after[i] !== before[i]) return false;
  return true;
}

/** The record the regulator sees: earlier timeline entries are never edited or dropped, and ids never change. */
export function assertAppendOnly(current: Incident, next: Incident): void {
  if (next.id !== current.id) throw new Error(`update may not change the id of ${current.id}`);
  if (!extends_(current.timeline, next.timeline)) {
    throw new Error(`update of ${current.id} would edit or drop timeline entries; the timeline is append-only`);
  }
}

/** Records leave the store frozen, so no caller can change them behind its back. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
