// The in-memory store: same contract as the file store, nothing persisted (tests, demos, one-shot runs).
import type { IncidentStore } from '../bot/ports.ts';
import { createCachedStore } from './cached-store.ts';
import { createMemorySeenRequests } from './seen-requests.ts';
import { createMemoryPreferences } from './preferences.ts';
import type { Incident } from '../bot/model/incident-schema.ts';

/** A fresh in-memory store, optionally pre-filled. */
export function createMemoryStore(initial: Incident[] = []): IncidentStore {
  const store = createCachedStore('memory', initial, { write: async () => undefined, close: async () => undefined });
  return Object.assign(store, createMemorySeenRequests(), createMemoryPreferences());
}
