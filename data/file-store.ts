// The lowdb JSON store: a manifest file plus one JSON document per incident, so a write never rewrites the others.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import type { IncidentStore } from '../bot/ports.ts';
import { createCachedStore, IncidentText } from './cached-store.ts';
import { DurableJsonFile } from './durable-json-file.ts';
import { IncidentSchema, type Incident } from '../bot/model/incident-schema.ts';
import { StoreCorruptError } from './store-errors.ts';
import { acquireStoreLock } from './store-lock.ts';
import { fileStamp, readPack, writePack } from './store-pack.ts';
import { openFileSeenRequests } from './seen-requests.ts';

/** The manifest's format tag and the schema version this build writes. */
export const STORE_FORMAT = 'breachdesk-store';
export const STORE_SCHEMA_VERSION = 1;

const ManifestSchema = z.object({
  format: z.literal(STORE_FORMAT),
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  incidentsDir: z.string().min(1),
});
type Manifest = z.infer<typeof ManifestSchema>;

const INCIDENT_FILE = /^BR-\d+\.json$/;

/** Writes between two background packs: the pack stays a cheap start-up cache, never a per-write cost. */
const PACK_EVERY_WRITES = 5000;

/** Open (or create) the store whose manifest is `path`; refuses corrupt, foreign or newer files without touching them. */
export async function openFileStore(path: string, now: Date): Promise<IncidentStore> {
  const file = resolve(path);
  await mkdir(dirname(file), { recursive: true });
  const lock = acquireStoreLock(file, now);
  try {
    const manifest = await readOrCreateManifest(file, now);
    const dir = join(dirname(file), manifest.incidentsDir);
    await mkdir(dir, { recursive: true });
    const packPath = join(dirname(file), `${manifest.incidentsDir}.pack`);
    const { incidents, reread } = loadIncidents(dir, packPath);
    let writes = reread;
    let packing: Promise<void> | undefined;
    // Ids whose file is being written: their file and the cached copy may differ, so the pack leaves them out.
    const inFlight = new Map<string, number>();
    const packEntry = (id: string, json: string | undefined) => {
      if (json === undefined || inFlight.has(id)) return undefined;
      const stamp = fileStamp(join(dir, `${id}.json`));
      return stamp ? { stamp, json } : undefined;
    };
    const repack = () => {
      packing ??= (async () => {
        writes = 0;
        await writePack(packPath, store.idsNow(), (id) => packEntry(id, store.peekJson(id)));
      })().finally(() => (packing = undefined));
      return packing;
    };
    const write = async (incident: Incident) => {
      inFlight.set(incident.id, (inFlight.get(incident.id) ?? 0) + 1);
      try {
        await incidentDb(dir, incident).write();
      } finally {
        const left = inFlight.get(incident.id)! - 1;
        if (left) inFlight.set(incident.id, left);
        else inFlight.delete(incident.id);
      }
      if (++writes >= PACK_EVERY_WRITES) void repack().catch(() => undefined);
    };
    const store = createCachedStore(file, incidents, {
      write,
      reread: (id) => readIncidentFile(join(dir, `${id}.json`)),
      close: async () => {
        try {
          await packing;
          if (writes > 0) await repack();
        } finally {
          lock.release();
        }
      },
    });
    if (reread > 100) void repack().catch(() => undefined);
    // Replayed Slack requests and redelivered Teams activities: beside the incidents, under the same lock.
    return Object.assign(store, await openFileSeenRequests(join(dirname(file), `${manifest.incidentsDir}.seen`)));
  } catch (error) {
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
  if (format !== STORE_FORMAT) throw new StoreCorruptError(file, `is not a breachdesk store (format is ${JSON.stringify(format ?? null)}, expected "${STORE_FORMAT}")`);
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

/** Read every incident: from the pack (parsed later) while its file keeps the recorded stamp, else from the file (validated). Synchronous on purpose: nothing is served before the store is open, and one read per file is far faster than async calls at 100,000 files. */
function loadIncidents(dir: string, packPath: string): { incidents: IncidentText[]; reread: number } {
  const pack = readPack(packPath);
  const incidents: IncidentText[] = [];
  let reread = 0;
  for (const name of readdirSync(dir)) {
    if (!INCIDENT_FILE.test(name)) continue;
    const path = join(dir, name);
    const id = name.slice(0, -'.json'.length);
    const packed = pack?.get(id);
    if (packed && packed.stamp === fileStamp(path)) {
      incidents.push(new IncidentText(id, packed.json));
      continue;
    }
    // Held as text like packed records (see IncidentText): validated once here, parsed afresh on each use.
    incidents.push(new IncidentText(id, JSON.stringify(readIncidentFile(path))));
    reread++;
  }
  return { incidents, reread };
}

function readIncidentFile(path: string): Incident {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new StoreCorruptError(path, error instanceof SyntaxError ? `is not valid JSON (${error.message})` : `cannot be read (${(error as Error).message})`);
  }
  return validateIncident(path, raw);
}

function validateIncident(path: string, raw: unknown): Incident {
  const parsed = IncidentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StoreCorruptError(path, `is not a valid incident (${issue.path.join('.') || 'top level'}: ${issue.message})`);
  }
  if (`${parsed.data.id}.json` !== basename(path)) throw new StoreCorruptError(path, `holds incident ${parsed.data.id}, not the one its name says`);
  return parsed.data;
}

function incidentDb(dir: string, incident: Incident): Low<Incident> {
  const db = new Low<Incident>(new DurableJsonFile<Incident>(join(dir, `${incident.id}.json`)), incident);
  db.data = incident;
  return db;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
