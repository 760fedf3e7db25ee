// The composition root shared by `npm start` and the one-shot CLI: store, rules, registry, bot.
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createDeadlineIndex, type DeadlineIndex } from '../bot/deadlines/deadline-index.ts';
import { incidentDateProblems } from '../bot/domain/dates.ts';
import { indexFingerprint, readIndexFile, writeIndexFile } from '../data/deadline-index-file.ts';
import { createBot, type Bot } from '../commands/bot.ts';
import { loadRulesCached } from '../bot/deadlines/rules-cache.ts';
import { createNotifierHub, type NotifierHub } from '../bot/notifier-hub.ts';
import type { Clock, IncidentStore, Logger, SchedulerLease } from '../bot/ports.ts';
import type { CoreConfig } from '../commands/context.ts';
import { createCommandRegistry } from '../commands/index.ts';
import { openFileStore } from '../data/file-store.ts';
import { importTooLarge, MAX_IMPORT_CHARS } from '../data/import-format.ts';
import { isPostgresUrl, PostgresStoreError } from '../data/postgres/errors.ts';
import { StoreCorruptError, StoreLockedError } from '../data/store-errors.ts';
import { checkRecords, createRecordHealth, type RecordCheckReport, type RecordHealth } from '../bot/record/record-health.ts';

/** A running bot and what it is made of. */
export interface Runtime {
  bot: Bot;
  store: IncidentStore;
  notifier: NotifierHub;
  /** Integrity findings (start-up check, verify). */
  records: RecordHealth;
  /** The start-up record check (seal entries written before chaining, verify every chain). */
  recordCheck: Promise<RecordCheckReport>;
  /** Who may run the scheduler: a database lease for PostgreSQL, none for a file store (its lock allows one process). */
  lease?: SchedulerLease;
  /** The deadline index over the store, opened on first use (from the file beside the store where it still matches); absent for a store without changeStamps (its changes may come from other processes). */
  deadlines?: () => Promise<DeadlineIndex>;
  close(): Promise<void>;
}

/**
 * Open the store at `dataPath` (a file, or a postgres:// URL) and build the bot; store problems surface as storeProblem
 * lines. The record check runs before this resolves, or in the background with `recordCheck: 'background'` (the chat
 * server: answer at once).
 */
export async function openRuntime(options: { dataPath: string; clock: Clock; logger: Logger; core: CoreConfig; recordCheck?: RecordCheckMode }): Promise<Runtime> {
  const { rules } = loadRulesCached(rulesCacheDir());
  const { store, lease } = await openStore(options);
  // One damaged incident does not stop the bot: it is named here and refused until repaired.
  for (const d of await store.damaged()) options.logger.error(`store: incident ${d.id} is damaged and quarantined (refused until repaired)`, { incident: d.id, problem: d.problem });
  const notifier = createNotifierHub();
  const indexPath = deadlineIndexPath(options.dataPath);
  let opened: Promise<{ index: DeadlineIndex; fingerprint: string }> | undefined;
  const open = () =>
    (opened ??= (async () => {
      const fingerprint = indexFingerprint(rules);
      const refused = (why: string) => options.logger.warn(`deadline index: ${why}`, { path: indexPath });
      const stamps = store.changeStamps ? await store.changeStamps() : undefined;
      const read = stamps ? readIndexFile(indexPath, fingerprint, stamps, refused) : undefined;
      // The whole store only if every incident has a stamp (one without is not in the file, and must be computed).
      const initial = read?.whole && stamps!.size !== (await store.ids()).length ? { ...read, whole: undefined } : read;
      return { index: createDeadlineIndex({ store, rules, clock: options.clock, logger: options.logger, ...(initial ? { initial } : {}), dateProblems: incidentDateProblems }), fingerprint };
    })());
  // Kept from onChange alone: only for a store whose every change this process sees (IncidentStore.changeStamps).
  const deadlines = store.changeStamps ? async () => (await open()).index : undefined;
  const close = async () => {
    if (opened) {
      const { index, fingerprint } = await opened;
      index.close();
      const unsaved = index.unsaved();
      // Kept for the next process (a one-shot `due`); a failure only costs that process a recomputation.
      if (unsaved && store.changeStamps) {
        try {
          writeIndexFile(indexPath, fingerprint, unsaved, await store.changeStamps());
        } catch (error) {
          options.logger.warn('deadline index: cannot write it beside the store', { path: indexPath, error: String(error) });
        }
      }
    }
    await store.close();
  };
  const records = createRecordHealth();
  const bot = createBot({
    ...(deadlines ? { deadlines } : {}),
    store, rules, notifier, records,
    clock: options.clock,
    logger: options.logger,
    config: options.core,
    registry: createCommandRegistry(),
    readFile: readImportFile,
  });
  // Reported loudly, never a reason to refuse to run.
  const only = typeof options.recordCheck === 'object' ? options.recordCheck.only : undefined;
  let closing = false;
  const recordCheck = checkRecords(store, records, options.logger, options.clock.now(), only, () => closing).catch((error: unknown) => {
    options.logger.error('record check failed; records were not verified at start-up', { error: error instanceof Error ? error.message : String(error) });
    return { checked: 0, sealed: [], broken: [] };
  });
  if (options.recordCheck !== 'background') await recordCheck;
  return { bot, store, notifier, records, recordCheck, ...(lease ? { lease } : {}), ...(deadlines ? { deadlines } : {}), close: async () => {
    closing = true;
    await recordCheck;
    await lease?.release();
    await close();
  } };
}

