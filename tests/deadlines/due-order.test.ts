// The index's compact storage gives back exactly what was put in, and its due order stays the order a full sort gives
// however the entries change (one at a time, or in bulk before a read).
import { describe, expect, it } from 'vitest';
import type { DeadlineEntry, IndexedObligation } from '../../bot/deadlines/deadline-entry.ts';
import { DueOrder, ORDER_SPAN } from '../../bot/deadlines/due-order.ts';
import { PackedItems } from '../../bot/deadlines/packed-items.ts';

const T = Date.parse('2026-03-01T00:00:00Z');
const DAY = 86_400_000;

const item = (obligation: string, dueMs: number, extra: Partial<IndexedObligation> = {}): IndexedObligation => ({
  obligation, rule: obligation.split(':')[0]!, recipient: `Recipient of ${obligation}`, citation: `Citation of ${obligation}`,
  kind: 'date', verification: 'verified_primary_text', status: 'pending', dueMs, tolledUntilMs: null, ...extra,
});

const entry = (id: string, items: IndexedObligation[]): DeadlineEntry => ({
  id, open: true, zone: 'America/Chicago', readers: [], computedAt: T, validUntil: T + DAY, items: new PackedItems(items),
});

/** "BR-n obligation" in due order, then incident number, then obligation id: what a listing must show. */
const expected = (entries: DeadlineEntry[]) =>
  entries
    .flatMap((e) => e.items.all().map((i) => ({ id: e.id, n: Number(e.id.slice(3)), i })))
    .sort((a, b) => a.i.dueMs - b.i.dueMs || a.n - b.n || (a.i.obligation < b.i.obligation ? -1 : 1))
    .map((d) => `${d.id} ${d.i.obligation}`);

const listed = (order: DueOrder) => Array.from({ length: order.size }, (_, k) => order.at(k)).map((d) => `${d.entry.id} ${d.item.obligation}`);

describe('packed index items', () => {
  it('give back every field as given, a tolling end and each status included', () => {
    const given = [
      item('US-HIPAA:individuals', T + 5 * DAY, { status: 'overdue' }),
      item('US-TX:attorney_general', T + 9 * DAY, { status: 'tolled', tolledUntilMs: T + 30 * DAY, kind: 'instant', verification: 'unverified' }),
      item('CONTRACT-1', T + DAY, { status: 'due_soon', recipient: 'Acme Corp (clause 12.3)', kind: 'immediate', verification: 'verified_secondary' }),
    ];
    expect(new PackedItems(given).all()).toEqual(given);
  });

  it('are in the same order only with the same obligation ids at the same instants', () => {
    const base = [item('A:x', T), item('B:y', T + DAY)];
    const same = (other: IndexedObligation[]) => new PackedItems(base).sameOrder(new PackedItems(other));
    expect(same([base[0]!, { ...base[1]!, status: 'due_soon', recipient: 'someone else' }])).toBe(true);
    expect(same([base[0]!, { ...base[1]!, dueMs: T + 2 * DAY }])).toBe(false);
    expect(same([base[0]!, { ...base[1]!, obligation: 'B:z' }])).toBe(false);
    expect(same([base[0]!])).toBe(false);
  });

  it('keep their texts right past the shared table (50,000 distinct obligations, free-text contract recipients)', () => {
    const many = Array.from({ length: 50_010 }, (_, k) => item(`CONTRACT-${k}`, T + k, { recipient: `Customer ${k}` }));
    const packed = many.map((i) => new PackedItems([i]));
    expect(packed.slice(-20).map((p) => p.item(0))).toEqual(many.slice(-20));
  });
});

