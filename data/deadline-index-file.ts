// The deadline index kept beside the store (`<store>.deadlines`), so a one-shot `due` reads due instants instead of
// running the engine over every open incident. Each line carries the store's change stamp of the incident it was
// computed from; a line whose stamp no longer matches, or a file written by other rules or engine code, is ignored.
// Line 1: {"format", "fingerprint", "strings"}; then `id<TAB>stamp<TAB>[entry with strings as indexes]` per incident.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeadlineEntry, IndexedObligation } from '../bot/deadlines/deadline-index.ts';
import { intern, internReaders } from '../bot/deadlines/deadline-entry.ts';
import { PackedItems } from '../bot/deadlines/packed-items.ts';
import type { RuleSet } from '../bot/deadlines/rule-schema.ts';
import { appPath } from '../bot/app-root.ts';

const FORMAT = 'breachdesk-deadline-index/1';
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

type Row = [open: 0 | 1, zone: number, readers: number[], computedAt: number, validUntil: number | null, items: ItemRow[]];
type ItemRow = [obligation: number, rule: number, recipient: number, citation: number, kind: number, verification: number, status: number, dueMs: number, tolledUntilMs: number | null];

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
  try {
    const header = JSON.parse(lines[0] ?? '') as { format?: unknown; fingerprint?: unknown; strings?: unknown };
    if (header.format !== FORMAT || header.fingerprint !== fingerprint || !Array.isArray(header.strings)) return [];
    strings = header.strings as string[];
  } catch {
    return [];
  }
  const s = (i: number) => strings[i]!;
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
      const [open, zone, readers, computedAt, validUntil, items] = JSON.parse(line.slice(b + 1)) as Row;
      out.push({
        id, open: open === 1, zone: intern(s(zone)), readers: internReaders(readers.map(s)), computedAt, validUntil: validUntil ?? Number.POSITIVE_INFINITY,
        items: new PackedItems(items.map(([o, r, rec, cit, kind, ver, st, dueMs, tolledUntilMs]) => ({
          obligation: s(o), rule: s(r), recipient: s(rec), citation: s(cit), kind: s(kind) as IndexedObligation['kind'],
          verification: s(ver) as IndexedObligation['verification'], status: s(st) as IndexedObligation['status'], dueMs, tolledUntilMs,
        }))),
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
    // An incident whose dates cannot be used is judged again by the next process, not carried over.
    if (stamp === undefined || e.problem) continue;
    const items: ItemRow[] = e.items.all().map((i) => [s(i.obligation), s(i.rule), s(i.recipient), s(i.citation), s(i.kind), s(i.verification), s(i.status), i.dueMs, i.tolledUntilMs]);
    const row: Row = [e.open ? 1 : 0, s(e.zone), e.readers.map(s), e.computedAt, Number.isFinite(e.validUntil) ? e.validUntil : null, items];
    lines.push(`${e.id}\t${stamp}\t${JSON.stringify(row)}`);
  }
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify({ format: FORMAT, fingerprint, strings })}\n${lines.join('\n')}\n`);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
