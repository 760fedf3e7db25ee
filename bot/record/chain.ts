// The hash chain over an incident's timeline (and access log): sealing new entries and sealing entries written before it.
//
// Each entry carries `prev` (the previous link's hash) and `hash` = SHA-256 of its canonical JSON (bot/record/canonical.ts)
// with `prev` and without `hash`. A list's first link follows its genesis hash, SHA-256 of {"incident":id,"list":name}.
// Entries written before chaining existed are not rewritten: they are sealed once into a first link (`chain.seal`): their
// count and the hash their links end at (each link computed the same way, over the entry with `prev`), so the first new
// entry follows the last legacy one. One link, not one per entry: the incident's head file stays small.
// The incident's head is SHA-256 of {"incident":id,"lists":{name:{"entries":n,"head":h}}}: it is what gets anchored.
import type { Chain, Incident } from '../model/incident-schema.ts';
import { canonicalJson, sha256Hex } from './canonical.ts';

/** An entry of a chained list, as stored. */
export type ChainedEntry = { prev?: string; hash?: string } & Record<string, unknown>;

/** Lists that are chained, in a fixed order. `accessLog` is chained as soon as the incident has one. */
export const CHAINED_LISTS = ['timeline', 'accessLog'] as const;
export type ChainedList = (typeof CHAINED_LISTS)[number];

/** The chained lists an incident holds, by name. */
export function chainedLists(incident: Incident): Array<[ChainedList, ChainedEntry[]]> {
  const record = incident as unknown as Record<string, unknown>;
  return CHAINED_LISTS.filter((name) => Array.isArray(record[name])).map((name) => [name, record[name] as ChainedEntry[]]);
}

/** The hash a list's first link follows. */
export function genesisHash(incidentId: string, list: string): string {
  return sha256Hex(canonicalJson({ incident: incidentId, list }));
}

/** The link hash of an entry following `prev`: SHA-256 of its canonical form with `prev`, without `hash`. */
export function linkHash(entry: ChainedEntry, prev: string): string {
  const { hash: _hash, prev: _prev, ...body } = entry;
  return sha256Hex(canonicalJson({ ...body, prev }));
}

/** The incident's head over its lists' heads and lengths. */
export function combinedHead(incidentId: string, lists: Chain['lists']): string {
  return sha256Hex(canonicalJson({ incident: incidentId, lists }));
}

const hasChainFields = (e: ChainedEntry) => e.prev !== undefined || e.hash !== undefined;

/** Lists holding entries written before chaining: no record in the chain yet and no entry with chain fields. */
function legacyLists(incident: Incident): Array<[ChainedList, ChainedEntry[]]> {
  return chainedLists(incident).filter(([name, entries]) => !incident.chain?.lists[name] && !entries.some(hasChainFields) && (!incident.chain || entries.length > 0));
}

/**
 * Seal entries written before chaining into the first link of their list, once: only lists the chain has no record of
 * and whose entries carry no chain fields (entries with hashes but no chain record are a broken record, never re-sealed).
 * A list that appears later (the access log of an older record) is sealed the same way.
 */
export function sealLegacy(incident: Incident, now: Date): Incident {
  const legacy = legacyLists(incident);
  if (legacy.length === 0) return incident;
  if (!incident.chain && chainedLists(incident).some(([, entries]) => entries.some(hasChainFields))) return incident;
  const sealedLists: NonNullable<Chain['seal']>['lists'] = { ...incident.chain?.seal?.lists };
  const lists: Chain['lists'] = { ...incident.chain?.lists };
  for (const [name, entries] of legacy) {
    const head = legacyHead(incident.id, name, entries);
    if (entries.length) sealedLists[name] = { entries: entries.length, head };
    lists[name] = { head, entries: entries.length };
  }
  const seal = Object.keys(sealedLists).length ? { seal: { at: incident.chain?.seal?.at ?? now.toISOString(), lists: sealedLists } } : {};
  const chain: Chain = { ...incident.chain, head: combinedHead(incident.id, lists), lists, ...seal };
  return { ...incident, chain };
}

/** The hash the links of entries written before chaining end at (the genesis hash for none). */
export function legacyHead(incidentId: string, list: string, entries: readonly ChainedEntry[]): string {
  let prev = genesisHash(incidentId, list);
  for (const e of entries) prev = linkHash(e, prev);
  return prev;
}

/** True when the incident has entries that were never sealed (written before chaining). */
export function needsLegacySeal(incident: Incident): boolean {
  if (!incident.chain && chainedLists(incident).some(([, entries]) => entries.some(hasChainFields))) return false;
  return legacyLists(incident).length > 0;
}

/** Append entries to one chained list, each carrying the previous link's hash; updates the incident's head. */
export function appendChained<E extends object>(incident: Incident, list: ChainedList, entries: readonly E[], now: Date): Incident {
  const base = sealLegacy(incident, now);
  const record = base as unknown as Record<string, unknown>;
  const existing = (record[list] as ChainedEntry[] | undefined) ?? [];
  const lists: Chain['lists'] = { ...base.chain?.lists };
  // A chain record lost with its entries still hashed: carry on from the last stored link (verify still judges them).
  let state = lists[list] ?? { head: lastHash(existing) ?? genesisHash(base.id, list), entries: existing.length };
  const sealed = entries.map((e) => {
    const entry = { ...(e as ChainedEntry), prev: state.head } as ChainedEntry;
    entry.hash = linkHash(entry, state.head);
    state = { head: entry.hash, entries: state.entries + 1 };
    return entry as unknown as E;
  });
  lists[list] = state;
  const chain: Chain = { ...base.chain, lists, head: combinedHead(base.id, lists) };
  return { ...base, [list]: [...existing, ...sealed], chain } as Incident;
}

function lastHash(entries: readonly ChainedEntry[]): string | undefined {
  return entries.at(-1)?.hash;
}

/**
 * The chain record after `entries`, already linked (each with its `hash`), were appended to `list`: what appendChained
 * records for them. The file store keeps access-log reads past the head this way (data/journal-tail.ts): the record on
 * disk is brought up to date from the entries themselves.
 */
export function chainWith(incidentId: string, chain: Chain, list: ChainedList, entries: readonly ChainedEntry[]): Chain {
  const last = entries.at(-1)?.hash;
  if (!last) return chain;
  const lists: Chain['lists'] = { ...chain.lists, [list]: { head: last, entries: (chain.lists[list]?.entries ?? 0) + entries.length } };
  return { ...chain, lists, head: combinedHead(incidentId, lists) };
}
