// The one-shot CLI's own options: [--data <file>] [--now <ISO>] [--as <user>] [--json] <command text…>.
import { instantRangeProblem } from '../../bot/domain/dates.ts';
import { IsoInstant } from '../../bot/model/incident-schema.ts';

/** Parsed command line. */
export interface CliArgs {
  data?: string;
  now?: string;
  as?: string;
  json: boolean;
  /** The command words; empty → interactive chat. */
  command: string[];
}

const VALUE_OPTIONS = ['--data', '--now', '--as'] as const;
// A local user's name as the record keys it (bot/access/actor-key.ts: cli and terminal ids).
const LOCAL_NAME = /^[\w.-]{1,64}$/;

/** Global options come before the command; `--json` is accepted anywhere. */
export function parseCliArgs(argv: string[]): CliArgs | { problem: string } {
  const out: CliArgs = { json: false, command: [] };
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') out.json = true;
    else if (arg === '--help' || arg === '-h') return { ...out, command: ['help'] };
    else if ((VALUE_OPTIONS as readonly string[]).includes(arg.split('=')[0]!)) {
      const [name, inline] = arg.split(/=(.*)/s);
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) return { problem: `${name} needs a value` };
      const key = name!.slice(2) as 'data' | 'now' | 'as';
      // Given twice, one of the two would be dropped without a word (another store, another person in the record).
      if (out[key] !== undefined) return { problem: `${name} is given twice` };
      out[key] = value;
    } else if (arg.startsWith('--') && out.command.length === 0) return { problem: `unknown option ${arg}` };
    else break;
  }
  for (; i < argv.length; i++) {
    if (argv[i] === '--json') out.json = true;
    else out.command.push(argv[i]!);
  }
  const nowProblem = out.now === undefined ? undefined : nowOptionProblem(out.now);
  if (nowProblem) return { problem: nowProblem };
  // The name the record keeps for this run's user (cli:<name>): a local user name, one line, so it can never forge a line.
  if (out.as !== undefined && !LOCAL_NAME.test(out.as)) return { problem: `--as needs a local user name (letters, digits, ".", "_" or "-", at most 64), not "${out.as.replace(/[^\x20-\x7e]/g, '?')}"` };
  return out;
}

/** `--now` is an instant with an offset that exists and lies in the range every recorded instant must (1970 to 5 years on). */
function nowOptionProblem(now: string): string | undefined {
  // Without an offset the machine's own zone would decide the instant: the run would not be reproducible.
  if (!IsoInstant.safeParse(now).success) return `--now needs an ISO-8601 instant with an offset, like 2025-03-01T12:00:00Z, not "${now}"`;
  const problem = instantRangeProblem(now, new Date(), `--now ${now}`);
  return problem ? problem.replace(/\.$/, '') : undefined;
}

/** Usage text for bad CLI options. */
export const CLI_USAGE = 'Usage: breachdesk [--data <file>] [--now <ISO-8601>] [--as <user>] [--json] <command text…>   (no command: interactive chat; `breachdesk help` lists commands)';
