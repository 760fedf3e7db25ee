// Checks an incident's chain from its stored entries alone and names the first entry that does not match, then its
// current facts against the state digest its timeline recorded (bot/record/state-digest.ts).
import type { Incident } from '../model/incident-schema.ts';
import { chainedLists, combinedHead, genesisHash, legacyHead, linkHash, needsLegacySeal, type ChainedEntry } from './chain.ts';
import { checkFacts, type FactsStatus } from './state-digest.ts';

/** The first place the stored record departs from its chain. */
export interface ChainProblem {
  /** The list (`timeline`, `accessLog`), `chain` for the chain record, or `facts` for facts changed outside breachdesk. */
  list: string;
  /** 1-based entry number in the list (for `facts`: the timeline entry whose digest they fail); null when the problem is the chain record itself. */
  entry: number | null;
  /** One plain sentence naming what does not match. */
  reason: string;
}

/** What verification found. */
export type ChainStatus =
  | {
      state: 'intact'; head: string; entries: Record<string, number>; /** Where this verification ended (to resume from). */ verified: VerifiedPrefix;
      /** The current facts against the recorded state digest; absent when not checked (`show`). */
      facts?: Exclude<FactsStatus, { state: 'changed' }>;
    }
  /** Written before chaining and not sealed yet (sealed at the next start-up or change). */
  | { state: 'unsealed' }
  | { state: 'broken'; problem: ChainProblem };

/** Where an earlier verification of the same incident ended, per list: its first `entries` entries ended at `head`. */
export type VerifiedPrefix = Record<string, { entries: number; head: string }>;

/** What to check besides the chain. */
export interface VerifyOptions {
  /** Compare the current facts with the recorded state digest (default true; `show` leaves it out: a read stays cheap). */
  facts?: boolean;
}

/**
 * Verify every chained list and the head, then the facts against the last recorded state digest; nothing is rewritten.
 * With `from` (an earlier intact result for this incident, whose entries the append-only store cannot have changed
 * since) only the entries after it are hashed.
 */
export function verifyChain(incident: Incident, from?: VerifiedPrefix, options: VerifyOptions = {}): ChainStatus {
  const lists = chainedLists(incident);
  const chain = incident.chain;
  if (needsLegacySeal(incident)) return { state: 'unsealed' };
  if (!chain) {
    const hashed = lists.find(([, entries]) => entries.some((e) => e.hash !== undefined || e.prev !== undefined))!;
    return broken(hashed[0], null, 'its entries carry hashes but the incident has no chain record: the chain record was removed');
  }
  const counts: Record<string, number> = {};
  const heads: VerifiedPrefix = {};
  for (const [name, entries] of lists) {
    const problem = verifyList(incident.id, name, entries, chain.seal?.lists[name], chain.lists[name], from?.[name]);
    if (problem) return { state: 'broken', problem };
    counts[name] = entries.length;
    heads[name] = { entries: entries.length, head: chain.lists[name]?.head ?? genesisHash(incident.id, name) };
  }
  for (const name of Object.keys(chain.lists)) {
    if (!lists.some(([n]) => n === name)) return broken(name, null, `the chain records ${chain.lists[name]!.entries} ${name} entries but the incident has no ${name}`);
  }
  if (combinedHead(incident.id, chain.lists) !== chain.head) return broken('chain', null, 'the stored chain head does not match the heads of its lists');
  if (options.facts === false) return { state: 'intact', head: chain.head, entries: counts, verified: heads };
  const facts = checkFacts(incident);
  if (facts.state === 'changed') return broken('facts', facts.entry, facts.reason);
  return { state: 'intact', head: chain.head, entries: counts, verified: heads, facts };
}

