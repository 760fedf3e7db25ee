// `npm start`: every configured front door, the scheduler and the HTTP server; the terminal chat when no chat platform is set.
import { userInfo } from 'node:os';
import { systemClock } from '../bot/clock.ts';
import { coreConfig, loadConfig, loadDotEnv } from './config.ts';
import { createHttpServer } from './http-server.ts';
import { runInteractive } from './interactive.ts';
import { createConsoleLogger } from './logger.ts';
import { openRuntime, storeProblem, type Runtime } from './runtime.ts';

async function main(): Promise<number> {
  loadDotEnv();
  const loaded = loadConfig(process.env);
  if ('problems' in loaded) {
    for (const p of loaded.problems) process.stderr.write(`breachdesk: setting ${p}\n`);
    return 1;
  }
  const config = loaded.config;
  const chat = config.slackEnabled || config.teamsEnabled;
  const logger = createConsoleLogger(chat ? config.BREACHDESK_LOG_LEVEL : 'warn');
  let runtime: Runtime;
  try {
    runtime = await openRuntime({ dataPath: config.dataPath, clock: systemClock, logger, core: coreConfig(config) });
  } catch (error) {
    const line = storeProblem(error);
    if (!line) throw error;
    process.stderr.write(`${line}\n`);
    return 1;
  }
  if (!chat) {
    const name = process.env.USER ?? userInfo().username;
    await runInteractive({ runtime, config, clock: systemClock, logger, actor: { id: name, name } });
    await runtime.close();
    return 0;
  }
  const http = createHttpServer(() => ({ store: runtime.store.location }));
  const port = await http.listen(config.PORT);
  logger.info(`breachdesk listening on port ${port}`, { slack: config.slackEnabled, teams: config.teamsEnabled, store: runtime.store.location });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  logger.info('shutting down');
  await http.close();
  await runtime.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`breachdesk: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
