// How an incident maps to rows: the record without its history in `incidents`, each history entry in `incident_history`.
import { IncidentSchema, type Incident } from '../../bot/model/incident-schema.ts';

/** The incident lists kept as history rows rather than inside the record (those the model has). */
export const HISTORY_KINDS: readonly string[] = ['timeline', 'deliveries', 'accessLog'].filter((kind) => kind in IncidentSchema.shape);
export type HistoryKind = string;

/** One history list of an incident (empty when absent). */
export function historyOf(incident: Incident, kind: HistoryKind): readonly unknown[] {
  return ((incident as unknown as Record<string, unknown>)[kind] as unknown[] | undefined) ?? [];
}

/** The columns of one `incidents` row. */
export interface IncidentRow {
  id: string;
  num: number;
  status: string;
  /** `[{platform, id}]`, for the channel filter. */
  channels: string;
  /** The record with every history field emptied (kept in place so key order survives). */
  doc: string;
}

/** The record part of an incident as its row. */
export function toRow(incident: Incident): IncidentRow {
  const emptied: Record<string, unknown> = { ...incident };
  for (const kind of HISTORY_KINDS) emptied[kind] = [];
  return {
    id: incident.id,
    num: Number(incident.id.slice(3)),
    status: incident.status,
    channels: JSON.stringify(incident.channels.map((c) => ({ platform: c.platform, id: c.id }))),
    doc: JSON.stringify(emptied),
  };
}

/** Rebuild an incident from its record text and its history (kind → entries, in order). */
export function fromRow(doc: string, history: Partial<Record<string, unknown[]>> | null): Incident {
  const incident = JSON.parse(doc) as Record<string, unknown>;
  // A row edited into something else (a string, null, a list) is returned as it is, for the store's check to refuse.
  if (incident === null || typeof incident !== 'object' || Array.isArray(incident)) return incident as unknown as Incident;
  for (const kind of HISTORY_KINDS) incident[kind] = history?.[kind] ?? [];
  return incident as unknown as Incident;
}

/** The SQL expression giving an incident's history as one json object `{kind: [entries in order]}` (alias `i`). */
export const HISTORY_SQL = `(SELECT json_object_agg(k.kind, k.items)::text FROM (
  SELECT h.kind, json_agg(h.item ORDER BY h.seq) AS items FROM incident_history h WHERE h.incident_id = i.id GROUP BY h.kind
) k)`;
