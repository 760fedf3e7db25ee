// `npm start`: every configured front door, the scheduler and the HTTP server; the terminal chat when no chat platform is set.
import { dirname, join, resolve } from 'node:path';
import { systemClock } from '../bot/clock.ts';
import type { Logger } from '../bot/ports.ts';
import { boot, localUserName } from './boot.ts';
import { resolveDataPath, type AppConfig } from './config.ts';
import { isPostgresUrl } from '../data/postgres/errors.ts';
import { tuneHeap } from './heap-tuning.ts';
import { createHttpServer } from './http-server.ts';
import { runInteractive } from './interactive.ts';
import type { Runtime } from './runtime.ts';
import { startScheduling } from './scheduling.ts';

async function main(): Promise<number> {
  tuneHeap();
  // With no chat platform the terminal chat owns the screen: routine info lines stay off it.
  const booted = await boot({ clock: systemClock, settingsExitCode: 1, quiet: (c) => !c.slack && !c.teams, recordCheck: 'background' });
  if ('exitCode' in booted) return booted.exitCode;
  const { config, runtime, logger } = booted;
  const chat = Boolean(config.slack || config.teams);
  if (!chat) {
    const name = localUserName();
    await runInteractive({ runtime, config, clock: systemClock, logger, actor: { id: name, name } });
    await runtime.close();
    return 0;
  }
  const stop = await startChatServer(runtime, config, logger);
  // One scheduler per store: the file lock allows one process; PostgreSQL replicas run it only while holding the lease.
  const scheduler = startScheduling(runtime, config, systemClock, logger);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  logger.info('shutting down');
  await scheduler.stop();
  await stop();
  await runtime.close();
  return 0;
}

/** Start the HTTP server and every configured chat front door; returns the function that stops them. */
async function startChatServer(runtime: Runtime, config: AppConfig, logger: Logger): Promise<() => Promise<void>> {
  let stopping = false;
  const http = createHttpServer(() => !stopping);
  const stops: Array<() => Promise<void>> = [];
  try {
    if (config.slack) {
      const { startSlack } = await import('./slack/index.ts');
      const slack = await startSlack({ bot: runtime.bot, http, notifierHub: runtime.notifier, config: config.slack, logger, seenRequests: runtime.store });
      stops.push(() => slack.stop());
    }
    if (config.teams) {
      const { startTeams } = await import('./teams/index.ts');
      const referencesPath = teamsReferencesPath(config);
      const teams = await startTeams({ bot: runtime.bot, http, notifierHub: runtime.notifier, config: config.teams, logger, referencesPath, seenRequests: runtime.store });
      stops.push(() => teams.close());
    }
    const port = await http.listen(config.PORT, config.listenHost);
    logger.info(`breachdesk listening on port ${port} of ${config.listenHost}`, { slack: Boolean(config.slack), teams: Boolean(config.teams), store: runtime.store.location });
  } catch (error) {
    for (const s of stops.reverse()) await s().catch(() => undefined);
    await http.close();
    throw error;
  }
  return async () => {
    stopping = true;
    for (const s of stops.reverse()) await s().catch((e: unknown) => logger.warn('stopping a front door failed', { error: String(e) }));
    await http.close();
  };
}

/** Beside the store file; for PostgreSQL one file per replica (by port) in the user's data folder, since each holds its own lock. */
function teamsReferencesPath(config: AppConfig): string {
  if (!isPostgresUrl(config.dataPath)) return join(dirname(resolve(config.dataPath)), 'teams-references.json');
  return join(dirname(resolveDataPath(process.env, undefined, true).path), `teams-references-${config.PORT}.json`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`breachdesk: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
