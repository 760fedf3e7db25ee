// The deadline index kept beside the store (`<store>.deadlines`), so a one-shot `due` reads due instants instead of
// running the engine over every open incident. Each line carries the store's change stamp of the incident it was
// computed from; a line whose stamp no longer matches, or a file written by other rules or engine code, is ignored.
// Line 1 is the format and the SHA-256 of everything after it; line 2 a JSON header (texts, templates, teams, ids and
// stamps); after it, every number of every entry as one block of 64-bit floats in this machine's byte order, read as it
// lies on disk (no text to parse per number). A file whose digest does not match (damaged, or edited by hand: one
// changed number made `due` say nothing was due) is refused, named in the log, and recomputed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import type { DeadlineEntry, IndexEntries } from '../bot/deadlines/deadline-index.ts';
import { DueOrder, ORDER_SPAN } from '../bot/deadlines/due-order.ts';
import { intern, internReaders } from '../bot/deadlines/deadline-entry.ts';
import { PackedItems, sharedTemplateCodes, sharedTemplates, type Template } from '../bot/deadlines/packed-items.ts';
import type { RuleSet } from '../bot/deadlines/rule-schema.ts';
import { appPath } from '../bot/app-root.ts';

const FORMAT = 'breachdesk-deadline-index/5';
// The code that decides what an entry holds: the engine and its rule handling, and the access policy (team keys).
const CODE_DIRS = [appPath('bot', 'deadlines'), appPath('bot', 'access')];

/** What an index file was computed with: the rules, the engine's code and this format. */
export function indexFingerprint(rules: RuleSet): string {
  const hash = createHash('sha256').update(FORMAT).update(JSON.stringify(rules.rules));
  for (const dir of CODE_DIRS) {
    for (const name of readdirSync(dir).sort()) if (/\.(ts|js)$/.test(name)) hash.update(name).update(readFileSync(join(dir, name)));
  }
  return hash.digest('hex');
}

// Version 3: an incident's obligations are stored as the index keeps them in memory (PackedItems' cells: due instant
// and template × 8 + status, against the header's templates), so a process whose template table was empty, as a
// one-shot `due` is, takes them as they are. Version 2 wrote them as JSON text per incident: parsing about 220,000
// numbers was 30 to 40 ms of a one-shot `due` at 10,000 incidents; the block of floats is read in about 1 ms.
// Per incident, in the block: open (0/1), zone (string index), team (index into `teams`), obligation count, tolled (0/1),
// computedAt, validUntil (Infinity: never), then [due, code] per obligation, then one tolling end per obligation if tolled.
// Version 5: after the incidents, every obligation in due order (the header's `sorted` references: incident place in the
// file × ORDER_SPAN + obligation place), so a one-shot `due` reads its first lines by binary search instead of
// gathering and sorting tens of thousands (about 15 ms at 10,000 incidents).
const FIXED = 7;
// Ids and stamps are each one text in the header, split on this (about 3 ms less to parse than 20,000 strings at
// 10,000 incidents, and matched as a whole against an unchanged store's).
const SEPARATOR = ' ';
// An entry's obligations fit under one slot's references in the due order.
const MAX_ITEMS = ORDER_SPAN - 1;
type TemplateRow = [obligation: number, rule: number, recipient: number, citation: number, kind: number, verification: number];
interface Header { format?: unknown; fingerprint?: unknown; byteOrder?: unknown; strings?: unknown; templates?: unknown; teams?: unknown; ids?: unknown; stamps?: unknown; numbers?: unknown; sorted?: unknown }

const NOTHING: IndexEntries = { entries: [] };

/**
 * The entries of `path` whose stamps match `stamps` (others, and a file of another fingerprint or damaged, are left out),
 * with their obligations in due order when the file's order checks out, and `whole` when they are one per incident
 * `stamps` names (every incident of the store, if each has a stamp). `refused` hears of a file of this format whose
 * digest does not match what it holds.
 */
