// The lowdb JSON store: a manifest file plus, per incident, a small head document and an append-only history journal
// (data/incident-journal.ts), so a write never rewrites the other incidents nor the incident's own history.
import { headless } from './headless-incidents.ts';
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import type { DamagedIncident, IncidentStore } from '../bot/ports.ts';
import { createCachedStore, type IncidentWrite } from './cached-store.ts';
import { IncidentInPack, IncidentText } from './incident-text.ts';
import { appendAccess, journalPath, markOnDisk, markText, readHeadAndJournal, readMarkText, writeChange, type JournalMark } from './incident-journal.ts';
import { HISTORY_FIELDS, IncidentRecord } from './incident-record.ts';
import { TAIL_FIELD } from './journal-tail.ts';
import { DurableJsonFile } from './durable-json-file.ts';
import { IncidentSchema, type Incident } from '../bot/model/incident-schema.ts';
import { StoreCorruptError } from './store-errors.ts';
import { acquireStoreLock, type LockTiming } from './store-lock.ts';
import { fileStamp, readPack, writePack, type PackFile } from './store-pack.ts';
import { allFlushed } from './deferred-flush.ts';
import { takeCleanClose, writeCleanClose, type CleanClose } from './clean-close.ts';
import { openFileSeenRequests } from './seen-requests.ts';
import { openFilePreferences } from './preferences.ts';

/** The manifest's format tag and the schema version this build writes. */
export const STORE_FORMAT = 'breachdesk-store';
export const STORE_SCHEMA_VERSION = 1;

const ManifestSchema = z.object({
  format: z.literal(STORE_FORMAT),
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  // A plain folder name beside the manifest: a foreign or hand-edited manifest cannot send writes (or the start-up
  // clean-up of temp files) into another folder of the machine with "../" or a path.
  incidentsDir: z.string().min(1).max(200).refine((d) => !/[/\\\0]/.test(d) && d !== '.' && d !== '..', 'must be a folder name beside the store file, not a path'),
});
type Manifest = z.infer<typeof ManifestSchema>;

const INCIDENT_FILE = /^BR-\d+\.json$/;
/** A packed journal mark (markText): checked when the pack is read, parsed when first used. */
const MARK_TEXT = /^\d{1,15}(?:,\d{1,15}){3}$/;

/** Writes between two background packs: the pack stays a cheap start-up cache, never a per-write cost. */
const PACK_EVERY_WRITES = 5000;
/**
 * When close rewrites the pack: after this many writes (or incidents read from their files at start-up), when the store
 * holds at most `incidents` incidents, or when there is no pack yet. A store closed after a few writes (a one-shot
 * command's logged read) keeps its pack, the incidents written named dirty in the clean-close note and read from their
 * files at the next start; once more than `writes` are dirty, that start repacks in the background. By default no
 * store is small enough to repack after every command: rewriting even a 100-incident pack was 5–12 ms of each one-shot
 * command (about 50 ms at 1,000), where reading a few dirty files at the next start costs well under a millisecond.
 */
export interface ClosePacking {
  writes: number;
  incidents: number;
}
const CLOSE_PACKING: ClosePacking = { writes: 100, incidents: 0 };

