// One incident's line in the deadline index: each open, dated obligation's due instant and status, and until when that
// status holds. Everything the engine decides from `now` changes only at instants this computes, so an entry read
// before its `validUntil` answers exactly as the engine would at that moment.
import type { Incident } from '../model/incident-schema.ts';
import { computeObligations } from './engine.ts';
import { languageFor } from '../i18n/index.ts';
import { isOpen } from './present.ts';
import type { RuleSet } from './rule-schema.ts';
import { delayWindows } from './tolling.ts';
import type { Obligation } from './types.ts';
import { PackedItems, type IndexedObligation } from './packed-items.ts';

export type { IndexedObligation } from './packed-items.ts';

/** One incident in the index. */
export interface DeadlineEntry {
  id: string;
  open: boolean;
  zone: string;
  /** Who may read it besides admins (the response team's keys), so listings filter without the record. */
  readers: readonly string[];
  /** The instant the statuses were computed at; valid for computedAt ≤ now < validUntil. */
  computedAt: number;
  validUntil: number;
  /** Open obligations with a due instant, in the engine's order (packed: packed-items.ts). */
  items: PackedItems;
  /** Why its deadlines cannot be computed (a stored date out of range), said in listings instead of failing them. */
  problem?: string;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
// The engine's due-soon windows (its defaults: 7 days for day-counted and immediate, 24 hours for hour-counted).
const SOON = [7 * DAY_MS, 24 * HOUR_MS];
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The entry for `incident` at `now`, from the engine's obligations (computed here unless given). */
export function deadlineEntry(incident: Incident, rules: RuleSet, now: Date, readers: readonly string[], obligations?: readonly Obligation[], dateProblems: readonly string[] = []): DeadlineEntry {
  const at = now.getTime();
  // Built as one literal (not spread from a shared base): a spread object takes about three times the memory.
  const entry = (validUntil: number, items: PackedItems, problem?: string): DeadlineEntry => {
    const e: DeadlineEntry = { id: incident.id, open: incident.status !== 'closed', zone: intern(incident.organization.timezone), readers: internReaders(readers), computedAt: at, validUntil, items };
    if (problem !== undefined) e.problem = problem;
    return e;
  };
  // Closed incidents are never listed; they come back through a change (status), which recomputes them.
  if (incident.status === 'closed') return entry(Number.POSITIVE_INFINITY, NONE);
  // Out-of-range dates are judged against now: looked at again within the hour.
  if (dateProblems.length) return entry(at + HOUR_MS, NONE, `${incident.id}: its deadlines cannot be computed: ${dateProblems[0]} Fix it with \`set ${incident.id} …\`.`);
  // In the organization's language, as the scheduler fills the index in the running bot (recipients read as reminders do).
  const all = obligations ?? computeObligations(incident, rules, now, { lang: languageFor(incident.organization) });
  return entry(nextChange(incident, all, at), new PackedItems(all.filter((o) => isOpen(o) && o.dueAt !== null).map((o) => indexed(o))));
}

/** True when the entry's statuses are the engine's at `now`. */
export function entryHoldsAt(entry: DeadlineEntry, now: number): boolean {
  return entry.computedAt <= now && now < entry.validUntil;
}

const NONE = new PackedItems([]);

// Zones and response teams repeat across thousands of incidents: one string or list each, not one per incident.
const pool = new Map<string, string>();
const teams = new Map<string, readonly string[]>();
/** The pooled copy of `text` (the pool stops growing at 50,000: texts past it are kept as they are). */
export function intern(text: string): string {
  const hit = pool.get(text);
  if (hit !== undefined) return hit;
  if (pool.size < 50_000) pool.set(text, text);
  return text;
}

/** The pooled copy of a team's keys (frozen: shared by every entry of that team). */
export function internReaders(keys: readonly string[]): readonly string[] {
  const key = keys.join('\n');
  const hit = teams.get(key);
  if (hit !== undefined) return hit;
  const kept = Object.freeze(keys.map(intern));
  if (teams.size < 50_000) teams.set(key, kept);
  return kept;
}

function indexed(o: Obligation): IndexedObligation {
  return {
    obligation: o.obligation, rule: o.rule, recipient: o.recipient, citation: o.citation, kind: o.kind, verification: o.verification, status: o.status,
    dueMs: Date.parse(o.dueAt!), tolledUntilMs: o.tolledUntil === null ? null : Date.parse(o.tolledUntil),
  };
}

/**
 * The first instant after `now` at which the engine could answer differently: a due-soon window opening, a deadline
 * passing, a law-enforcement delay starting or ending, or any instant recorded in the incident (a notice dated later
 * than `now` counts only from then). Conservative: an instant that changes nothing only costs a recomputation.
 */
function nextChange(incident: Incident, obligations: readonly Obligation[], now: number): number {
  let next = Number.POSITIVE_INFINITY;
  const consider = (ms: number) => {
    // "now > dueAt" and "now <= end" flip one millisecond after the instant itself.
    for (const t of [ms, ms + 1]) if (t > now && t < next) next = t;
  };
  for (const o of obligations) {
    for (const iso of [o.dueAt, o.tolledUntil, o.doneAt]) {
      if (iso === null) continue;
      const ms = Date.parse(iso);
      consider(ms);
      for (const soon of SOON) consider(ms - soon);
    }
  }
  for (const regime of ['hipaa_164_412', 'state_law_enforcement'] as const) {
    for (const w of delayWindows(incident, regime)) {
      consider(w.startMs);
      if (Number.isFinite(w.endMs)) consider(w.endMs);
    }
  }
  walkInstants(incident, consider);
  return next;
}

/** Every ISO instant anywhere in the incident's facts (history lists are the past and are skipped). */
function walkInstants(value: unknown, visit: (ms: number) => void, depth = 0): void {
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value)) {
      const ms = Date.parse(value);
      if (!Number.isNaN(ms)) visit(ms);
    }
    return;
  }
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) walkInstants(v, visit, depth + 1);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (depth === 0 && (key === 'timeline' || key === 'deliveries' || key === 'accessLog' || key === 'outbox')) continue;
    walkInstants(v, visit, depth + 1);
  }
}