export function readIndexFile(path: string, fingerprint: string, stamps: ReadonlyMap<string, string>, refused?: (why: string) => void): IndexEntries {
  let whole: Buffer;
  try {
    whole = readFileSync(path);
  } catch {
    return NOTHING;
  }
  const first = whole.indexOf(10);
  const [format, digest] = first < 0 ? [] : whole.toString('latin1', 0, first).split(' ');
  if (format !== FORMAT) return NOTHING;
  const file = whole.subarray(first + 1);
  if (digest !== createHash('sha256').update(file).digest('hex')) {
    refused?.(`${path} does not match its own digest (damaged, or changed outside breachdesk): not used, the deadlines are computed again`);
    return NOTHING;
  }
  const newline = file.indexOf(10);
  if (newline < 0) return NOTHING;
  let header: Header;
  try {
    header = JSON.parse(file.toString('utf8', 0, newline)) as Header;
  } catch {
    return NOTHING;
  }
  const { strings, templates, teams, ids: idText, stamps: stampText, numbers: count, sorted: sortedCount } = header;
  if (header.format !== FORMAT || header.fingerprint !== fingerprint || header.byteOrder !== endianness()) return NOTHING;
  if (!isArrayOf(strings, 'string') || typeof idText !== 'string' || typeof stampText !== 'string') return NOTHING;
  const ids = words(idText);
  // An unchanged store (the usual case): its stamps are the file's, in the file's order (writeIndexFile), compared as
  // two texts instead of one look-up per incident.
  const unchanged = ids.length === stamps.size && [...stamps.keys()].join(SEPARATOR) === idText && [...stamps.values()].join(SEPARATOR) === stampText;
  const written = unchanged ? [] : words(stampText);
  if (!unchanged && ids.length !== written.length) return NOTHING;
  if (!Array.isArray(templates) || !Array.isArray(teams) || !Number.isInteger(count) || !Number.isInteger(sortedCount) || (sortedCount as number) < 0) return NOTHING;
  if ((file.length - newline - 1) !== ((count as number) + (sortedCount as number)) * 8) return NOTHING;
  const s = (i: unknown) => (Number.isInteger(i) && (i as number) >= 0 && (i as number) < strings.length ? strings[i as number]! : undefined);
  const templateTexts: Template[] = [];
  for (const row of templates as unknown[]) {
    const texts = Array.isArray(row) && row.length === 6 ? row.map(s) : [];
    if (texts.length !== 6 || texts.some((t) => t === undefined)) return NOTHING;
    const [obligation, rule, recipient, citation, kind, verification] = texts as string[];
    templateTexts.push({ obligation: obligation!, rule: rule!, recipient: recipient!, citation: citation!, kind: kind as Template['kind'], verification: verification as Template['verification'] });
  }
  const readers: Array<readonly string[]> = [];
  for (const team of teams as unknown[]) {
    const keys = Array.isArray(team) ? team.map(s) : [undefined];
    if (keys.some((k) => k === undefined)) return NOTHING;
    readers.push(internReaders(keys as string[]));
  }
  const codes = sharedTemplateCodes(templateTexts);
  // The file's template numbers are this process's when it registered them first; otherwise each code is translated.
  const same = codes.every((code, i) => code === i);
  const limit = templateTexts.length * 8;
  // Copied once into an aligned block of its own: the entries keep views of it.
  const block = new Float64Array((count as number) + (sortedCount as number));
  Buffer.from(block.buffer).set(file.subarray(newline + 1));
  const numbers = block.subarray(0, count as number);
  const out: DeadlineEntry[] = [];
  // Per incident of the file: its place in `out` (-1: left out) and its obligation count; per entry taken: where its cells start.
  const places = { taken: new Int32Array(ids.length).fill(-1), items: new Int32Array(ids.length), cellsAt: new Int32Array(ids.length), obligations: 0 };
  // What the index counts over its entries (IndexEntries.whole), counted here as they are read.
  const counts = { open: 0, nextExpiry: Number.POSITIVE_INFINITY, latest: Number.NEGATIVE_INFINITY };
  // Zones are few: each looked up and pooled once, not once per incident.
  const zones: Array<string | undefined> = [];
  const zoneAt = (i: number) => (Number.isInteger(i) && i >= 0 && i < strings.length ? (zones[i] ??= intern(strings[i]!)) : undefined);
  let at = 0;
  for (let n = 0; n < ids.length; n++) {
    if (at + FIXED > numbers.length) return NOTHING;
    const open = numbers[at]!;
    const team = numbers[at + 2]!;
    const items = numbers[at + 3]!;
    const tolled = numbers[at + 4]!;
    const zone = zoneAt(numbers[at + 1]!);
    if ((open !== 0 && open !== 1) || zone === undefined || !(Number.isInteger(team) && team >= 0 && team < readers.length)) return NOTHING;
    if (!(Number.isInteger(items) && items >= 0 && items <= MAX_ITEMS) || (tolled !== 0 && tolled !== 1)) return NOTHING;
    const computedAt = numbers[at + 5]!;
    const validUntil = numbers[at + 6]!;
    const cellsAt = at + FIXED;
    const end = cellsAt + items * (tolled ? 3 : 2);
    if (end > numbers.length) return NOTHING;
    at = end;
    places.items[n] = items;
    // Only entries of unchanged incidents are taken at all.
    if (!unchanged && stamps.get(ids[n]!) !== written[n]) continue;
    if (!templatesKnown(numbers, cellsAt, items, limit, same ? undefined : codes)) continue; // recomputed
    counts.latest = Math.max(counts.latest, computedAt);
    if (open === 1) {
      counts.open++;
      counts.nextExpiry = Math.min(counts.nextExpiry, validUntil);
    }
    places.cellsAt[out.length] = cellsAt;
    places.taken[n] = out.length;
    places.obligations += items;
    // Places in the block, not a view object per incident (about a third of reading 10,000 entries).
    out.push({
      id: ids[n]!, open: open === 1, zone, readers: readers[team]!, computedAt, validUntil,
      items: new PackedItems(tolled ? { block: numbers, cellsAt, count: items, tolledAt: cellsAt + items * 2 } : { block: numbers, cellsAt, count: items }),
    });
  }
  if (at !== numbers.length) return NOTHING;
  const sorted = sortedTaken(block.subarray(numbers.length), numbers, places);
  // Every incident the stamps name, each once (they are the store's ids, in its order): the index needs no first pass.
  const every = unchanged && out.length === ids.length;
  return { entries: out, ...(sorted ? { sorted } : {}), ...(every ? { whole: counts } : {}) };
}

