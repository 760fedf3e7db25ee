// UTC offsets and short zone names from data/zones/zone-offsets.json (written by scripts/zones.mjs from Intl itself),
// so a one-shot command builds no Intl formatter: the first one a process builds costs about 30 ms while ICU loads its
// data. Each answer here is what Intl says (tests/deadlines/zone-table.test.ts); outside the table's years or zones,
// without the file, or under another release of the time-zone database than the table's, the caller asks Intl.
import { readFileSync } from 'node:fs';
import { appPath } from './app-root.ts';

interface ZoneRow {
  /** [offset at `from`, then (minute since the epoch of a change, offset from then) pairs], offsets in minutes east of UTC. */
  offsets: number[];
  /** Short name in each stretch, e.g. ["CST", "CDT", "CST", …]: one more than the changes. */
  names: string[];
}
interface Table {
  fromMs: number;
  toMs: number;
  zones: Map<string, ZoneRow>;
}

const TABLE_PATH = appPath('data', 'zones', 'zone-offsets.json');
const MINUTE_MS = 60_000;
let table: Table | null | undefined;

function loaded(): Table | null {
  if (table === undefined) {
    try {
      const raw = JSON.parse(readFileSync(TABLE_PATH, 'utf8')) as { tz?: string; from: string; to: string; zones: Record<string, ZoneRow> };
      // Written from another release of the time-zone database (a Node upgrade): its rules may have changed, Intl answers.
      if (raw.tz !== process.versions.tz) return (table = null);
      table = { fromMs: Date.parse(raw.from), toMs: Date.parse(raw.to), zones: new Map(Object.entries(raw.zones)) };
    } catch {
      table = null; // no table (a build without it): Intl answers
    }
  }
  return table;
}

/** The stretch of the zone's row holding `ms` (0: from the table's start), or undefined outside the table. */
function stretch(zone: string, ms: number): { row: ZoneRow; k: number } | undefined {
  const t = loaded();
  const row = t && ms >= t.fromMs && ms < t.toMs ? t.zones.get(zone) : undefined;
  if (row === undefined) return undefined;
  const o = row.offsets;
  const minute = Math.floor(ms / MINUTE_MS);
  // The last change at or before `minute`: changes sit at odd places 1, 3, 5…, each followed by its offset.
  let lo = 0;
  let hi = (o.length - 1) / 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (o[2 * mid - 1]! <= minute) lo = mid;
    else hi = mid - 1;
  }
  return { row, k: lo };
}

/** The zone's offset at `ms` in minutes east of UTC, or undefined when the table does not hold that zone or instant. */
export function tableOffset(zone: string, ms: number): number | undefined {
  const at = stretch(zone, ms);
  return at && at.row.offsets[2 * at.k];
}

/** The zone's short name at `ms` (CST, CEST), or undefined when the table does not hold that zone or instant. */
export function tableName(zone: string, ms: number): string | undefined {
  const at = stretch(zone, ms);
  return at && at.row.names[at.k];
}

/** True when the table holds the zone (a name Intl accepts). */
export function tableHasZone(zone: string): boolean {
  return loaded()?.zones.has(zone) ?? false;
}
