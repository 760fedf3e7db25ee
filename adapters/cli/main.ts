// `breachdesk …`: run one command against the store and exit 0 (ok), 1 (refused) or 2 (bad usage); no command → chat.
import './zod-jitless.ts';
import { createManualClock, systemClock } from '../../bot/clock.ts';
import { boot, localUserName } from '../boot.ts';
import { terminalText } from '../safe-text.ts';
import { runInteractive } from '../interactive.ts';
import { CLI_USAGE, parseCliArgs } from './parse-cli.ts';
import { recordScope } from './record-scope.ts';
import { saveReplyFile } from '../save-file.ts';
import type { Reply } from '../../bot/reply.ts';

/** Piped into `head`: once the reader has gone there is nobody left to answer, so the CLI finishes quietly. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    throw error;
  });
}

async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  if (argv[0] === 'migrate-store') {
    const { migrateStore } = await import('./migrate-store.ts');
    return migrateStore(argv.slice(1), (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`));
  }
  const args = parseCliArgs(argv);
  if ('problem' in args) {
    process.stderr.write(`breachdesk: ${args.problem}\n${CLI_USAGE}\n`);
    return 2;
  }
  const clock = args.now ? createManualClock(args.now) : systemClock;
  // One-shot runs print only the answer: routine info lines stay off stderr.
  // A command about one incident verifies that record only; chat (no command) and everything else verify them all.
  const recordCheck = args.command.length === 0 ? 'await' : recordScope(args.command);
  const booted = await boot({ clock, settingsExitCode: 2, ...(args.data ? { dataPath: args.data } : {}), quiet: () => true, recordCheck });
  if ('exitCode' in booted) return booted.exitCode;
  const { config, runtime, logger } = booted;
  const who = args.as ?? localUserName();
  try {
    if (args.command.length === 0) {
      await runInteractive({ runtime, config, clock, logger, actor: { id: who, name: who } });
      return 0;
    }
    const reply = await deliverFile(await runtime.bot.handle({ argv: args.json ? [...args.command, '--json'] : args.command, actor: { id: who, name: who }, platform: 'cli' }), args.json);
    if (reply.outcome === 'ok') {
      const id = (reply.data as { id?: unknown } | undefined)?.id;
      // The import contract: print the new id alone, so scripts can capture it.
      const isImport = runtime.bot.findCommand(args.command[0] ?? '')?.id === 'incident.import';
      // Escape sequences and bidi overrides in stored text are shown, never obeyed by the terminal (JSON keeps its value).
      if (!args.json && isImport && typeof id === 'string') {
        process.stdout.write(`${id}\n`);
        // Warnings (an unknown state code, counts above the total…) still reach the person, on stderr beside the id.
        const rest = reply.text.split('\n').slice(1).join('\n').trim();
        if (rest) process.stderr.write(`${terminalText(rest)}\n`);
        return 0;
      }
      process.stdout.write(`${terminalText(reply.text)}\n`);
      return 0;
    }
    process.stderr.write(`${terminalText(reply.text)}\n`);
    return reply.outcome === 'usage' ? 2 : 1;
  } finally {
    await runtime.close();
  }
}

/** A text file (JSON, Markdown) with no --out goes to stdout, as scripts expect; others are written and the path named. */
async function deliverFile(reply: Reply, json: boolean): Promise<Reply> {
  const file = reply.file;
  if (!file || reply.outcome !== 'ok') return reply;
  if (!file.path && file.mediaType !== 'application/pdf') return json ? reply : { ...reply, text: Buffer.from(file.content).toString('utf8').trimEnd() };
  return saveReplyFile(reply);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`breachdesk: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