/**
 * The file's due order over the entries taken (`places`), or undefined (sorted again at the first read). With every
 * incident taken it is used as it lies, covered by the digest as the due instants are (DueOrder checks each reference
 * it reads); otherwise the incidents left out are taken out of it, and it must name real obligations in due order and
 * hold every obligation taken.
 */
function sortedTaken(refs: Float64Array, numbers: Float64Array, places: { taken: Int32Array; items: Int32Array; cellsAt: Int32Array; obligations: number }): Float64Array | number[] | undefined {
  const { taken, items, cellsAt } = places;
  if (taken.length === 0 || taken[taken.length - 1] === taken.length - 1) return refs.length === places.obligations ? refs : undefined;
  const kept: number[] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < refs.length; k++) {
    const ref = refs[k]!;
    const n = Math.floor(ref / ORDER_SPAN);
    const i = ref - n * ORDER_SPAN;
    if (!(n >= 0 && n < taken.length && i < items[n]!) || !Number.isInteger(i)) return undefined;
    const slot = taken[n]!;
    if (slot < 0) continue;
    const due = numbers[cellsAt[slot]! + i * 2]!;
    if (!(due >= last)) return undefined;
    last = due;
    kept.push(slot * ORDER_SPAN + i);
  }
  return kept.length === places.obligations ? kept : undefined;
}

/**
 * Check the due instants and template codes of `count` obligations from `at` in the block, translating each code to
 * this process's numbering when `codes` is given; false if one is unusable.
 */
function templatesKnown(cells: Float64Array, at: number, count: number, limit: number, codes: ReadonlyArray<number | undefined> | undefined): boolean {
  for (let i = at + 1; i < at + count * 2; i += 2) {
    const code = cells[i]!;
    // A due instant must be a real instant: NaN or an infinity would break the order every listing reads.
    if (!Number.isFinite(cells[i - 1]!)) return false;
    if (!(code >= 0 && code < limit) || Math.floor(code) !== code) return false;
    if (codes) {
      const template = codes[code >> 3];
      if (template === undefined) return false; // the shared table is full
      cells[i] = template * 8 + (code & 7);
    }
  }
  return true;
}

