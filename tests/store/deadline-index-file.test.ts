// The deadline index file beside the store gives back what was written for unchanged incidents only, with their due
// order, and its obligations keep their texts whatever template numbers the reading process already uses.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeadlineEntry, IndexedObligation } from '../../bot/deadlines/deadline-entry.ts';
import { DueOrder, ORDER_SPAN } from '../../bot/deadlines/due-order.ts';
import { PackedItems } from '../../bot/deadlines/packed-items.ts';
import { readIndexFile, writeIndexFile } from '../../data/deadline-index-file.ts';

const T = Date.parse('2026-03-01T00:00:00Z');
const DAY = 86_400_000;
const FINGERPRINT = 'test-fingerprint';

const item = (obligation: string, dueMs: number, extra: Partial<IndexedObligation> = {}): IndexedObligation => ({
  obligation, rule: obligation.split(':')[0]!, recipient: `Recipient of ${obligation}`, citation: `Citation of ${obligation}`,
  kind: 'date', verification: 'verified_primary_text', status: 'pending', dueMs, tolledUntilMs: null, ...extra,
});

const entry = (id: string, items: IndexedObligation[], extra: Partial<DeadlineEntry> = {}): DeadlineEntry => ({
  id, open: true, zone: 'America/Chicago', readers: ['slack:U1', 'teams:a'], computedAt: T, validUntil: T + DAY, items: new PackedItems(items), ...extra,
});

const plain = (e: DeadlineEntry) => ({ ...e, items: e.items.all() });
const tempFile = () => join(mkdtempSync(join(tmpdir(), 'breachdesk-index-file-')), 'store.deadlines');

interface Header { strings: string[]; templates: number[][]; numbers: number; sorted: number }
/** The file's JSON header line and its block of numbers (written in this machine's byte order), after its digest line. */
const parts = (path: string) => {
  const whole = readFileSync(path);
  const file = whole.subarray(whole.indexOf(10) + 1);
  const newline = file.indexOf(10);
  const body = file.subarray(newline + 1);
  const numbers = new Float64Array(body.length / 8);
  Buffer.from(numbers.buffer).set(body);
  return { format: whole.toString('latin1', 0, whole.indexOf(10)).split(' ')[0]!, header: JSON.parse(file.toString('utf8', 0, newline)) as Header, numbers };
};
/** Write a header and numbers under a digest line that matches them (as code writing wrong contents would). */
const writeParts = (path: string, header: Header, numbers: Float64Array, format = 'breachdesk-deadline-index/5') => {
  const body = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength)]);
  writeFileSync(path, Buffer.concat([Buffer.from(`${format} ${createHash('sha256').update(body).digest('hex')}\n`), body]));
};