/** Open (or create) the store whose manifest is `path`; refuses corrupt, foreign or newer files without touching them. */
export async function openFileStore(path: string, now: Date, options: { lockTiming?: LockTiming; closePacking?: ClosePacking } = {}): Promise<IncidentStore> {
  const closePacking = options.closePacking ?? CLOSE_PACKING;
  const file = resolve(path);
  await mkdir(dirname(file), { recursive: true });
  const lock = acquireStoreLock(file, now, options.lockTiming);
  // The start-up pack, kept open for the texts it serves (closed with the store, or here if opening fails).
  let packFile: PackFile | undefined;
  try {
    const manifest = await readOrCreateManifest(file, now);
    // The small files beside the incidents are only read here, before anything of the store is written (crash temps
    // removed, the clean-close note taken, a pack): one that is damaged or foreign stops the start with nothing changed.
    // Replayed Slack requests and redelivered Teams activities, and people's own settings (`lang`), under the same lock.
    const seen = await openFileSeenRequests(join(dirname(file), `${manifest.incidentsDir}.seen`));
    const preferences = await openFilePreferences(join(dirname(file), `${manifest.incidentsDir}.preferences.json`));
    const dir = join(dirname(file), manifest.incidentsDir);
    await mkdir(dir, { recursive: true });
    const packPath = join(dirname(file), `${manifest.incidentsDir}.pack`);
    // We hold the lock: any temp file left in the store's folders is from a process that died mid-write.
    // In the manifest's folder (maybe shared with other files) only our own names are touched.
    removeCrashTemps(dirname(file), (name) => name.startsWith(`.${basename(file)}.`) || name.startsWith(`${manifest.incidentsDir}.pack.`));
    // The incident folder is listed once, for its temp files and its incidents (200,000 names at 100,000 incidents).
    const names = readdirSync(dir);
    removeCrashTemps(dir, () => true, names);
    const cleanPath = join(dirname(file), `${manifest.incidentsDir}.clean`);
    const clean = await takeCleanClose(cleanPath, packPath);
    // Each incident's acknowledged journal (bytes, entries), as last read or written.
    const marks = new Map<string, JournalMark | undefined>();
    // Marks packed with incidents served from the pack (markText), until their first write or the next pack.
    const packedMarks = new Map<string, string>();
    const loaded = loadIncidents(dir, names, packPath, marks, packedMarks, clean);
    const { incidents, damaged, reread, stamps } = loaded;
    packFile = loaded.packFile;
    // Incidents whose pack line may be out of date (written, or read from their files, since the pack was written).
    const dirty = new Set(reread);
    let writes = reread.size;
    let packing: Promise<void> | undefined;
    // Ids whose file is being written: their file and the cached copy may differ, so the pack leaves them out.
    const inFlight = new Map<string, number>();
    const packEntry = (id: string, json: string | undefined) => {
      if (json === undefined || inFlight.has(id)) return undefined;
      const stamp = packStamp(join(dir, `${id}.json`), fileStamp(join(dir, `${id}.json`)));
      if (!stamp) return undefined;
      const known = marks.get(id);
      const mark = marks.has(id) ? known && markText(known) : packedMarks.get(id);
      return { stamp, json, ...(mark ? { mark } : {}) };
    };
    const repack = () => {
      packing ??= (async () => {
        writes = 0;
        // Written from here on are dirty again (the pack may have passed them already); a failed pack keeps them all.
        const packed = [...dirty];
        dirty.clear();
        try {
          await writePack(packPath, store.idsNow(), (id) => packEntry(id, store.peekJson(id)));
        } catch (error) {
          for (const id of packed) dirty.add(id);
          throw error;
        }
      })().finally(() => (packing = undefined));
      return packing;
    };
    const write = async (change: IncidentWrite) => {
      const { incident } = change;
      dirty.add(incident.id);
      inFlight.set(incident.id, (inFlight.get(incident.id) ?? 0) + 1);
      try {
        const head = join(dir, `${incident.id}.json`);
        // Known from the last read or write; an incident loaded from the pack reads its small head once, and the
        // access-log lines past its mark (no more than the copy in memory holds, so the two always agree).
        const mark = marks.has(incident.id)
          ? marks.get(incident.id)
          : (packedMark(head, packedMarks, change) ?? markOnDisk(head, incident.accessLog.length - change.appended.accessLog.length));
        if (mark && change.accessOnly) {
          // A read logged and nothing else: one appended line, no head rewrite (data/journal-tail.ts).
          marks.set(incident.id, appendAccess(head, mark, change.appended[TAIL_FIELD]));
        } else {
          marks.set(incident.id, await writeChange(head, change, mark));
          // Every such write rewrites the head file, so its stamp must change: file times come from a coarse clock, and two
          // writes of the same size within one tick would otherwise look like no change to the pack and the deadline index.
          const stamp = distinctStamp(head, stamps.get(incident.id));
          if (stamp) stamps.set(incident.id, stamp);
          else stamps.delete(incident.id);
        }
      } finally {
        const left = inFlight.get(incident.id)! - 1;
        if (left) inFlight.set(incident.id, left);
        else inFlight.delete(incident.id);
      }
      if (++writes >= PACK_EVERY_WRITES) void repack().catch(() => undefined);
    };
    const store = createCachedStore(file, incidents, {
      damaged,
      write,
      reread: (id) => readIncidentFile(join(dir, `${id}.json`), marks),
      close: async () => {
        try {
          await packing;
          // A few writes (a one-shot command's logged read) leave the pack as it is: their incidents are named dirty below,
          // and read from their files at the next start; many are packed.
          const packIt = writes >= closePacking.writes || store.idsNow().length <= closePacking.incidents || fileStamp(packPath) === undefined;
          if (writes > 0 && packIt) await repack();
          // Logged reads and replay ids whose flush was deferred are on disk before the lock is given up.
          await allFlushed();
          await writeCleanClose(cleanPath, packPath, dirty, join(dirname(file), `.${basename(file)}.clean.${process.pid}.0.tmp`));
        } finally {
          packFile?.close();
          lock.release();
        }
      },
    });
    // Only once every file has opened: a start that fails leaves the replay-id file as it found it. Before the pack
    // below, which runs on its own: nothing may fail after it, or it would write once the lock was given up.
    await seen.compact();
    if (reread.size > closePacking.writes) void repack().catch(() => undefined);
    const changeStamps = async (): Promise<ReadonlyMap<string, string>> => {
      const now = new Map<string, string>();
      for (const id of store.idsNow()) {
        const stamp = stamps.get(id);
        if (stamp !== undefined) now.set(id, stamp);
      }
      return now;
    };
    return Object.assign(store, { changeStamps, markRequestSeen: seen.markRequestSeen }, preferences);
  } catch (error) {
    packFile?.close();
    lock.release();
    throw error;
  }
}

