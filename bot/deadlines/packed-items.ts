// How the deadline index holds its obligations in memory. At 100,000 incidents it keeps about a million of them;
// as one object each (nine fields, a boxed due instant) they took about 180 MB. The strings an obligation shares
// with every incident under the same rule (obligation id, rule, recipient, citation, kind, verification) are one
// shared template here, and per incident only numbers are kept: due instant and template-and-status code, two doubles
// per obligation in one array sized exactly (16 bytes each), plus tolling ends only for an incident that has one.
import type { VerificationLevel } from './rule-schema.ts';
import type { ObligationKind, ObligationStatus } from './types.ts';

/** An open obligation with a due instant, as `due`, the portfolio digest and the App Home show it. */
export interface IndexedObligation {
  obligation: string;
  rule: string;
  recipient: string;
  citation: string;
  kind: ObligationKind;
  verification: VerificationLevel;
  status: ObligationStatus;
  /** Due instant, epoch ms. */
  dueMs: number;
  /** End of a law-enforcement delay covering it, epoch ms. */
  tolledUntilMs: number | null;
}

/** What an obligation shares with every incident under the same rule. */
export type Template = Pick<IndexedObligation, 'obligation' | 'rule' | 'recipient' | 'citation' | 'kind' | 'verification'>;

/** Numbers held in a plain array, or in the deadline index file's block of numbers (or a view of it: no copy). */
export type Numbers = number[] | Float64Array;

/** The numbers a PackedItems keeps, with shared templates only (what the deadline index file stores per incident). */
export interface PackedCells {
  /** [due epoch ms, shared template × 8 + status code] per obligation. */
  cells: Numbers;
  /** Tolling end per obligation (NaN: none), when one has it. */
  tolled?: Numbers;
}

/**
 * The same numbers as places in one larger block (the deadline index file's, read at start-up): no view object per
 * incident. `count` obligations from `cellsAt` in `block` ([due, code] each), tolling ends from `tolledAt` if any.
 */
export interface BlockCells {
  block: Float64Array;
  cellsAt: number;
  count: number;
  tolledAt?: number;
}

const STATUSES: readonly ObligationStatus[] = ['pending', 'due_soon', 'overdue', 'done', 'tolled', 'not_applicable', 'needs_facts', 'not_covered'];
const STATUS_CODE = new Map(STATUSES.map((s, i) => [s, i]));
const STRIDE = 2;
/** Templates shared by the whole process; past this many (free-text contractual recipients), an entry keeps its own. */
const MAX_SHARED = 50_000;
const shared: Template[] = [];
const sharedCode = new Map<string, number>();

/** The obligations of one incident, packed: read them with `item(i)`, or `dueMs(i)` for the order alone. */
export class PackedItems {
  /** [dueMs, code] per obligation; code = template × 8 + status (a negative template is one of `local`). */
  private readonly cells: Numbers;
  /** Where this incident's cells start in `cells` (0 unless they are places in a larger block). */
  private readonly at: number;
  /** How many obligations. */
  readonly length: number;
  /** Tolling end per obligation (NaN: none), only when one has it; from `tolledAt`. */
  private readonly tolled: Numbers | undefined;
  private readonly tolledAt: number;
  private readonly local: Template[] | undefined;

  constructor(items: readonly IndexedObligation[] | BlockCells) {
    if (!Array.isArray(items)) {
      // Places in the index file's block (this process's shared template codes): taken as they are.
      const given = items as BlockCells;
      this.cells = given.block;
      this.at = given.cellsAt;
      this.length = given.count;
      this.tolled = given.tolledAt === undefined ? undefined : given.block;
      this.tolledAt = given.tolledAt ?? 0;
      this.local = undefined;
      return;
    }
    // Sized once: an array grown by push keeps up to half again its length as spare room.
    const cells = new Array<number>(items.length * STRIDE);
    let tolled: number[] | undefined;
    let local: Template[] | undefined;
    (items as readonly IndexedObligation[]).forEach((o, i) => {
      const status = STATUS_CODE.get(o.status);
      if (status === undefined) throw new Error(`unknown obligation status ${o.status}`);
      let template = templateCode(o);
      if (template === undefined) template = -1 - ((local ??= []).push(pick(o)) - 1);
      cells[i * STRIDE] = o.dueMs;
      cells[i * STRIDE + 1] = template * 8 + (template < 0 ? -status : status);
      if (o.tolledUntilMs !== null) (tolled ??= new Array<number>(items.length).fill(Number.NaN))[i] = o.tolledUntilMs;
    });
    this.cells = cells;
    this.at = 0;
    this.length = items.length;
    this.tolled = tolled;
    this.tolledAt = 0;
    this.local = local;
  }