describe('the deadline index file', () => {
  const entries = [
    entry('BR-1', [
      item('IDX-A:individuals', T + 5 * DAY, { status: 'overdue' }),
      item('IDX-B:attorney_general', T + 9 * DAY, { status: 'tolled', tolledUntilMs: T + 30 * DAY, kind: 'instant', verification: 'unverified' }),
    ]),
    entry('BR-2', [item('IDX-A:individuals', T + DAY, { status: 'due_soon' })], { open: false, readers: [], validUntil: Number.POSITIVE_INFINITY }),
    entry('BR-3', []),
  ];
  const stamps = new Map([['BR-1', 's1'], ['BR-2', 's2'], ['BR-3', 's3']]);

  it('gives back every entry of an unchanged incident, field for field', () => {
    const path = tempFile();
    writeIndexFile(path, FINGERPRINT, { entries }, stamps);
    expect(readIndexFile(path, FINGERPRINT, stamps).entries.map(plain)).toEqual(entries.map(plain));
  });

  it('refuses, and says so, a file whose contents were changed after it was written: one due instant moved', () => {
    const path = tempFile();
    writeIndexFile(path, FINGERPRINT, { entries }, stamps);
    const file = readFileSync(path);
    const { numbers } = parts(path);
    // BR-1's first due instant (after its 7 fixed numbers) moved a year later, the digest line left as it was.
    const moved = Float64Array.from(numbers);
    moved[7] = T + 365 * DAY;
    const bodyAt = file.length - numbers.byteLength;
    writeFileSync(path, Buffer.concat([file.subarray(0, bodyAt), Buffer.from(moved.buffer)]));
    const why: string[] = [];
    expect(readIndexFile(path, FINGERPRINT, stamps, (w) => why.push(w)).entries).toEqual([]);
    expect(why).toEqual([`${path} does not match its own digest (damaged, or changed outside breachdesk): not used, the deadlines are computed again`]);
    // A file of an earlier format is simply not used (computed again), not reported as tampered with.
    const { header } = parts(path);
    writeParts(path, header, numbers, 'breachdesk-deadline-index/3');
    expect(readIndexFile(path, FINGERPRINT, stamps, (w) => why.push(w)).entries).toEqual([]);
    expect(why).toHaveLength(1);
  });

  it('leaves out incidents changed since, unknown ones, and everything under another fingerprint or when damaged', () => {
    const path = tempFile();
    writeIndexFile(path, FINGERPRINT, { entries }, stamps);
    const read = readIndexFile(path, FINGERPRINT, new Map([['BR-1', 's1-changed'], ['BR-3', 's3']])).entries;
    expect(read.map((e) => e.id)).toEqual(['BR-3']);
    expect(readIndexFile(path, 'other rules or code', stamps).entries).toEqual([]);
    const { header, numbers } = parts(path);
    // An unknown template code in BR-1's first obligation: that incident alone is dropped (computed afresh).
    const damaged = Float64Array.from(numbers);
    damaged[7 + 1] = header.templates.length * 8 + 3;
    writeParts(path, header, damaged);
    expect(readIndexFile(path, FINGERPRINT, stamps).entries.map((e) => e.id)).toEqual(['BR-2', 'BR-3']);
    // A due instant that is not a number: the same.
    const undated = Float64Array.from(numbers);
    undated[7] = Number.NaN;
    writeParts(path, header, undated);
    expect(readIndexFile(path, FINGERPRINT, stamps).entries.map((e) => e.id)).toEqual(['BR-2', 'BR-3']);
    // A cut file, or a count that runs past the numbers: nothing is trusted.
    writeParts(path, header, numbers.subarray(0, numbers.length - 1));
    expect(readIndexFile(path, FINGERPRINT, stamps).entries).toEqual([]);
    const overlong = Float64Array.from(numbers);
    overlong[3] = 900;
    writeParts(path, header, overlong);
    expect(readIndexFile(path, FINGERPRINT, stamps).entries).toEqual([]);
    writeFileSync(path, '{"format":"breachdesk-deadline-index/3"');
    expect(readIndexFile(path, FINGERPRINT, stamps).entries).toEqual([]);
  });

  it('keeps each obligation its texts when the file numbers its templates otherwise than the reading process', () => {
    // This process knows IDX-A before IDX-B (the entries above); a file listing IDX-B first numbers them the other way.
    const path = tempFile();
    writeIndexFile(path, FINGERPRINT, { entries }, stamps);
    const { header, numbers } = parts(path);
    const places = (name: string) => header.templates.findIndex((t) => header.strings[t[0]!] === name);
    const a = places('IDX-A:individuals');
    const b = places('IDX-B:attorney_general');
    [header.templates[a], header.templates[b]] = [header.templates[b]!, header.templates[a]!];
    const swap = (code: number) => (code >> 3 === a ? b * 8 + (code & 7) : code >> 3 === b ? a * 8 + (code & 7) : code);
    // Walk the incidents as the format says: 7 fixed numbers, [due, code] per obligation, then tolling ends if tolled.
    const swapped = Float64Array.from(numbers);
    for (let at = 0; at < header.numbers; ) {
      const items = swapped[at + 3]!;
      for (let i = 0; i < items; i++) swapped[at + 7 + 2 * i + 1] = swap(swapped[at + 7 + 2 * i + 1]!);
      at += 7 + items * (swapped[at + 4] ? 3 : 2);
    }
    writeParts(path, header, swapped);
    expect(readIndexFile(path, FINGERPRINT, stamps).entries.map(plain)).toEqual(entries.map(plain));
  });

  it('keeps every obligation in due order, in the store\'s order of incidents, and leaves out of it the incidents left out', () => {
    const path = tempFile();
    // The store lists BR-3, BR-1, BR-2: the file follows it (an unchanged store is then matched as a whole).
    const storeOrder = new Map([['BR-3', 's3'], ['BR-1', 's1'], ['BR-2', 's2']]);
    writeIndexFile(path, FINGERPRINT, { entries }, storeOrder);
    const { header, numbers } = parts(path);
    expect((header as unknown as { ids: string }).ids).toBe('BR-3 BR-1 BR-2');
    // Due order: BR-2 IDX-A (T + 1 day), BR-1 IDX-A (T + 5 days), BR-1 IDX-B (T + 9 days). In the file BR-1 is
    // incident 1 and BR-2 incident 2: references 2 × SPAN + 0, 1 × SPAN + 0, 1 × SPAN + 1.
    expect(header.sorted).toBe(3);
    expect(Array.from(numbers.subarray(header.numbers))).toEqual([2 * ORDER_SPAN, ORDER_SPAN, ORDER_SPAN + 1]);
    const read = readIndexFile(path, FINGERPRINT, storeOrder);
    expect(read.entries.map((e) => e.id)).toEqual(['BR-3', 'BR-1', 'BR-2']);
    expect(Array.from(read.sorted!)).toEqual([2 * ORDER_SPAN, ORDER_SPAN, ORDER_SPAN + 1]);
    // The stamps are the file's, in its order: the entries are the whole store. Open: BR-1 and BR-3 (valid until
    // T + 1 day); all computed at T.
    expect(read.whole).toEqual({ open: 2, nextExpiry: T + DAY, latest: T });
    // Asked with the same stamps listed otherwise: every incident still matches, one by one.
    const reordered = readIndexFile(path, FINGERPRINT, stamps);
    expect(reordered.entries.map((e) => e.id)).toEqual(['BR-3', 'BR-1', 'BR-2']);
    expect(reordered.whole).toBeUndefined();
    // BR-2 changed since: left out, and out of the order; BR-1 is now entry 1 (BR-3 is 0).
    const changed = readIndexFile(path, FINGERPRINT, new Map([...storeOrder, ['BR-2', 's2-changed']]));
    expect(changed.entries.map((e) => e.id)).toEqual(['BR-3', 'BR-1']);
    expect(changed.whole).toBeUndefined();
    expect(Array.from(changed.sorted!)).toEqual([ORDER_SPAN, ORDER_SPAN + 1]);
    // A stamp that the header's list could not keep apart (a space in it) leaves its incident out, for recomputing.
    writeIndexFile(path, FINGERPRINT, { entries }, new Map([...storeOrder, ['BR-3', 's 3']]));
    expect(readIndexFile(path, FINGERPRINT, new Map([...storeOrder, ['BR-3', 's 3']])).entries.map((e) => e.id)).toEqual(['BR-1', 'BR-2']);
    const order = new DueOrder();
    order.load(changed.entries, changed.sorted);
    expect([0, 1].map((k) => `${order.at(k).entry.id} ${order.at(k).item.obligation}`)).toEqual(['BR-1 IDX-A:individuals', 'BR-1 IDX-B:attorney_general']);
  });

  it('gives no order (sorted again at the first read) when the file\'s does not hold', () => {
    const path = tempFile();
    writeIndexFile(path, FINGERPRINT, { entries }, stamps);
    const { header, numbers } = parts(path);
    const withOrder = (refs: number[]) => {
      writeParts(path, { ...header, sorted: refs.length }, Float64Array.from([...numbers.subarray(0, header.numbers), ...refs]));
      return readIndexFile(path, FINGERPRINT, new Map([...stamps, ['BR-2', 's2-changed']]));
    };
    // File order BR-1, BR-2, BR-3. With BR-2 left out: T + 9 days listed before T + 5 days, a reference to no
    // obligation, and one obligation missing: each time the entries are given, without an order.
    for (const refs of [[ORDER_SPAN, 1, 0], [ORDER_SPAN, 0, 7], [0, ORDER_SPAN]]) {
      const read = withOrder(refs);
      expect(read.entries.map((e) => e.id)).toEqual(['BR-1', 'BR-3']);
      expect(read.sorted).toBeUndefined();
    }
  });

  // Last: it fills this process's shared template table for good.
  it('leaves out an incident whose obligations have templates of their own (the shared table full), for recomputing', () => {
    for (let k = 0; k < 50_010; k++) new PackedItems([item(`FILL-${k}`, T, { recipient: `Customer ${k}` })]);
    const own = entry('BR-9', [item('IDX-C:individuals', T + DAY)]);
    const path = tempFile();
    const withOwn = new Map([...stamps, ['BR-9', 's9']]);
    writeIndexFile(path, FINGERPRINT, { entries: [...entries, own] }, withOwn);
    expect(readIndexFile(path, FINGERPRINT, withOwn).entries.map((e) => e.id)).toEqual(['BR-1', 'BR-2', 'BR-3']);
  });
});