/**
 * When the start-up record check runs: before openRuntime resolves (`await`, the default), in the background (the
 * chat front doors), or before it resolves for the named incidents only (a one-shot command about one incident).
 */
export type RecordCheckMode = 'await' | 'background' | { only: readonly string[] };

/** The store BREACHDESK_DATA names: a postgres:// URL selects PostgreSQL (several replicas), anything else the file store. */
async function openStore(options: { dataPath: string; clock: Clock; logger: Logger }): Promise<{ store: IncidentStore; lease?: SchedulerLease }> {
  if (!isPostgresUrl(options.dataPath)) return { store: await openFileStore(options.dataPath, options.clock.now()) };
  // Seen request ids expire in real time (Slack and Teams timestamps are transport time), not on the injected clock.
  // Loaded only for a postgres:// store: the driver is not needed by the file store's one-shot commands.
  const { openPostgresStore } = await import('../data/postgres/postgres-store.ts');
  const store = await openPostgresStore(options.dataPath, { logger: options.logger });
  return { store, lease: store.schedulerLease() };
}

/** The deadline index file beside a store file: store.json → store.deadlines. */
export function deadlineIndexPath(dataPath: string): string {
  return join(dirname(dataPath), `${basename(dataPath).replace(/\.json$/i, '')}.deadlines`);
}

/** The per-user cache folder for validated rule data ($XDG_CACHE_HOME/breachdesk, else ~/.cache/breachdesk). */
export function rulesCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'breachdesk');
}

/** Read a file to import, refusing before reading one larger than any import (a mistyped path to a disk image). */
async function readImportFile(path: string): Promise<string> {
  const info = await stat(path);
  const size = info.size;
  // A device or a pipe (/dev/zero, /dev/stdin) has no size to check and may never end: only regular files are read.
  if (!info.isFile() && !info.isDirectory()) throw new Error('it is not a regular file (a device or a pipe); give the path of an incident JSON file');
  // UTF-8 takes at least one byte per character: a file over the limit in bytes may still be under it in characters.
  if (size > MAX_IMPORT_CHARS * 4) throw new Error(importTooLarge(size, 'bytes'));
  return readFile(path, 'utf8');
}

/** One line for a store that cannot be opened, or undefined for an unexpected error. */
export function storeProblem(error: unknown): string | undefined {
  if (error instanceof StoreCorruptError || error instanceof StoreLockedError || error instanceof PostgresStoreError) return `breachdesk: cannot open the store: ${error.message}`;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EROFS' || code === 'ENOTDIR') return `breachdesk: cannot open the store: ${(error as Error).message}`;
  return undefined;
}
