// Logs: pino JSON lines on stderr (stdout stays clean for CLI output), human-readable lines when stderr is a terminal.
// Secrets and patient identifiers never reach a log line: fields are scrubbed by name and by shape before writing.
import { createRequire } from 'node:module';
import type { DestinationStream, Logger as PinoLogger, pino as Pino } from 'pino';
import type { prettyFactory as PrettyFactory } from 'pino-pretty';
import type { Logger } from '../bot/ports.ts';
import { scrubForLog } from './log-scrub.ts';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** How lines are written: `json` (one object a line) or `pretty` (time, level, message, fields). */
export type LogFormat = 'json' | 'pretty';

/** A logger at `level`; lines go to `write` (default stderr) as JSON, or pretty when stderr is a terminal. */
export function createConsoleLogger(
  level: LogLevelName = 'info',
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  format: LogFormat = process.stderr.isTTY && !process.env.CI ? 'pretty' : 'json',
): Logger {
  const enabled = LOG_LEVELS.slice(LOG_LEVELS.indexOf(level));
  // pino (and pino-pretty) load on the first line written: a one-shot CLI run usually writes none.
  let base: PinoLogger<never> | undefined;
  const open = () => {
    const require = createRequire(import.meta.url);
    const { pino } = require('pino') as { pino: typeof Pino };
    const prettify = format === 'pretty' ? (require('pino-pretty') as { prettyFactory: typeof PrettyFactory }).prettyFactory({ colorize: false, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }) : undefined;
    const destination: DestinationStream = {
      write: (line: string) => write((prettify ? prettify(line) : line).trimEnd()),
    };
    return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } }, destination);
  };
  const log = (lvl: LogLevelName) => (message: string, fields?: Record<string, unknown>) => {
    if (!enabled.includes(lvl)) return;
    base ??= open();
    const msg = scrubForLog(message) as string;
    if (fields && Object.keys(fields).length > 0) base[lvl](scrubForLog(fields) as Record<string, unknown>, msg);
    else base[lvl](msg);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
