// Which records a one-shot command needs verified first: a command about one incident checks that incident's chain
// only (opening the store stays as fast at 10,000 incidents as at 10), one that reads no record's health checks none,
// and anything else (`list`) checks every record, as the bot does.
import { createCommandRegistry } from '../../commands/index.ts';
import { IncidentIdArg } from '../../commands/shared.ts';
import type { RecordCheckMode } from '../runtime.ts';

/**
 * Commands whose answer reads no record's chain health (only `list` marks broken records; `show`, `verify` and exports
 * check their own incident): a one-shot run of them checks no record at start-up.
 */
const NO_RECORD_NEEDED = new Set(['deadlines.due', 'help', 'rules.coverage', 'preferences.lang', 'incident.new', 'incident.import', 'record.verify-export']);

/**
 * `{ only: [id] }` when `argv` runs a command that takes an incident id and names exactly one; `{ only: [] }` for a
 * command that reads no record's health; else `await` (every record).
 */
export function recordScope(argv: readonly string[]): RecordCheckMode {
  const spec = argv[0] === undefined ? undefined : createCommandRegistry().find(argv[0]);
  if (spec && NO_RECORD_NEEDED.has(spec.id)) return { only: [] };
  if (!spec?.positionals?.some((p) => p.name === 'id')) return 'await';
  // Read as the commands read them (BR-12, br12, 12).
  const ids = new Set(argv.slice(1).flatMap((word) => {
    const id = IncidentIdArg.safeParse(word);
    return id.success ? [id.data] : [];
  }));
  return ids.size === 1 ? { only: [...ids] } : 'await';
}
