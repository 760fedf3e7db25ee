// Which records a one-shot command needs verified first: a command about one incident checks that incident's chain
// only (opening the store stays as fast at 10,000 incidents as at 10); anything else checks every record, as the bot does.
import { createCommandRegistry } from '../../commands/index.ts';
import type { RecordCheckMode } from '../runtime.ts';

const INCIDENT_ID = /^BR-\d+$/i;

/** `{ only: [id] }` when `argv` runs a command that takes an incident id and names exactly one; else `await` (every record). */
export function recordScope(argv: readonly string[]): RecordCheckMode {
  const spec = argv[0] === undefined ? undefined : createCommandRegistry().find(argv[0]);
  if (!spec?.positionals?.some((p) => p.name === 'id')) return 'await';
  const ids = new Set(argv.slice(1).filter((word) => INCIDENT_ID.test(word)).map((word) => word.toUpperCase()));
  return ids.size === 1 ? { only: [...ids] } : 'await';
}
