// `help` and `help <command>`, generated from the registry's declarations.
import { z } from 'zod';
import type { CommandSpec } from './registry.ts';
import { ok, usage } from '../bot/reply.ts';
import { fieldHelp } from './set-command.ts';

// What each permission means, in the words `help <command>` shows.
const WHO = {
  public: 'anyone',
  open: 'anyone allowed to open incidents (BREACHDESK_OPENERS; empty = anyone)',
  read: "the incident's response team and admins",
  change: "the incident's response team and admins",
  admin: 'admins (BREACHDESK_ADMINS)',
} as const;

/** The help command needs the full list of specs (including itself). */
export function createHelpCommand(all: () => readonly CommandSpec[]): CommandSpec<{ command?: string }> {
  return {
    id: 'help',
    permission: 'public',
    name: 'help',
    aliases: ['?', 'commands'],
    summary: 'List commands, or explain one',
    usage: 'help [command]',
    examples: ['help', 'help deadlines'],
    positionals: [{ name: 'command' }],
    args: z.object({ command: z.string().optional() }),
    async handler(args) {
      const specs = all();
      if (!args.command) {
        const width = Math.max(...specs.map((s) => s.name.length));
        const lines = specs.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`);
        const text = ['breachdesk commands (Slack: /breach <command>; Teams: @breachdesk <command>):', ...lines, '', 'Type `help <command>` for its usage and examples. Answers are private unless a command posts on purpose.'].join('\n');
        return ok(text, {
          card: { title: 'breachdesk commands', fields: specs.map((s) => ({ label: s.name, value: s.summary })), footer: 'help <command> for usage and examples' },
          data: specs.map((s) => ({ command: s.name, aliases: s.aliases ?? [], summary: s.summary, usage: s.usage })),
        });
      }
      const word = args.command.toLowerCase();
      const spec = specs.find((s) => s.name === word || s.aliases?.includes(word));
      if (!spec) return usage(`No command "${args.command}".`, 'help [command]', 'help deadlines');
      const options = Object.entries(spec.options ?? {}).map(([name, o]) => `  --${name}${o.type === 'string' ? ' <value>' : ''}  ${o.description}`);
      const lines = [
        `${spec.name}: ${spec.summary}`,
        `Usage: ${spec.usage}`,
        ...(spec.aliases?.length ? [`Also: ${spec.aliases.join(', ')}`] : []),
        `Who: ${WHO[spec.permission]}`,
        ...(options.length ? ['Options:', ...options] : []),
        'Examples:',
        ...spec.examples.map((e) => `  ${e}`),
        ...(spec.name === 'set' ? ['Fields:', ...fieldHelp()] : []),
      ];
      return ok(lines.join('\n'), { data: { command: spec.name, usage: spec.usage, examples: spec.examples } });
    },
  };
}