describe('the due order', () => {
  const first = [
    entry('BR-2', [item('A:x', T + 3 * DAY), item('B:y', T + DAY)]),
    entry('BR-1', [item('C:z', T + DAY), item('A:x', T + DAY)]),
    entry('BR-10', [item('A:x', T + 2 * DAY)]),
  ];

  it('lists by due instant, then incident number, then obligation id, and counts up to a horizon', () => {
    const order = new DueOrder();
    for (const e of first) order.replace(e);
    expect(listed(order)).toEqual(['BR-1 A:x', 'BR-1 C:z', 'BR-2 B:y', 'BR-10 A:x', 'BR-2 A:x']);
    expect(order.countUntil(T + DAY)).toBe(3);
    expect(order.countUntil(T + DAY - 1)).toBe(0);
  });

  it('one change at a time and bulk changes end in the order a full sort gives', () => {
    const changes = [
      entry('BR-1', [item('A:x', T + 4 * DAY, { status: 'overdue' })]),
      entry('BR-10', []),
      entry('BR-3', [item('D:w', T), item('A:x', T + 2 * DAY)]),
      entry('BR-2', [item('A:x', T + 3 * DAY), item('B:y', T + DAY, { status: 'due_soon' })]),
    ];
    const latest = new Map([...first, ...changes].map((e) => [e.id, e]));
    for (const bulk of [false, true]) {
      const order = new DueOrder();
      for (const e of first) order.replace(e, bulk);
      expect(listed(order)).toEqual(expected(first));
      for (const e of changes) order.replace(e, bulk);
      expect(listed(order)).toEqual(expected([...latest.values()]));
      expect(order.at(order.size - 1).item.status).toBe('overdue');
      // BR-2 kept its instants (the order stood) but the status it lists is the new one.
      expect(Array.from({ length: order.size }, (_, k) => order.at(k)).find((d) => d.entry.id === 'BR-2' && d.item.obligation === 'B:y')?.item.status).toBe('due_soon');
    }
  });

  it('takes a loaded order as given, keeps it through changes in place, and sorts afresh one naming an obligation not held', () => {
    // Slots 0 BR-2, 1 BR-1, 2 BR-10. Soonest first: BR-1 A:x and C:z (T + 1 day; A before C), BR-2 B:y (T + 1 day,
    // incident 2 after 1), BR-10 A:x (T + 2 days), BR-2 A:x (T + 3 days).
    const given = Float64Array.from([ORDER_SPAN + 1, ORDER_SPAN, 1, 2 * ORDER_SPAN, 0]);
    const order = new DueOrder();
    order.load(first, given);
    expect(listed(order)).toEqual(['BR-1 A:x', 'BR-1 C:z', 'BR-2 B:y', 'BR-10 A:x', 'BR-2 A:x']);
    expect(order.countUntil(T + DAY)).toBe(3);
    // BR-10 now due at T: first; BR-3 new, due at T + 2 days, after BR-10's old place would have been.
    order.replace(entry('BR-10', [item('A:x', T)]));
    order.replace(entry('BR-3', [item('A:x', T + 2 * DAY)]));
    expect(listed(order)).toEqual(['BR-10 A:x', 'BR-1 A:x', 'BR-1 C:z', 'BR-2 B:y', 'BR-3 A:x', 'BR-2 A:x']);
    // Slot 7 does not exist, nor a third obligation of BR-2: each order is dropped, and the listing is a full sort's.
    for (const wrong of [[ORDER_SPAN + 1, ORDER_SPAN, 7 * ORDER_SPAN, 2 * ORDER_SPAN, 0], [ORDER_SPAN + 1, ORDER_SPAN, 1, 2 * ORDER_SPAN, 2]]) {
      const fallback = new DueOrder();
      fallback.load(first, Float64Array.from(wrong));
      expect(listed(fallback)).toEqual(expected(first));
      const written = new DueOrder();
      written.load(first, Float64Array.from(wrong));
      expect(Array.from(written.ordered().sorted)).toEqual(Array.from(given));
      const changed = new DueOrder();
      changed.load(first, Float64Array.from(wrong));
      const sooner = entry('BR-10', [item('A:x', T)]);
      changed.replace(sooner);
      expect(listed(changed)).toEqual(expected([first[0]!, first[1]!, sooner]));
    }
  });

  it('after a bulk load, lists up to a horizon in the order a full sort gives, and the whole order after', () => {
    const bulk = [
      entry('BR-4', [item('A:x', T + 2 * DAY), item('B:y', T + 9 * DAY)]),
      entry('BR-3', [item('B:y', T + DAY), item('A:x', T + DAY)]),
      entry('BR-12', [item('A:x', T + DAY), item('C:z', T + 5 * DAY)]),
    ];
    const order = new DueOrder();
    for (const e of bulk) order.replace(e, true);
    // Due by T + 2 days: BR-3 A:x and B:y and BR-12 A:x (one day; BR-3 before BR-12, A before B), then BR-4 A:x.
    expect(order.countUntil(T + 2 * DAY)).toBe(4);
    expect([0, 1, 2, 3].map((k) => `${order.at(k).entry.id} ${order.at(k).item.obligation}`)).toEqual(['BR-3 A:x', 'BR-3 B:y', 'BR-12 A:x', 'BR-4 A:x']);
    expect(order.entryAt(3).id).toBe('BR-4');
    // Another horizon, then the whole order: both as a full sort gives them.
    expect(order.countUntil(T + 5 * DAY)).toBe(5);
    expect(order.at(4).item.obligation).toBe('C:z');
    expect(listed(order)).toEqual(expected(bulk));
    expect(order.countUntil(T + 2 * DAY)).toBe(4);
  });

  it('after a bulk load, lists the head of a long horizon in the full order, ties at the cut included', () => {
    // 700 incidents, two obligations each, due on one of 10 days: about 140 share each day, so the 256th soonest
    // falls inside a run of ties, and the head sorted first must hold all of that day's obligations in order.
    const many = Array.from({ length: 700 }, (_, k) => entry(`BR-${k + 1}`, [item('B:y', T + ((k * 7) % 10) * DAY), item('A:x', T + ((k * 3) % 10) * DAY)]));
    const order = new DueOrder();
    for (const e of many) order.replace(e, true);
    const horizon = T + 6 * DAY;
    const wanted = expected(many).filter((line) => {
      const [id, obligation] = line.split(' ');
      return many.find((e) => e.id === id)!.items.all().find((i) => i.obligation === obligation)!.dueMs <= horizon;
    });
    expect(order.countUntil(horizon)).toBe(wanted.length);
    // A late position first (a head twice as long), then every position from the start.
    expect(`${order.at(600).entry.id} ${order.at(600).item.obligation}`).toBe(wanted[600]);
    expect(Array.from({ length: wanted.length }, (_, k) => `${order.at(k).entry.id} ${order.at(k).item.obligation}`)).toEqual(wanted);
  });
});
