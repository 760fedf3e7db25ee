// An incident held as a small head plus its history (timeline, deliveries, access log) kept apart as append-only logs, so reading
// or changing the incident costs the same with 10 history entries or 10,000.
import type { Incident } from '../bot/model/incident-schema.ts';

/** The incident's history lists: kept apart from its head, appended to. A new history list is one more name here. */
export const HISTORY_FIELDS = ['timeline', 'deliveries', 'accessLog'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** One value per history list. */
export type PerList<T> = { [F in HistoryField]: T };

/** The incident without its history. */
export type IncidentHead = Omit<Incident, HistoryField>;

/**
 * One history log: entries kept as JSON text parts (cheap for the garbage collector at 100,000 incidents) and parsed
 * once into a frozen array that every reader shares; `forget` drops the parsed copy (the store bounds how many it keeps).
 */
export class HistoryLog<T> {
  private constructor(
    private readonly parts: readonly string[],
    readonly count: number,
    private cached: readonly T[] | undefined,
  ) {}

  /** A log holding `entries`. */
  static of<T>(entries: readonly T[]): HistoryLog<T> {
    return new HistoryLog(entries.length ? [entries.map((e) => JSON.stringify(e)).join(',')] : [], entries.length, freezeAll(entries));
  }

  /** Every entry, oldest first, frozen (parsed at most once while remembered). */
  all(): readonly T[] {
    return (this.cached ??= freezeAll(JSON.parse(`[${this.parts.join(',')}]`) as T[]));
  }

  /** This log with `entries` appended; the parsed copy, if held, grows by reference only. */
  append(entries: readonly T[]): HistoryLog<T> {
    if (entries.length === 0) return this;
    // Only the new entries need freezing: the held ones are frozen already.
    const cached = this.cached && Object.freeze([...this.cached, ...freezeAll([...entries])]);
    return new HistoryLog([...this.parts, entries.map((e) => JSON.stringify(e)).join(',')], this.count + entries.length, cached);
  }

  /** The log as one JSON array text. */
  json(): string {
    return `[${this.parts.join(',')}]`;
  }

  /** Drop the parsed copy (it is parsed again on the next read). */
  forget(): void {
    this.cached = undefined;
  }

  /** True while a parsed copy is held. */
  get parsed(): boolean {
    return this.cached !== undefined;
  }
}

/** One stored incident: its head as JSON text and its history logs. */
export class IncidentRecord {
  /** The whole incident, parsed and frozen, while the store remembers this record among the recently used. */
  private held: Incident | undefined;

  constructor(
    readonly id: string,
    readonly head: string,
    readonly logs: PerList<HistoryLog<unknown>>,
  ) {}

  /** The whole incident, frozen: parsed once and shared by every reader until `forget`. */
  frozen(): Incident {
    return (this.held ??= deepFreeze(this.incident()));
  }

  /** Hold `incident` (this record's own content, already frozen) as the parsed copy, saving a parse of the head. */
  holdParsed(incident: Incident): void {
    this.held = incident;
  }

  /** Split a (validated) incident into head and history. */
  static of(incident: Incident): IncidentRecord {
    const head: Record<string, unknown> = { ...incident };
    const logs = {} as PerList<HistoryLog<unknown>>;
    for (const field of HISTORY_FIELDS) {
      logs[field] = HistoryLog.of(incident[field] as readonly unknown[]);
      delete head[field];
    }
    return new IncidentRecord(incident.id, JSON.stringify(head), logs);
  }

  /** A fresh head with the shared, frozen history arrays. */
  incident(): Incident {
    const incident = JSON.parse(this.head) as Record<string, unknown>;
    for (const field of HISTORY_FIELDS) incident[field] = this.logs[field].all();
    return incident as Incident;
  }

  /** The whole incident as JSON text (for the start-up pack), built without parsing the history. */
  json(): string {
    let text = this.head.slice(0, -1);
    for (const field of HISTORY_FIELDS) text += `${text.length > 1 ? ',' : ''}${JSON.stringify(field)}:${this.logs[field].json()}`;
    return `${text}}`;
  }

  /** Drop the parsed copies (head and history). */
  forget(): void {
    this.held = undefined;
    for (const field of HISTORY_FIELDS) this.logs[field].forget();
  }
}

/**
 * An incident read for use and not changed while its text stays in the start-up pack: held only as its parsed, frozen
 * copy among the recently used (no head or history texts are built for it, and nothing is kept once it is dropped).
 */
export class ReadCopy {
  /** `whole` must be frozen (deepFreeze). */
  constructor(private readonly whole: Incident) {}

  /** The whole incident, frozen. */
  frozen(): Incident {
    return this.whole;
  }

  /** A fresh top-level copy: its fields hold the frozen values (a mutation replaces a field, never edits one). */
  incident(): Incident {
    return { ...this.whole };
  }

  /** The record a change to this incident starts from. */
  record(): IncidentRecord {
    const record = IncidentRecord.of(this.whole);
    record.holdParsed(this.whole);
    return record;
  }

  /** Nothing to drop: the copy goes with this object. */
  forget(): void {}
}

function freezeAll<T>(entries: readonly T[]): readonly T[] {
  for (const e of entries) deepFreeze(e);
  return Object.freeze(entries as T[]);
}

/** Freeze an object and everything under it (skipping what is frozen already). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
