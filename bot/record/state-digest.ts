// The state digest: every timeline entry made through the domain records SHA-256 of the incident's state after its
// change, so the chain (and the anchored head) covers what the record says now, not only its history.
//
// The state is the incident's canonical JSON (keys sorted, bot/record/canonical.ts) without the fields in
// STATE_EXCLUDED (the chained lists and the chain record, and what legitimately changes without a timeline entry), and
// without any member that is null or an empty list or object, at any depth. A field added to the schema later with
// such a default (an unanswered question is null) leaves every digest recorded before it matching: adding
// `organization.gdprTerritorial` (default null) had made every record written before it read as edited by hand. A new
// field with another default (false, a string) must be left out of the state while it holds it.
import type { Actor, Incident, TimelineEntry } from '../model/incident-schema.ts';
import { canonicalJson, sha256Hex } from './canonical.ts';
import { appendChained } from './chain.ts';
import { DELIVERED_ACTION, SKIPPED_ACTION } from '../domain/deliveries.ts';

/**
 * Fields the state digest leaves out, and why:
 * - `timeline`, `accessLog`: the chained lists themselves (each entry has its own hash);
 * - `chain`: the chain record (heads, the legacy seal, `anchored`: anchoring writes no timeline entry);
 * - `deliveries`: a history list held apart from the head, each delivery already on the timeline by its key
 *   (`reminder.delivered` / `reminder.skipped`); hashing it at every change would make a change cost grow with history;
 * - `outbox`: delivery intents, written before a post with no timeline entry (bookkeeping a restart needs).
 */
export const STATE_EXCLUDED = ['timeline', 'accessLog', 'chain', 'deliveries', 'outbox'] as const;

/** Members a JSON export adds around the incident (commands/record-commands.ts): not part of the incident's state. */
export const EXPORT_WRAPPER_KEYS = ['format', 'formatVersion', 'exportedAt', 'exportedBy', 'obligations', 'record', 'signature'] as const;

/** Timeline action of the entry breachdesk adds when a change finds the facts different from the last recorded digest. */
export const FACTS_MISMATCH_ACTION = 'record.facts_mismatch';

// The scheduler's actor (SYSTEM_ACTOR of bot/domain/change.ts, which imports this module): breachdesk itself found it.
const FOUND_BY: Actor = { id: 'system', name: 'breachdesk', platform: 'system' };

/** SHA-256 (hex) of the incident's state: its canonical JSON without the fields of STATE_EXCLUDED nor empty members. */
export function stateDigest(incident: Incident | Record<string, unknown>): string {
  const state: Record<string, unknown> = { ...(incident as Record<string, unknown>) };
  for (const field of STATE_EXCLUDED) delete state[field];
  return sha256Hex(stateJson(state));
}

/** canonicalJson, but object members that are undefined, null, [] or {} (once their own empty members are dropped) are left out. */
export function stateJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return canonicalJson(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + stateJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined || member === null) continue;
    const text = stateJson(member);
    if (text === '{}' || text === '[]') continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}

/** The latest timeline entry carrying a state digest, with its 1-based number; undefined when none does. */
export function latestDigestEntry(timeline: readonly TimelineEntry[]): { entry: TimelineEntry; n: number } | undefined {
  // From the end: after the first change of this version, the last entry carries one.
  for (let i = timeline.length - 1; i >= 0; i--) if (timeline[i]!.stateDigest !== undefined) return { entry: timeline[i]!, n: i + 1 };
  return undefined;
}

/**
 * Append the timeline entries of one change, each carrying the digest of the state the change leaves (`next`), sealed
 * into the hash chain. When `before` (the stored incident the change started from) no longer matches the digest its
 * last covered entry recorded, its facts were changed outside breachdesk: an entry saying so comes first, so the change
 * cannot bless the edited facts (verify keeps naming it).
 */
export function sealTimeline(before: Incident | undefined, next: Incident, entries: readonly TimelineEntry[], now: Date): Incident {
  if (entries.length === 0) return next;
  const digest = stateDigest(next);
  const found = before && mismatchEntry(before, now);
  const stamped = [...(found ? [found] : []), ...entries].map((e) => ({ ...e, stateDigest: digest }));
  return appendChained(next, 'timeline', stamped, now);
}

/** The entry recording that `before` does not match its last recorded digest, or undefined when it does (or has none). */
function mismatchEntry(before: Incident, now: Date): TimelineEntry | undefined {
  const latest = latestDigestEntry(before.timeline);
  if (!latest) return undefined;
  const found = stateDigest(before);
  if (found === latest.entry.stateDigest) return undefined;
  return {
    at: now.toISOString(),
    actor: FOUND_BY,
    action: FACTS_MISMATCH_ACTION,
    text: `The incident's facts no longer matched the digest recorded by timeline entry ${latest.n} (${latest.entry.at}): they were changed outside breachdesk before this change.`,
    changes: [{ field: 'stateDigest', from: latest.entry.stateDigest, to: found }],
  };
}