async function readOrCreateManifest(file: string, now: Date): Promise<Manifest> {
  const adapter = new DurableJsonFile<Manifest>(file, (raw) => validateManifest(file, raw));
  const db = new Low<Manifest>(adapter, defaultManifest(file, now));
  const existing = await adapter.read();
  if (existing) return existing;
  const dir = join(dirname(file), db.data.incidentsDir);
  if (await exists(dir)) throw new StoreCorruptError(file, `is missing but its incident folder ${dir} exists; restore the manifest rather than start an empty store over it`);
  await db.write();
  return db.data;
}

function validateManifest(file: string, raw: unknown): Manifest {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new StoreCorruptError(file, 'does not contain a breachdesk store (expected a JSON object)');
  const format = (raw as { format?: unknown }).format;
  // The foreign file's own value is not quoted: it may be anything.
  if (format !== STORE_FORMAT) throw new StoreCorruptError(file, `is not a breachdesk store (${format === undefined ? 'it has no "format" field' : `its "format" is not "${STORE_FORMAT}"`})`);
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) throw new StoreCorruptError(file, `has an invalid manifest (${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message})`);
  if (parsed.data.schemaVersion > STORE_SCHEMA_VERSION) {
    throw new StoreCorruptError(file, `was written by a newer breachdesk (schema version ${parsed.data.schemaVersion}; this build reads up to ${STORE_SCHEMA_VERSION})`);
  }
  return parsed.data;
}

function defaultManifest(file: string, now: Date): Manifest {
  return { format: STORE_FORMAT, schemaVersion: STORE_SCHEMA_VERSION, createdAt: now.toISOString(), incidentsDir: `${basename(file).replace(/\.json$/i, '')}.incidents` };
}

/**
 * Read every incident: from the pack (checked against the schema on first use) while its file keeps the recorded stamp,
 * else from the file (validated now). A file that cannot be read or is not a valid incident is quarantined, not fatal.
 * Synchronous on purpose: nothing is served before the store is open, and one read per file is far faster than async
 * calls at 100,000 files.
 */
function loadIncidents(
  dir: string,
  names: readonly string[],
  packPath: string,
  marks: Map<string, JournalMark | undefined>,
  packedMarks: Map<string, string>,
  clean: CleanClose | undefined,
): { incidents: Array<IncidentText | IncidentInPack>; damaged: DamagedIncident[]; reread: Set<string>; stamps: Map<string, string>; packFile?: PackFile } {
  const pack = readPack(packPath);
  const incidents: Array<IncidentText | IncidentInPack> = [];
  let served = 0;
  // Each head file's stamp as read (IncidentStore.changeStamps); checked against the pack anyway, so it costs nothing more.
  const stamps = new Map<string, string>();
  const damaged: DamagedIncident[] = [];
  const reread = new Set<string>();
  for (const name of names) {
    if (!INCIDENT_FILE.test(name)) continue;
    const path = join(dir, name);
    const id = name.slice(0, -'.json'.length);
    const packed = pack?.lines.get(id);
    const stamp = fileStamp(path);
    // After a clean close only the incidents written since the pack need their journal's size checked (see clean-close.ts).
    const trusted = clean !== undefined && !clean.dirty.has(id);
    if (packed && stamp && (trusted ? packed.stamp.startsWith(`${stamp}+`) : packed.stamp === packStamp(path, stamp))) {
      // Its text stays in the pack, read when the store needs the incident (see IncidentInPack).
      incidents.push(new IncidentInPack(id, pack!.file, packed.at, packed.bytes));
      served++;
      stamps.set(id, stamp);
      // readPack decodes each mark from its buffer into a string of its own: no slice of the pack line stays alive.
      if (packed.mark !== undefined && MARK_TEXT.test(packed.mark)) packedMarks.set(id, packed.mark);
      continue;
    }
    try {
      // Held as text like packed records (see IncidentText): validated once here, parsed afresh on each use.
      // In the form the store writes (head, then the history lists), so a pack written from it serves it from disk.
      incidents.push(new IncidentText(id, IncidentRecord.of(readIncidentFile(path, marks)).json()));
      if (stamp) stamps.set(id, stamp);
    } catch (error) {
      if (!(error instanceof StoreCorruptError)) throw error;
      damaged.push({ id, problem: `${error.file} ${error.problem}` });
    }
    reread.add(id);
  }
  damaged.push(...headless(dir, names, pack?.lines.keys() ?? []));
  // The pack stays open while the store is, for the texts it serves.
  if (pack && served === 0) pack.file.close();
  return { incidents, damaged, reread, stamps, ...(pack && served > 0 ? { packFile: pack.file } : {}) };
}

