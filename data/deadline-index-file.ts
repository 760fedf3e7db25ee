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
import type { DeadlineEntry } from '../bot/deadlines/deadline-index.ts';
import { intern, internReaders } from '../bot/deadlines/deadline-entry.ts';
import { PackedItems, sharedTemplateCodes, sharedTemplates, type Template } from '../bot/deadlines/packed-items.ts';
import type { RuleSet } from '../bot/deadlines/rule-schema.ts';
import { appPath } from '../bot/app-root.ts';

const FORMAT = 'breachdesk-deadline-index/4';
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
const FIXED = 7;
const MAX_ITEMS = 65_535;
type TemplateRow = [obligation: number, rule: number, recipient: number, citation: number, kind: number, verification: number];
interface Header { format?: unknown; fingerprint?: unknown; byteOrder?: unknown; strings?: unknown; templates?: unknown; teams?: unknown; ids?: unknown; stamps?: unknown; numbers?: unknown }

/**
 * The entries of `path` whose stamps match `stamps` (others, and a file of another fingerprint or damaged, are left out).
 * `refused` hears of a file of this format whose digest does not match what it holds.
 */
export function readIndexFile(path: string, fingerprint: string, stamps: ReadonlyMap<string, string>, refused?: (why: string) => void): DeadlineEntry[] {
  let whole: Buffer;
  try {
    whole = readFileSync(path);
  } catch {
    return [];
  }
  const first = whole.indexOf(10);
  const [format, digest] = first < 0 ? [] : whole.toString('latin1', 0, first).split(' ');
  if (format !== FORMAT) return [];
  const file = whole.subarray(first + 1);
  if (digest !== createHash('sha256').update(file).digest('hex')) {
    refused?.(`${path} does not match its own digest (damaged, or changed outside breachdesk): not used, the deadlines are computed again`);
    return [];
  }
  const newline = file.indexOf(10);
  if (newline < 0) return [];
  let header: Header;
  try {
    header = JSON.parse(file.toString('utf8', 0, newline)) as Header;
  } catch {
    return [];
  }
  const { strings, templates, teams, ids, stamps: written, numbers: count } = header;
  if (header.format !== FORMAT || header.fingerprint !== fingerprint || header.byteOrder !== endianness()) return [];
  if (!isArrayOf(strings, 'string') || !isArrayOf(ids, 'string') || !isArrayOf(written, 'string') || ids.length !== written.length) return [];
  if (!Array.isArray(templates) || !Array.isArray(teams) || !Number.isInteger(count) || (file.length - newline - 1) !== (count as number) * 8) return [];
  const s = (i: unknown) => (Number.isInteger(i) && (i as number) >= 0 && (i as number) < strings.length ? strings[i as number]! : undefined);
  const templateTexts: Template[] = [];
  for (const row of templates as unknown[]) {
    const texts = Array.isArray(row) && row.length === 6 ? row.map(s) : [];
    if (texts.length !== 6 || texts.some((t) => t === undefined)) return [];
    const [obligation, rule, recipient, citation, kind, verification] = texts as string[];
    templateTexts.push({ obligation: obligation!, rule: rule!, recipient: recipient!, citation: citation!, kind: kind as Template['kind'], verification: verification as Template['verification'] });
  }
  const readers: Array<readonly string[]> = [];
  for (const team of teams as unknown[]) {
    const keys = Array.isArray(team) ? team.map(s) : [undefined];
    if (keys.some((k) => k === undefined)) return [];
    readers.push(internReaders(keys as string[]));
  }
  const codes = sharedTemplateCodes(templateTexts);
  // The file's template numbers are this process's when it registered them first; otherwise each code is translated.
  const same = codes.every((code, i) => code === i);
  const limit = templateTexts.length * 8;
  // Copied once into an aligned block of its own: the entries keep views of it.
  const numbers = new Float64Array(count as number);
  Buffer.from(numbers.buffer).set(file.subarray(newline + 1));
  const out: DeadlineEntry[] = [];
  let at = 0;
  for (let n = 0; n < ids.length; n++) {
    if (at + FIXED > numbers.length) return [];
    const open = numbers[at]!;
    const team = numbers[at + 2]!;
    const items = numbers[at + 3]!;
    const tolled = numbers[at + 4]!;
    const zoneName = s(numbers[at + 1]);
    if ((open !== 0 && open !== 1) || zoneName === undefined || !(Number.isInteger(team) && team >= 0 && team < readers.length)) return [];
    if (!(Number.isInteger(items) && items >= 0 && items <= MAX_ITEMS) || (tolled !== 0 && tolled !== 1)) return [];
    const computedAt = numbers[at + 5]!;
    const validUntil = numbers[at + 6]!;
    const cellsAt = at + FIXED;
    const end = cellsAt + items * (tolled ? 3 : 2);
    if (end > numbers.length) return [];
    at = end;
    // Only entries of unchanged incidents are taken at all.
    if (stamps.get(ids[n]!) !== written[n]) continue;
    if (!templatesKnown(numbers, cellsAt, items, limit, same ? undefined : codes)) continue; // recomputed
    // Places in the block, not a view object per incident (about a third of reading 10,000 entries).
    out.push({
      id: ids[n]!, open: open === 1, zone: intern(zoneName), readers: readers[team]!, computedAt, validUntil,
      items: new PackedItems(tolled ? { block: numbers, cellsAt, count: items, tolledAt: cellsAt + items * 2 } : { block: numbers, cellsAt, count: items }),
    });
  }
  return at === numbers.length ? out : [];
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

function isArrayOf(value: unknown, type: 'string'): value is string[] {
  if (!Array.isArray(value)) return false;
  // A plain loop: a one-shot command runs this once, in the interpreter, over 20,000 strings at 10,000 incidents, where a
  // callback per element costs several times more.
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== type) return false;
  return true;
}

/** Write `entries` stamped with `stamps` (entries of incidents without a stamp are left out), atomically. */
export function writeIndexFile(path: string, fingerprint: string, entries: Iterable<DeadlineEntry>, stamps: ReadonlyMap<string, string>): void {
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
  for (const e of entries) {
    const stamp = stamps.get(e.id);
    const packed = e.items.packedCells();
    // An incident whose dates cannot be used, or with a template of its own, is judged again by the next process.
    if (stamp === undefined || e.problem || !packed) continue;
    ids.push(e.id);
    written.push(stamp);
    const items = packed.cells.length / 2;
    numbers.push(e.open ? 1 : 0, s(e.zone), team(e.readers), items, packed.tolled ? 1 : 0, e.computedAt, e.validUntil);
    for (let i = 0; i < packed.cells.length; i++) numbers.push(packed.cells[i]!);
    if (packed.tolled) for (let i = 0; i < items; i++) numbers.push(packed.tolled[i]!);
  }
  // Every shared template, in code order, after the entries (which may have added none: they are made when entries are).
  const templates: TemplateRow[] = sharedTemplates().map((t) => [s(t.obligation), s(t.rule), s(t.recipient), s(t.citation), s(t.kind), s(t.verification)]);
  const header = JSON.stringify({ format: FORMAT, fingerprint, byteOrder: endianness(), strings, templates, teams, ids, stamps: written, numbers: numbers.length });
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
