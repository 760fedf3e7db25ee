// Which records a one-shot command needs verified first: a command about one incident checks that incident's chain
// only (opening the store stays as fast at 10,000 incidents as at 10); anything else checks every record, as the bot does.
import { createCommandRegistry } from '../../commands/index.ts';
import type { RecordCheckMode } from '../runtime.ts';

// As people type ids (BR-12, br12, 12).
const INCIDENT_ID = /^(?:br-?)?(\d+)$/i;

/** `{ only: [id] }` when `argv` runs a command that takes an incident id and names exactly one; else `await` (every record). */
export function recordScope(argv: readonly string[]): RecordCheckMode {
  const spec = argv[0] === undefined ? undefined : createCommandRegistry().find(argv[0]);
  if (!spec?.positionals?.some((p) => p.name === 'id')) return 'await';
  const ids = new Set(argv.slice(1).flatMap((word) => {
    const digits = INCIDENT_ID.exec(word)?.[1];
    return digits ? [`BR-${digits.replace(/^0+(?=\d)/, '')}`] : [];
  }));
  return ids.size === 1 ? { only: [...ids] } : 'await';
}
