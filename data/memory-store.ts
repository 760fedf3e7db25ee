// The in-memory store: same contract as the file store, nothing persisted (tests, demos, one-shot runs).
import type { IncidentStore } from '../bot/ports.ts';
import { createCachedStore } from './cached-store.ts';
import { createMemorySeenRequests } from './seen-requests.ts';
import { createMemoryPreferences } from './preferences.ts';
import type { Incident } from '../bot/model/incident-schema.ts';

/** A fresh in-memory store, optionally pre-filled. */
export function createMemoryStore(initial: Incident[] = []): IncidentStore {
  const store = createCachedStore('memory', initial, { write: async () => undefined, close: async () => undefined });
  // A counter per incident, bumped on every acknowledged change (IncidentStore.changeStamps).
  let changes = 0;
  const stamps = new Map<string, string>(initial.map((i) => [i.id, '0']));
  store.onChange((incident) => stamps.set(incident.id, String(++changes)));
  const changeStamps = async (): Promise<ReadonlyMap<string, string>> => new Map(store.idsNow().flatMap((id) => (stamps.has(id) ? [[id, stamps.get(id)!] as const] : [])));
  return Object.assign(store, { changeStamps }, createMemorySeenRequests(), createMemoryPreferences());
}
