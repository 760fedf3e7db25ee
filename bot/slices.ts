// Cooperative slicing for long walks over the store: the walk yields to the event loop every few milliseconds, so
// chat requests and timers are still served while it runs (one event loop serves every user).
import type { Incident } from './model/incident-schema.ts';
import type { IncidentStore } from './ports.ts';
import { IncidentDamagedError } from './errors.ts';

/** Work this long between two yields: short enough that a request waiting behind it barely notices. */
export const SLICE_MS = 8;

/** `await pause()` yields to the event loop once `sliceMs` of work has passed since the last yield (else returns at once). */
export function createSlicer(sliceMs = SLICE_MS): () => Promise<void> {
  let until = performance.now() + sliceMs;
  return async () => {
    if (performance.now() < until) return;
    await new Promise((resolve) => setImmediate(resolve));
    until = performance.now() + sliceMs;
  };
}

/** Every open incident, read one at a time after any yield (fresh, and never the whole store in memory at once). */
export async function* openIncidents(store: IncidentStore, sliceMs = SLICE_MS): AsyncGenerator<Incident> {
  const pause = createSlicer(sliceMs);
  for (const id of await store.ids()) {
    await pause();
    let incident: Incident | undefined;
    try {
      incident = await store.get(id);
    } catch (error) {
      // Quarantined while walking (the store names it in damaged()): the walk goes on without it.
      if (error instanceof IncidentDamagedError) continue;
      throw error;
    }
    if (incident && incident.status !== 'closed') yield incident;
  }
}