/** How the incident's current facts stand against the digests on its timeline. */
export type FactsStatus =
  /** They match the digest of timeline entry `entry`; `since` is when the first entry carrying a digest was written. */
  | { state: 'covered'; entry: number; at: string; since: string; /** Entries before `since` carry no digest (written by an earlier version). */ olderEntries: boolean }
  /** No timeline entry carries a digest (every entry predates this version): the facts are not covered yet. */
  | { state: 'not_covered' }
  /** They were changed outside breachdesk: now (`entry` is the last covered one) or before a later change recorded it. */
  | { state: 'changed'; entry: number; reason: string };

/** Compare the incident's current state with the digests its timeline recorded. */
export function checkFacts(incident: Incident): FactsStatus {
  const timeline = incident.timeline;
  const latest = latestDigestEntry(timeline);
  if (!latest) return { state: 'not_covered' };
  if (stateDigest(incident) !== latest.entry.stateDigest) {
    return {
      state: 'changed',
      entry: latest.n,
      reason: `its facts were changed outside breachdesk after its last recorded change (timeline entry ${latest.n}, ${latest.entry.at}, ${latest.entry.action}): they no longer match the digest that entry recorded`,
    };
  }
  let first = -1;
  for (let i = 0; i < timeline.length; i++) {
    const e = timeline[i]!;
    if (e.stateDigest !== undefined && first === -1) first = i;
    if (e.action === FACTS_MISMATCH_ACTION) {
      const from = e.changes?.[0]?.from;
      return {
        state: 'changed',
        entry: i + 1,
        reason: `its facts were changed outside breachdesk before timeline entry ${i + 1} (${e.at}): that change found them different from the digest recorded before it${typeof from === 'string' ? ` (${from.slice(0, 12)}…)` : ''}`,
      };
    }
  }
  const forged = unrecordedDelivery(incident, first);
  if (forged) {
    return {
      state: 'changed',
      entry: latest.n,
      reason: `its delivery record ${forged.n} (${forged.key}) has no timeline entry: it was added outside breachdesk (the scheduler skips a reminder it finds recorded, so it would never be posted)`,
    };
  }
  return { state: 'covered', entry: latest.n, at: latest.entry.at, since: timeline[first]!.at, olderEntries: first > 0 };
}

/**
 * The first delivery record no timeline entry accounts for. Deliveries are left out of the digest (a history list), but
 * each one breachdesk records has its own `reminder.delivered` / `reminder.skipped` entry naming its key, so a record
 * added in the store file (which silences that reminder) is found here. Records from before the facts were covered
 * (`firstCovered` > 0: an earlier version's store, the demo store's quiet start) are checked only after that entry's time.
 * Full checks only (start-up, `verify`, exports): one pass over the timeline and the deliveries.
 */
function unrecordedDelivery(incident: Incident, firstCovered: number): { n: number; key: string } | undefined {
  const deliveries = incident.deliveries ?? [];
  if (deliveries.length === 0) return undefined;
  const keys = new Set<string>();
  for (const e of incident.timeline) {
    if (e.action !== DELIVERED_ACTION && e.action !== SKIPPED_ACTION) continue;
    for (const c of e.changes ?? []) if (c.field === 'delivery' && typeof c.to === 'string') keys.add(c.to);
  }
  const since = firstCovered > 0 ? Date.parse(incident.timeline[firstCovered]!.at) : Number.NEGATIVE_INFINITY;
  for (let i = 0; i < deliveries.length; i++) {
    const d = deliveries[i]!;
    if (keys.has(d.key)) continue;
    // A record that cannot be read as an instant is never taken for one written before the facts were covered.
    const at = Date.parse(d.at);
    if (Number.isFinite(at) && at <= since) continue;
    return { n: i + 1, key: d.key };
  }
  return undefined;
}

/** The facts' coverage in plain words, for exports and the record's integrity section (English, like the chain's reasons). */
export function describeFacts(facts: FactsStatus): string {
  if (facts.state === 'changed') return facts.reason;
  if (facts.state === 'not_covered') return 'not covered by the chain yet: every timeline entry predates state digests; the next change through breachdesk records one';
  const older = facts.olderEntries ? `; facts not covered by the chain before ${facts.since} (entries written before state digests)` : '';
  return `they match the state digest recorded by timeline entry ${facts.entry} (${facts.at})${older}`;
}

/** The incident part of a JSON export: the document without the members the export adds around it. */
export function exportedIncident(document: Record<string, unknown>): Record<string, unknown> {
  const incident = { ...document };
  for (const key of EXPORT_WRAPPER_KEYS) delete incident[key];
  return incident;
}

/** The facts' verdict as `verify --json`, the JSON export's `record` and `verify-export` give it. */
export interface FactsSummary {
  /** covered: they match the last state digest; not_covered: no entry carries one; changed: edited outside breachdesk; not_checked: the chain itself is broken or not sealed. */
  facts: 'covered' | 'not_covered' | 'changed' | 'not_checked';
  /** When the first entry carrying a state digest was written (covered only). */
  factsCoveredSince?: string;
}

/** The summary of a facts check (`undefined`: not checked, the chain did not verify). */
export function factsSummary(facts: FactsStatus | undefined): FactsSummary {
  if (!facts) return { facts: 'not_checked' };
  return facts.state === 'covered' ? { facts: 'covered', factsCoveredSince: facts.since } : { facts: facts.state };
}
