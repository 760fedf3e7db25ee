// A console logger: one line per event on stderr, so stdout stays clean for CLI output.
import type { Logger } from '../bot/ports.ts';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** Lines at or above `level` go to stderr as `time level message {fields}`. */
export function createConsoleLogger(level: (typeof LEVELS)[number] = 'info', write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const min = LEVELS.indexOf(level);
  const log = (lvl: (typeof LEVELS)[number]) => (message: string, fields?: Record<string, unknown>) => {
    if (LEVELS.indexOf(lvl) < min) return;
    write(`${new Date().toISOString()} ${lvl} ${message}${fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : ''}`);
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}