  /** Due instant of obligation `i`, epoch ms. */
  dueMs(i: number): number {
    return this.cells[this.at + i * STRIDE]!;
  }

  /** Obligation id of obligation `i` (the order's last tie-break, without building the obligation). */
  obligation(i: number): string {
    return this.template(this.cells[this.at + i * STRIDE + 1]!).obligation;
  }

  /** Obligation `i` as a plain object. */
  item(i: number): IndexedObligation {
    const code = this.cells[this.at + i * STRIDE + 1]!;
    const tolled = this.tolled?.[this.tolledAt + i] ?? Number.NaN;
    return { ...this.template(code), status: STATUSES[Math.abs(code % 8)]!, dueMs: this.cells[this.at + i * STRIDE]!, tolledUntilMs: Number.isNaN(tolled) ? null : tolled };
  }

  private template(code: number): Template {
    const status = Math.abs(code % 8);
    return code < 0 ? this.local![-1 - (code + status) / 8]! : shared[(code - status) / 8]!;
  }

  /** Every obligation, in order. */
  all(): IndexedObligation[] {
    return Array.from({ length: this.length }, (_, i) => this.item(i));
  }

  /** The numbers behind these obligations, or undefined when one has a template of its own (not shared). */
  packedCells(): PackedCells | undefined {
    if (this.local) return undefined;
    const whole = this.at === 0 && this.cells.length === this.length * STRIDE && !(this.tolled && (this.tolledAt !== 0 || this.tolled.length !== this.length));
    if (whole) return this.tolled ? { cells: this.cells, tolled: this.tolled } : { cells: this.cells };
    // Places in a block: views of just this incident's numbers.
    const view = (from: number, n: number) => (this.cells as Float64Array).subarray(from, from + n);
    const cells = view(this.at, this.length * STRIDE);
    return this.tolled ? { cells, tolled: view(this.tolledAt, this.length) } : { cells };
  }

  /** True when both list the same obligation ids with the same due instants, in the same places: what orders them. */
  sameOrder(other: PackedItems): boolean {
    if (other.length !== this.length) return false;
    for (let i = 0; i < this.length; i++) if (this.dueMs(i) !== other.dueMs(i) || this.obligation(i) !== other.obligation(i)) return false;
    return true;
  }
}

function pick(o: Template): Template {
  return { obligation: o.obligation, rule: o.rule, recipient: o.recipient, citation: o.citation, kind: o.kind, verification: o.verification };
}

/** Every shared template, in code order (a PackedCells' template codes index it). */
export function sharedTemplates(): readonly Template[] {
  return shared;
}

/** The codes `templates` have in this process (made on first sight: the same codes in a process that had none). */
export function sharedTemplateCodes(templates: readonly Template[]): Array<number | undefined> {
  return templates.map((t) => templateCode(t));
}

/** The shared template's number for `o`, made on first sight; undefined once the shared table is full. */
function templateCode(o: Template): number | undefined {
  const key = `${o.obligation}\u0000${o.rule}\u0000${o.recipient}\u0000${o.citation}\u0000${o.kind}\u0000${o.verification}`;
  const hit = sharedCode.get(key);
  if (hit !== undefined || shared.length >= MAX_SHARED) return hit;
  sharedCode.set(key, shared.push(pick(o)) - 1);
  return shared.length - 1;
}