/**
 * The journal mark packed with an incident served from the pack, used once and only when it agrees with what is known
 * for sure: the journal's size now (only this process writes it) and the entries the held copy had before this change.
 * Anything else (a pack from another build, a damaged line) leaves the head file to be read instead.
 */
function packedMark(headPath: string, packedMarks: Map<string, string>, change: IncidentWrite): JournalMark | undefined {
  const id = change.incident.id;
  const text = packedMarks.get(id);
  if (text === undefined) return undefined;
  packedMarks.delete(id);
  const mark = readMarkText(text);
  if (!mark || statSync(journalPath(headPath), { throwIfNoEntry: false })?.size !== mark.bytes) return undefined;
  const agrees = HISTORY_FIELDS.every((f) => mark.entries?.[f] === change.incident[f].length - change.appended[f].length);
  return agrees ? mark : undefined;
}

/** Temp files of our atomic writes (`.<name>.<pid>.<n>.tmp`) and pack writes (`<pack>.<pid>.tmp`). */
const CRASH_TEMP = /^(\..+\.\d+\.\d+|.+\.pack\.\d+)\.tmp$/;

function removeCrashTemps(dir: string, ours: (name: string) => boolean, names: readonly string[] = readdirSync(dir)): void {
  for (const name of names) if (CRASH_TEMP.test(name) && ours(name)) rmSync(join(dir, name), { force: true });
}

/** A whole incident from its head file and journal (validated); remembers the journal mark it was read with. */
function readIncidentFile(path: string, marks: Map<string, JournalMark | undefined>): Incident {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    // The parser's message quotes the file's text (patient data, maybe): only the position is kept.
    const at = error instanceof SyntaxError ? /position \d+/.exec(error.message)?.[0] : undefined;
    throw new StoreCorruptError(path, error instanceof SyntaxError ? `is not valid JSON${at ? ` (at ${at})` : ' (cut short or garbled)'}` : `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  const whole = readHeadAndJournal(path, raw);
  const incident = validateIncident(path, whole.raw);
  marks.set(incident.id, whole.mark);
  return incident;
}

function validateIncident(path: string, raw: unknown): Incident {
  const parsed = IncidentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StoreCorruptError(path, `is not a valid incident (${plainIssue(issue.path.join('.') || 'the top level', issue.message)})`);
  }
  if (`${parsed.data.id}.json` !== basename(path)) throw new StoreCorruptError(path, `holds incident ${parsed.data.id}, not the one its name says`);
  return parsed.data;
}

/** A schema problem in plain words (zod's "Invalid input: expected string, received undefined" says "title is missing"). */
function plainIssue(where: string, message: string): string {
  const typed = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (typed) return typed[2] === 'undefined' ? `${where} is missing` : `${where} is a ${typed[2]} where a ${typed[1]} belongs`;
  return `${where}: ${message.replace(/^Invalid input: /, '')}`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** The pack's stamp for an incident: its head file's stamp and its journal's size (a logged read grows only the journal). */
export function packStamp(headPath: string, headStamp: string | undefined = fileStamp(headPath)): string | undefined {
  if (!headStamp) return undefined;
  return `${headStamp}+${statSync(journalPath(headPath), { throwIfNoEntry: false })?.size ?? 0}`;
}

/** The head file's stamp after a write, moved 1 ms on when it equals the previous stamp (same size, same clock tick). */
function distinctStamp(path: string, previous: string | undefined): string | undefined {
  const stamp = fileStamp(path);
  if (!stamp || stamp !== previous) return stamp;
  const { atime, mtimeMs } = statSync(path);
  utimesSync(path, atime, new Date(mtimeMs + 1));
  return fileStamp(path);
}
