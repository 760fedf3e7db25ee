// An incident the store holds as text until it is used or written: in memory (IncidentText), or left in the start-up
// pack on disk (IncidentInPack), read, checked and parsed when the store needs it.
import { hash } from 'node:crypto';
import { IncidentSchema, type Incident } from '../bot/model/incident-schema.ts';
import { deepFreeze, IncidentRecord, ReadCopy } from './incident-record.ts';
import type { PackFile } from './store-pack.ts';

/**
 * An incident held as its JSON text until first use. 100,000 incidents as text are about 100,000 strings for the
 * garbage collector; parsed, they would be millions of small objects that every full collection must trace.
 */
export class IncidentText {
  constructor(
    readonly id: string,
    readonly json: string,
    /** False for text not yet checked against the schema (a record handed in as an object): checked on first use. */
    readonly checked = true,
  ) {}
}

/**
 * An incident whose text stays in the start-up pack on disk until it is written: read from there at each use (see
 * readPacked: checked against the schema the first time, afterwards only compared with the digest of the text then
 * checked). 100,000 incidents held as text took about 180 MB of the heap; on disk they take none, and reading one back
 * costs a few microseconds from the page cache.
 */
export class IncidentInPack {
  /** SHA-1 of the text as last checked against the schema; undefined until then. */
  digest: string | undefined;
  constructor(
    readonly id: string,
    private readonly file: PackFile,
    private readonly at: number,
    private readonly bytes: number,
  ) {}

  /** The packed text (throws when the pack cannot be read). */
  text(): string {
    return this.file.read(this.at, this.bytes);
  }
}

/** The parsed record when `json` is a valid incident with the id `id`, else undefined. */
export function checkText(id: string, json: string): Incident | undefined {
  return parseChecked(id, json)?.incident;
}

/**
 * A packed incident read from disk. A text checked before (same digest) is only parsed. Otherwise it is checked against
 * the schema; a valid text in the form the store writes (record.json() of what the schema gives, as every pack line this
 * build writes is) is served from the pack from then on, as a read copy of its plain parse. Any other valid text (an
 * older build's line, filled in by the schema's defaults) becomes a record held in memory, so every read of it gives the
 * same incident. Undefined when the text cannot be read or is not a valid incident.
 */
export function readPacked(slot: IncidentInPack): ReadCopy | IncidentRecord | undefined {
  let text: string;
  try {
    text = slot.text();
  } catch {
    return undefined;
  }
  const digest = hash('sha1', text, 'base64');
  if (digest === slot.digest) return new ReadCopy(deepFreeze(JSON.parse(text) as Incident));
  const checked = parseChecked(slot.id, text);
  if (!checked) return undefined;
  const record = IncidentRecord.of(checked.incident);
  if (record.json() !== text) return record;
  slot.digest = digest;
  return new ReadCopy(deepFreeze(checked.raw as Incident));
}

/** `json` parsed (raw) and as the schema gives it, when it is a valid incident with the id `id`. */
function parseChecked(id: string, json: string): { raw: unknown; incident: Incident } | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  const parsed = IncidentSchema.safeParse(raw);
  return parsed.success && parsed.data.id === id ? { raw, incident: parsed.data } : undefined;
}