function verifyList(
  id: string, name: string, entries: readonly ChainedEntry[], seal: { entries: number; head: string } | undefined,
  recorded: { head: string; entries: number } | undefined, from?: { entries: number; head: string },
): ChainProblem | undefined {
  const sealedCount = seal?.entries ?? 0;
  let prev = genesisHash(id, name);
  let start = 0;
  // Resume after a verified prefix only when it still ends where it did (beyond the sealed part, at a stored hash).
  if (from && from.entries > sealedCount && from.entries <= entries.length && entries[from.entries - 1]?.hash === from.head) {
    prev = from.head;
    start = from.entries;
  } else if (seal) {
    // Entries written before chaining: one link over all of them. A problem there can be placed only within that range.
    const range = `${listLabel(name)} entries 1–${seal.entries}, written before chaining and sealed on their first start-up,`;
    const legacy = entries.slice(0, seal.entries);
    const hashed = legacy.findIndex((e) => e.hash !== undefined || e.prev !== undefined);
    if (legacy.length < seal.entries || hashed !== -1) return { list: name, entry: Math.min(legacy.length, hashed === -1 ? legacy.length : hashed) + 1, reason: `${range} are not all there: one was removed or another added among them` };
    prev = legacyHead(id, name, legacy);
    if (prev !== seal.head) return { list: name, entry: 1, reason: `${range} no longer match their seal: one of them was edited, removed or reordered` };
    start = seal.entries;
  }
  for (let i = start; i < entries.length; i++) {
    const entry = entries[i]!;
    const n = i + 1;
    // Built only for a problem: start-up runs this over every stored entry.
    const label = () => describeEntry(name, n, entry);
    if (entry.hash === undefined || entry.prev === undefined) return { list: name, entry: n, reason: `${label()} carries no hash: it was added outside breachdesk` };
    if (entry.prev !== prev) return { list: name, entry: n, reason: `${label()} does not follow entry ${n - 1}: an entry before it was removed, inserted or reordered` };
    if (linkHash(entry, prev) !== entry.hash) return { list: name, entry: n, reason: `${label()} was edited after it was written (its content no longer matches its hash)` };
    prev = entry.hash;
  }
  const label = listLabel(name);
  if (!recorded) return entries.length ? { list: name, entry: 1, reason: `the chain has no record of the ${label.toLowerCase()}` } : undefined;
  if (entries.length < recorded.entries) return { list: name, entry: entries.length + 1, reason: `${label} entry ${entries.length + 1} is missing: the chain records ${recorded.entries} entries, ${entries.length} are stored` };
  if (entries.length > recorded.entries) return { list: name, entry: recorded.entries + 1, reason: `${label} entry ${recorded.entries + 1} is not covered by the chain head: it was added outside breachdesk` };
  if (prev !== recorded.head) return { list: name, entry: entries.length, reason: `The last ${label.toLowerCase()} entry does not end at the recorded chain head` };
  return undefined;
}

function describeEntry(list: string, n: number, entry: ChainedEntry): string {
  // Timeline entries name an action; access-log entries a kind and a command (`read show`).
  const what = typeof entry.action === 'string' ? entry.action : [entry.kind, entry.command].filter((v) => typeof v === 'string').join(' ');
  const details = [entry.at, what].filter((v): v is string => typeof v === 'string' && v.length > 0);
  return `${listLabel(list)} entry ${n}${details.length ? ` (${details.join(', ')})` : ''}`;
}

function listLabel(list: string): string {
  return list === 'timeline' ? 'Timeline' : list === 'accessLog' ? 'Access-log' : list;
}

function broken(list: string, entry: number | null, reason: string): ChainStatus {
  return { state: 'broken', problem: { list, entry, reason } };
}

/** One line for logs, banners and `verify`. */
export function describeChainStatus(id: string, status: ChainStatus): string {
  if (status.state === 'intact') return `${id}: chain intact, head ${status.head}`;
  if (status.state === 'unsealed') return `${id}: written before chaining, not sealed yet (sealed at the next start-up or change)`;
  return `${id}: RECORD BROKEN: ${status.problem.reason}.`;
}
