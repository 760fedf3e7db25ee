// What `npm start` and the CLI do first: read .env and the settings, open the store; problems become exit codes.
import { statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { Clock, Logger } from '../bot/ports.ts';
import { coreConfig, loadConfig, loadDotEnv, type AppConfig } from './config.ts';
import { createConsoleLogger } from './logger.ts';
import { isPostgresUrl } from '../data/postgres/errors.ts';
import { openRuntime, storeProblem, type RecordCheckMode, type Runtime } from './runtime.ts';

/** A booted process, or the exit code it must stop with (the reason already on stderr). */
export type Boot = { config: AppConfig; runtime: Runtime; logger: Logger } | { exitCode: number };

/** Load settings (bad ones exit with `settingsExitCode`) and open the store (a store problem exits 1). */
export async function boot(options: { clock: Clock; settingsExitCode: number; dataPath?: string; quiet: (config: AppConfig) => boolean; recordCheck?: RecordCheckMode }): Promise<Boot> {
  loadDotEnv();
  const loaded = loadConfig(process.env);
  if ('problems' in loaded) {
    for (const p of loaded.problems) process.stderr.write(`breachdesk: setting ${p}\n`);
    return { exitCode: options.settingsExitCode };
  }
  // A store named with `--data` is the person's own, never the demo store: no demo organization, no demo incidents.
  const config = options.dataPath ? { ...loaded.config, dataPath: options.dataPath, demo: false } : loaded.config;
  const logger = createConsoleLogger(options.quiet(config) && config.BREACHDESK_LOG_LEVEL === 'info' ? 'warn' : config.BREACHDESK_LOG_LEVEL);
  // A store path someone typed (`--data`, BREACHDESK_DATA) must be in a folder that exists: a typo in it would otherwise
  // start an empty store somewhere new, and its answers would look like "no incidents". The default folder is created.
  const named = options.dataPath ?? loaded.config.BREACHDESK_DATA;
  const missing = named && !isPostgresUrl(named) ? missingFolder(named) : undefined;
  if (missing) {
    process.stderr.write(`breachdesk: the store ${named} cannot be opened: its folder ${missing} does not exist. Check the path, or create the folder first (mkdir -p ${missing}).\n`);
    return { exitCode: 1 };
  }
  try {
    const runtime = await openRuntime({ dataPath: config.dataPath, clock: options.clock, logger, core: coreConfig(config), ...(options.recordCheck ? { recordCheck: options.recordCheck } : {}) });
    return { config, runtime, logger };
  } catch (error) {
    const line = storeProblem(error);
    if (!line) throw error;
    process.stderr.write(`${line}\n`);
    return { exitCode: 1 };
  }
}

/** The local user's name, for the terminal and CLI actor. */
export function localUserName(): string {
  try {
    return process.env.USER ?? userInfo().username;
  } catch {
    return 'local-user';
  }
}

/** The store file's folder when it does not exist (or is not a folder), else undefined. */
function missingFolder(path: string): string | undefined {
  const folder = dirname(resolve(path));
  return statSync(folder, { throwIfNoEntry: false })?.isDirectory() ? undefined : folder;
}
