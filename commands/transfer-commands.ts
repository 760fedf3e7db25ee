// `import`: an incident from the JSON import format (the export's JSON is a superset of it).
import { languageFor, t, translator } from '../bot/i18n/index.ts';
import { askerLanguage } from './asker-language.ts';
import { z } from 'zod';
import { applyCreate } from '../bot/domain/change.ts';
import { importIncident } from '../bot/domain/incident.ts';
import { parseImport } from '../data/import-format.ts';
import { guardImportFacts } from '../bot/privacy/import-guard.ts';
import type { CommandContext } from './context.ts';
import { CommandRefusedError, InvalidArgumentsError } from '../bot/errors.ts';
import type { CommandSpec } from './registry.ts';
import { ok } from '../bot/reply.ts';
import { changeContext, withWarnings } from './shared.ts';

async function readSource(source: string, ctx: CommandContext): Promise<string> {
  // Pasted JSON of any shape is parsed (and refused in words), never taken for a file name.
  if (/^\s*[{["]/.test(source)) return source;
  const tr = translator(askerLanguage(ctx));
  if (!ctx.readFile) throw new CommandRefusedError(tr('confirm.importFromChat'));
  try {
    return await ctx.readFile(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw new CommandRefusedError(`Cannot import ${source}: ${(error as Error).message}`);
    const why = tr(`confirm.importWhy.${['ENOENT', 'EISDIR', 'EACCES'].includes(code) ? code : 'other'}`);
    const named = source.length > 80 ? `${source.slice(0, 80)}…` : source;
    throw new InvalidArgumentsError(tr('confirm.importCannot', { named, why }));
  }
}

const importCommand: CommandSpec<{ source: string }> = {
  id: 'incident.import',
  permission: 'open',
  name: 'import',
  summary: 'Create an incident from the JSON import format (a file in the terminal, pasted JSON in chat)',
  usage: 'import <file.json | {json…}>',
  examples: ['import incident.json'],
  positionals: [{ name: 'source', rest: true, raw: true }],
  args: z.object({ source: z.string({ error: 'Missing file or JSON to import.' }).min(1) }),
  async handler(args, ctx) {
    const text = await readSource(args.source, ctx);
    const parsed = parseImport(text);
    // Each problem names a field of the import format as written (English, like the format itself).
    if (!parsed.ok) throw new InvalidArgumentsError([t(askerLanguage(ctx), 'confirm.importRefused'), ...parsed.problems.map((p) => `- ${p}`)].join('\n'));
    const facts = guardImportFacts(parsed.facts, ctx.config.phiGuard);
    const { incident: created, warnings } = await applyCreate(changeContext(ctx), importIncident(facts, parsed.ignored, ctx.clock.now()));
    const lang = languageFor(created.organization, ctx.language);
    return ok(withWarnings(t(lang, 'confirm.imported', { id: created.id, title: created.title }), warnings, lang), { data: { id: created.id } });
  },
};

/** Import (export lives in record-commands.ts). */
export const transferCommands: CommandSpec[] = [importCommand];
