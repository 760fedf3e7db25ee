// The deadline index kept beside the store (`<store>.deadlines`), so a one-shot `due` reads due instants instead of
// running the engine over every open incident. Each line carries the store's change stamp of the incident it was
// computed from; a line whose stamp no longer matches, or a file written by other rules or engine code, is ignored.
// Line 1: {"format", "fingerprint", "strings", "templates"}; then `id<TAB>stamp<TAB>[entry, strings as indexes]` per incident.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeadlineEntry } from '../bot/deadlines/deadline-index.ts';
import { intern, internReaders } from '../bot/deadlines/deadline-entry.ts';
import { PackedItems, sharedTemplateCodes, sharedTemplates, type Template } from '../bot/deadlines/packed-items.ts';
import type { RuleSet } from '../bot/deadlines/rule-schema.ts';
import { appPath } from '../bot/app-root.ts';

const FORMAT = 'breachdesk-deadline-index/2';
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

// Version 2: an incident's obligations are stored as the index keeps them in memory (PackedItems' cells: due instant
// and template × 8 + status, against the header's templates), so a process whose template table was empty, as a
// one-shot `due` is, takes them as they are: no object and no look-up per obligation (a third of `due` at 10,000).
type Row = [open: 0 | 1, zone: number, readers: number[], computedAt: number, validUntil: number | null, cells: number[], tolled: Array<number | null> | null];
type TemplateRow = [obligation: number, rule: number, recipient: number, citation: number, kind: number, verification: number];
interface Header { format?: unknown; fingerprint?: unknown; strings?: unknown; templates?: unknown }

/** The entries of `path` whose stamps match `stamps` (others, and a file of another fingerprint, are left out). */
export function readIndexFile(path: string, fingerprint: string, stamps: ReadonlyMap<string, string>): DeadlineEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const lines = text.split('\n');
  let strings: string[];
  let templates: TemplateRow[];
  try {
    const header = JSON.parse(lines[0] ?? '') as Header;
    if (header.format !== FORMAT || header.fingerprint !== fingerprint || !Array.isArray(header.strings) || !Array.isArray(header.templates)) return [];
    strings = header.strings as string[];
    templates = header.templates as TemplateRow[];
  } catch {
    return [];
  }
  const s = (i: number) => strings[i]!;
  const codes = sharedTemplateCodes(templates.map(([o, r, rec, cit, kind, ver]) => ({
    obligation: s(o), rule: s(r), recipient: s(rec), citation: s(cit), kind: s(kind) as Template['kind'], verification: s(ver) as Template['verification'],
  })));
  // The file's template numbers are this process's when it registered them first; otherwise each code is translated.
  const same = codes.every((code, i) => code === i);
  const limit = templates.length * 8;
  const out: DeadlineEntry[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    const a = line.indexOf('\t');
    const b = line.indexOf('\t', a + 1);
    if (a < 1 || b < 0) continue;
    const id = line.slice(0, a);
    // Only lines of unchanged incidents are parsed at all.
    if (stamps.get(id) !== line.slice(a + 1, b)) continue;
    try {
      const [open, zone, readers, computedAt, validUntil, cells, tolled] = JSON.parse(line.slice(b + 1)) as Row;
      if (cells.length % 2 !== 0 || (tolled && tolled.length * 2 !== cells.length)) throw new Error('damaged');
      for (let i = 1; i < cells.length; i += 2) {
        const code = cells[i]!;
        if (!(code >= 0 && code < limit) || Math.floor(code) !== code) throw new Error('damaged');
        if (!same) {
          const template = codes[code >> 3];
          if (template === undefined) throw new Error('shared templates full'); // recomputed
          cells[i] = template * 8 + (code & 7);
        }
      }
      out.push({
        id, open: open === 1, zone: intern(s(zone)), readers: internReaders(readers.map(s)), computedAt, validUntil: validUntil ?? Number.POSITIVE_INFINITY,
        items: new PackedItems(tolled ? { cells, tolled: tolled.map((t) => t ?? Number.NaN) } : { cells }),
      });
    } catch {
      // A damaged line: that incident is computed afresh.
    }
  }
  return out;
}

/** Write `entries` stamped with `stamps` (entries of incidents without a stamp are left out), atomically. */
export function writeIndexFile(path: string, fingerprint: string, entries: Iterable<DeadlineEntry>, stamps: ReadonlyMap<string, string>): void {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const s = (text: string) => {
    let i = ids.get(text);
    if (i === undefined) {
      i = strings.push(text) - 1;
      ids.set(text, i);
    }
    return i;
  };
  const lines: string[] = [];
  for (const e of entries) {
    const stamp = stamps.get(e.id);
    const packed = e.items.packedCells();
    // An incident whose dates cannot be used, or with a template of its own, is judged again by the next process.
    if (stamp === undefined || e.problem || !packed) continue;
    const tolled = packed.tolled?.map((t) => (Number.isNaN(t) ? null : t)) ?? null;
    const row: Row = [e.open ? 1 : 0, s(e.zone), e.readers.map(s), e.computedAt, Number.isFinite(e.validUntil) ? e.validUntil : null, packed.cells, tolled];
    lines.push(`${e.id}\t${stamp}\t${JSON.stringify(row)}`);
  }
  // Every shared template, in code order, after the rows (which may have added none: they are made when entries are).
  const templates: TemplateRow[] = sharedTemplates().map((t) => [s(t.obligation), s(t.rule), s(t.recipient), s(t.citation), s(t.kind), s(t.verification)]);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify({ format: FORMAT, fingerprint, strings, templates })}\n${lines.join('\n')}\n`);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