/** The words of a header list (SEPARATOR between them). */
function words(text: string): string[] {
  return text === '' ? [] : text.split(SEPARATOR);
}

function isArrayOf(value: unknown, type: 'string'): value is string[] {
  if (!Array.isArray(value)) return false;
  // A plain loop: a one-shot command runs this once, in the interpreter, over 20,000 strings at 10,000 incidents, where a
  // callback per element costs several times more.
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== type) return false;
  return true;
}

/**
 * Write `index` stamped with `stamps` (entries of incidents without a stamp are left out), atomically, with its due
 * order (sorted here when it comes without one).
 */
export function writeIndexFile(path: string, fingerprint: string, index: IndexEntries, stamps: ReadonlyMap<string, string>): void {
  const { entries, sorted } = index.sorted ? { entries: index.entries, sorted: index.sorted } : sortedNow(index.entries);
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const s = (text: string) => {
    let i = stringIds.get(text);
    if (i === undefined) {
      i = strings.push(text) - 1;
      stringIds.set(text, i);
    }
    return i;
  };
  const teams: number[][] = [];
  const teamIds = new Map<readonly string[], number>();
  const team = (keys: readonly string[]) => {
    let i = teamIds.get(keys); // pooled lists (internReaders): one look-up per team, not per incident
    if (i === undefined) {
      i = teams.push(keys.map(s)) - 1;
      teamIds.set(keys, i);
    }
    return i;
  };
  const ids: string[] = [];
  const written: string[] = [];
  const numbers: number[] = [];
  // Each entry's place in the file (-1: left out). In the store's order (its stamps'), so a reader of an unchanged
  // store finds every stamp matching by comparing two texts, not one look-up per incident.
  const place = new Int32Array(entries.length).fill(-1);
  const slots = new Map(entries.map((e, slot) => [e.id, slot]));
  for (const [id, stamp] of stamps) {
    const slot = slots.get(id);
    if (slot === undefined) continue;
    const e = entries[slot]!;
    const packed = e.items.packedCells();
    // An incident whose dates cannot be used, or with a template of its own, is judged again by the next process (and
    // one whose id or stamp would not survive being listed in one text: none does, from the stores there are).
    if (e.problem || !packed || id.includes(SEPARATOR) || stamp.includes(SEPARATOR)) continue;
    place[slot] = ids.length;
    ids.push(e.id);
    written.push(stamp);
    const items = packed.cells.length / 2;
    numbers.push(e.open ? 1 : 0, s(e.zone), team(e.readers), items, packed.tolled ? 1 : 0, e.computedAt, e.validUntil);
    for (let i = 0; i < packed.cells.length; i++) numbers.push(packed.cells[i]!);
    if (packed.tolled) for (let i = 0; i < items; i++) numbers.push(packed.tolled[i]!);
  }
  // Every shared template, in code order, after the entries (which may have added none: they are made when entries are).
  const templates: TemplateRow[] = sharedTemplates().map((t) => [s(t.obligation), s(t.rule), s(t.recipient), s(t.citation), s(t.kind), s(t.verification)]);
  const count = numbers.length;
  for (let k = 0; k < sorted.length; k++) {
    const slot = Math.floor(sorted[k]! / ORDER_SPAN);
    if (place[slot]! >= 0) numbers.push(place[slot]! * ORDER_SPAN + (sorted[k]! - slot * ORDER_SPAN));
  }
  const header = JSON.stringify({ format: FORMAT, fingerprint, byteOrder: endianness(), strings, templates, teams, ids: ids.join(SEPARATOR), stamps: written.join(SEPARATOR), numbers: count, sorted: numbers.length - count });
  const block = Float64Array.from(numbers);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    const body = Buffer.concat([Buffer.from(`${header}\n`), Buffer.from(block.buffer, block.byteOffset, block.byteLength)]);
    writeFileSync(temp, Buffer.concat([Buffer.from(`${FORMAT} ${createHash('sha256').update(body).digest('hex')}\n`), body]));
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** `entries` with their obligations in due order (an index written without its order: tests, tools). */
function sortedNow(entries: readonly DeadlineEntry[]): Required<Omit<IndexEntries, 'whole'>> {
  const order = new DueOrder();
  order.load(entries);
  return order.ordered();
}
