// Synthetic stores for the benchmarks: realistic small incidents (about 1.2 KB each), written the way the store writes them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IncidentSchema, type Incident } from '../bot/model/incident-schema.ts';
import { openFileStore, packStamp } from '../data/file-store.ts';
import { filesOf, markText, type JournalMark } from '../data/incident-journal.ts';
import { IncidentRecord } from '../data/incident-record.ts';
import { writePack } from '../data/store-pack.ts';
import { sealTimeline } from '../bot/record/state-digest.ts';

const STATES = ['US-TX', 'US-CA', 'US-NY', 'US-WA', 'US-FL', 'US-IN', 'US-IL', 'US-CO', 'US-MD', 'US-VT'];
const DAY = 86_400_000;

/** Incident number `n`, discovered at a spread of dates before `now`, 9 in 10 open. */
export function syntheticIncident(n: number, now: Date, channels: Incident['channels'] = []): Incident {
  const discovered = new Date(now.getTime() - ((n * 7919) % 400) * DAY - (n % 24) * 3_600_000).toISOString();
  const created = discovered;
  const actor = { id: 'U1', name: 'Privacy Officer', platform: 'slack' as const };
  const incident = IncidentSchema.parse({
    id: `BR-${n}`, title: `Synthetic incident ${n}`, createdAt: created, updatedAt: created, discoveredAt: discovered,
    status: n % 10 === 0 ? 'closed' : 'investigating',
    organization: { name: 'Example Health Network', role: 'covered_entity', country: 'US', timezone: n % 2 ? 'America/Chicago' : 'America/New_York' },
    affected: { total: 200 + (n % 900), byJurisdiction: { [STATES[n % 10]!]: 100 + (n % 500), [STATES[(n + 3) % 10]!]: 100 + (n % 400) } },
    dataCategories: ['name', 'date of birth', 'diagnosis'], phiInvolved: true, dataEncrypted: false,
    channels,
  });
  // Chained and stamped with the state digest as breachdesk writes them, so the start-up record check verifies both
  // (no first-start sealing, no record left uncovered).
  return sealTimeline(undefined, incident, [
    { at: created, actor, action: 'incident.opened', text: `Opened "Synthetic incident ${n}"` },
    { at: created, actor, action: 'note', text: 'Forensics firm engaged; scope of records under review.' },
  ], new Date(created));
}

/** A store folder with `count` incidents and its start-up pack, as a running breachdesk leaves it. */
export async function createSyntheticStore(count: number, now: Date, channels?: (n: number) => Incident['channels']): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `breachdesk-bench-${count}-`));
  const path = join(dir, 'store.json');
  writeFileSync(path, JSON.stringify({ format: 'breachdesk-store', schemaVersion: 1, createdAt: now.toISOString(), incidentsDir: 'store.incidents' }));
  mkdirSync(join(dir, 'store.incidents'));
  const incidents: Incident[] = [];
  const marks = new Map<string, string>();
  for (let n = 1; n <= count; n++) {
    const incident = syntheticIncident(n, now, channels?.(n));
    incidents.push(incident);
    // Head and history journal, as the file store writes them (a whole-incident head would be split on first access).
    const files = filesOf(incident);
    writeFileSync(join(dir, 'store.incidents', `${incident.id}.journal`), files.journal);
    writeFileSync(join(dir, 'store.incidents', `${incident.id}.json`), files.head);
    marks.set(incident.id, markText((JSON.parse(files.head) as { journal: JournalMark }).journal));
  }
  // The pack a previous run leaves behind, as after a normal restart: each incident in the form the store writes (its
  // head as the schema gives it, then its history lists) and with its journal mark.
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const packEntry = (id: string) => ({ json: IncidentRecord.of(IncidentSchema.parse(byId.get(id)!)).json(), stamp: packStamp(join(dir, 'store.incidents', `${id}.json`))!, mark: marks.get(id)! });
  await writePack(join(dir, 'store.incidents.pack'), [...byId.keys()], packEntry);
  return path;
}

/** Open and close the store once, as a bot stopped normally leaves it (start-up pack current, clean-close note). */
export async function closeCleanly(path: string): Promise<void> {
  const store = await openFileStore(path, new Date());
  await store.close();
}
