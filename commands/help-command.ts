// `help` and `help <command>`, generated from the registry's declarations.
import { z } from 'zod';
import { ok, usage } from '../bot/reply.ts';
import { fieldHelp } from './set-command.ts';
import { translator } from '../bot/i18n/index.ts';
import { labelled } from '../bot/i18n/format.ts';
import { askerLanguage } from './asker-language.ts';
import { examplesOf, usageLine, type CommandSpec } from './registry.ts';

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
    async handler(args, ctx) {
      const specs = all();
      const tr = translator(askerLanguage(ctx));
      // The declaration's English is the fallback for a command the catalogue does not describe yet.
      const summary = (s: CommandSpec) => tr(`help.summary.${s.name}`, { defaultValue: s.summary });
      if (!args.command) {
        const width = Math.max(...specs.map((s) => s.name.length));
        const lines = specs.map((s) => `  ${s.name.padEnd(width)}  ${summary(s)}`);
        const text = [tr('help.heading'), ...lines, '', tr('help.footer')].join('\n');
        return ok(text, {
          lang: askerLanguage(ctx),
          card: { title: tr('help.title'), fields: specs.map((s) => ({ label: s.name, value: summary(s) })), footer: tr('help.cardFooter') },
          data: specs.map((s) => ({ command: s.name, aliases: s.aliases ?? [], summary: s.summary, usage: s.usage })),
        });
      }
      const word = args.command.toLowerCase();
      const spec = specs.find((s) => s.name === word || s.aliases?.includes(word));
      if (!spec) return usage(tr('help.noCommand', { word: args.command }), usageLine(specs.find((s) => s.name === 'help')!, askerLanguage(ctx)), examplesOf(specs.find((s) => s.name === 'help')!, askerLanguage(ctx)).at(-1), askerLanguage(ctx));
      const describe = (name: string, text: string) => tr(`help.option.${spec.name}.${name}`, { defaultValue: text });
      const options = Object.entries(spec.options ?? {}).map(([name, o]) => `  --${name}${o.type === 'string' ? ` ${tr('help.value')}` : ''}  ${describe(name, o.description)}`);
      const label = (key: string) => labelled(askerLanguage(ctx), tr(`help.${key}`));
      const lines = [
        labelled(askerLanguage(ctx), spec.name, summary(spec)),
        `${label('usage')} ${usageLine(spec, askerLanguage(ctx))}`,
        ...(spec.aliases?.length ? [`${label('also')} ${spec.aliases.join(', ')}`] : []),
        `${label('who')} ${tr(`help.whoIs.${spec.permission}`)}`,
        ...(options.length ? [label('options'), ...options] : []),
        label('examples'),
        ...examplesOf(spec, askerLanguage(ctx)).map((e) => `  ${e}`),
        ...(spec.name === 'set' ? [label('fields'), ...fieldHelp(askerLanguage(ctx))] : []),
      ];
      return ok(lines.join('\n'), { data: { command: spec.name, usage: spec.usage, examples: spec.examples } });
    },
  };
}
