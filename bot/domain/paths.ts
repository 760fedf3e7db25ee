// Reading and writing one fact of an incident by its dotted path (`affected.byJurisdiction.US-TX`).
import type { Incident } from '../model/incident-schema.ts';

/** Read a dotted path. */
export function getPath(target: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((obj, key) => (obj as Record<string, unknown> | null)?.[key], target);
}

/** Return a copy of `incident` with `path` set to `value` (creating a vendor record when needed). */
export function setPath(incident: Incident, path: string, value: unknown): Incident {
  const copy = structuredClone(incident) as unknown as Record<string, unknown>;
  if (path.startsWith('vendor.') && copy.vendor == null) {
    copy.vendor = { name: 'vendor', role: 'business_associate', isAgent: null, discoveredAt: null, notifiedUsAt: null };
  }
  const keys = path.split('.');
  let obj = copy;
  for (const key of keys.slice(0, -1)) obj = (obj[key] ??= {}) as Record<string, unknown>;
  obj[keys.at(-1)!] = value;
  return copy as unknown as Incident;
}
