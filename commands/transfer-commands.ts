// `import`: an incident from the JSON import format (the export's JSON is a superset of it).
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
  if (source.trimStart().startsWith('{')) return source;
  if (!ctx.readFile) throw new CommandRefusedError('From chat, paste the incident JSON after `import`; file paths work in the terminal only.');
  try {
    return await ctx.readFile(source);
  } catch (error) {
    throw new CommandRefusedError(`Cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
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
    if (!parsed.ok) throw new InvalidArgumentsError(`The import was refused, nothing was created:\n- ${parsed.problems.join('\n- ')}`);
    const facts = guardImportFacts(parsed.facts, ctx.config.phiGuard);
    const { incident: created, warnings } = await applyCreate(changeContext(ctx), importIncident(facts, parsed.ignored, ctx.clock.now()));
    return ok(withWarnings(`Imported as ${created.id}: ${created.title}.`, warnings), { data: { id: created.id } });
  },
};

/** Import (export lives in record-commands.ts). */
export const transferCommands: CommandSpec[] = [importCommand];
