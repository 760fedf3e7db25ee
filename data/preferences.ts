// Each person's own settings (`lang`), by actor key: in memory, or in a small JSON file beside the store.
import { z } from 'zod';
import type { UserPreferences } from '../bot/ports.ts';
import { DurableJsonFile } from './durable-json-file.ts';
import { StoreCorruptError } from './store-errors.ts';

/** The store port's preference methods. */
export interface PreferenceStore {
  /** One person's preferences ({} when none). */
  getPreferences(userKey: string): Promise<UserPreferences>;
  /** Merge preferences for one person; a key given as undefined is cleared. Durable once it resolves (file variant). */
  setPreferences(userKey: string, change: Partial<UserPreferences>): Promise<void>;
}

const Preferences = z.object({ language: z.enum(['en', 'fr']).optional() }).strict();
const PreferencesFile = z.object({ users: z.record(z.string(), Preferences) }).strict();

function merged(current: UserPreferences | undefined, change: Partial<UserPreferences>): UserPreferences | undefined {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return Object.keys(next).length ? Preferences.parse(next) : undefined;
}

/** Held in memory (the memory store, tests). */
export function createMemoryPreferences(): PreferenceStore {
  const users = new Map<string, UserPreferences>();
  return {
    getPreferences: async (key) => ({ ...users.get(key) }),
    async setPreferences(key, change) {
      const next = merged(users.get(key), change);
      if (next) users.set(key, next);
      else users.delete(key);
    },
  };
}

/** Kept in `path` (one small JSON file, rewritten atomically and fsynced on each change; changes are rare). */
export async function openFilePreferences(path: string): Promise<PreferenceStore> {
  const file = new DurableJsonFile(path, (raw) => {
    const parsed = PreferencesFile.safeParse(raw);
    if (!parsed.success) throw new StoreCorruptError(path, 'is not a breachdesk preferences file');
    return parsed.data;
  });
  const users = new Map(Object.entries((await file.read())?.users ?? {}));
  let queue: Promise<unknown> = Promise.resolve();
  return {
    getPreferences: async (key) => ({ ...users.get(key) }),
    async setPreferences(key, change) {
      const next = merged(users.get(key), change);
      if (next) users.set(key, next);
      else users.delete(key);
      const snapshot = { users: Object.fromEntries(users) };
      const write = queue.then(() => file.write(snapshot));
      queue = write.catch(() => undefined);
      await write;
    },
  };
}
