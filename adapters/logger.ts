// Logs: pino JSON lines on stderr (stdout stays clean for CLI output), human-readable lines when stderr is a terminal.
// Secrets and patient identifiers never reach a log line: fields are scrubbed by name and by shape before writing.
import { pino, type DestinationStream } from 'pino';
import { prettyFactory } from 'pino-pretty';
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
  const prettify = format === 'pretty' ? prettyFactory({ colorize: false, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }) : undefined;
  const destination: DestinationStream = {
    write: (line: string) => write((prettify ? prettify(line) : line).trimEnd()),
  };
  const base = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  const log = (lvl: LogLevelName) => (message: string, fields?: Record<string, unknown>) => {
    if (!base.isLevelEnabled(lvl)) return;
    const msg = scrubForLog(message) as string;
    if (fields && Object.keys(fields).length > 0) base[lvl](scrubForLog(fields) as Record<string, unknown>, msg);
    else base[lvl](msg);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
