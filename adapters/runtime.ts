// The composition root shared by `npm start` and the one-shot CLI: store, rules, registry, bot.
import { readFile, stat } from 'node:fs/promises';
import { createBot, type Bot } from '../commands/bot.ts';
import { loadRules } from '../bot/deadlines/load-rules.ts';
import { createNotifierHub, type NotifierHub } from '../bot/notifier-hub.ts';
import type { Clock, IncidentStore, Logger, SchedulerLease } from '../bot/ports.ts';
import type { CoreConfig } from '../commands/context.ts';
import { createCommandRegistry } from '../commands/index.ts';
import { openFileStore } from '../data/file-store.ts';
import { importTooLarge, MAX_IMPORT_CHARS } from '../data/import-format.ts';
import { isPostgresUrl, PostgresStoreError } from '../data/postgres/errors.ts';
import { openPostgresStore } from '../data/postgres/postgres-store.ts';
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
  close(): Promise<void>;
}

/**
 * Open the store at `dataPath` (a file, or a postgres:// URL) and build the bot; store problems surface as storeProblem
 * lines. The record check runs before this resolves, or in the background with `recordCheck: 'background'` (the chat
 * server: answer at once).
 */
export async function openRuntime(options: { dataPath: string; clock: Clock; logger: Logger; core: CoreConfig; recordCheck?: 'await' | 'background' }): Promise<Runtime> {
  const rules = loadRules();
  const { store, lease } = await openStore(options);
  // One damaged incident does not stop the bot: it is named here and refused until repaired.
  for (const d of await store.damaged()) options.logger.error(`store: incident ${d.id} is damaged and quarantined (refused until repaired)`, { incident: d.id, problem: d.problem });
  const notifier = createNotifierHub();
  const records = createRecordHealth();
  const bot = createBot({
    store, rules, notifier, records,
    clock: options.clock,
    logger: options.logger,
    config: options.core,
    registry: createCommandRegistry(),
    readFile: readImportFile,
  });
  // Reported loudly, never a reason to refuse to run.
  const recordCheck = checkRecords(store, records, options.logger, options.clock.now()).catch((error: unknown) => {
    options.logger.error('record check failed; records were not verified at start-up', { error: error instanceof Error ? error.message : String(error) });
    return { checked: 0, sealed: [], broken: [] };
  });
  if (options.recordCheck !== 'background') await recordCheck;
  const close = async () => {
    await recordCheck;
    await lease?.release();
    await store.close();
  };
  return { bot, store, notifier, records, recordCheck, ...(lease ? { lease } : {}), close };
}

/** The store BREACHDESK_DATA names: a postgres:// URL selects PostgreSQL (several replicas), anything else the file store. */
async function openStore(options: { dataPath: string; clock: Clock; logger: Logger }): Promise<{ store: IncidentStore; lease?: SchedulerLease }> {
  if (!isPostgresUrl(options.dataPath)) return { store: await openFileStore(options.dataPath, options.clock.now()) };
  // Seen request ids expire in real time (Slack and Teams timestamps are transport time), not on the injected clock.
  const store = await openPostgresStore(options.dataPath, { logger: options.logger });
  return { store, lease: store.schedulerLease() };
}

/** Read a file to import, refusing before reading one larger than any import (a mistyped path to a disk image). */
async function readImportFile(path: string): Promise<string> {
  const { size } = await stat(path);
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
