// `import` and `export`: the incident as JSON (the import format's superset) or a Markdown record.
import { z } from 'zod';
import { applyCreate } from '../bot/domain/change.ts';
import { importIncident } from '../bot/domain/incident.ts';
import type { Incident } from '../bot/model/incident-schema.ts';
import { parseImport } from '../data/import-format.ts';
import { guardImportFacts } from '../bot/privacy/import-guard.ts';
import type { CommandContext } from './context.ts';
import { CommandRefusedError, InvalidArgumentsError } from '../bot/errors.ts';
import { incidentFacts } from '../bot/views/incident-view.ts';
import { exportObligationLines } from './export-deadlines.ts';
import type { CommandSpec } from './registry.ts';
import { ok } from '../bot/reply.ts';
import { formatInZone } from '../bot/views/format-in-zone.ts';
import { changeContext, IncidentIdArg, requireIncident, withWarnings } from './shared.ts';

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

const exportCommand: CommandSpec<{ id: string; format: 'json' | 'md' }> = {
  id: 'incident.export',
  permission: 'read',
  audit: 'export',
  name: 'export',
  summary: 'Export the full record (facts, deadlines, timeline) as JSON or Markdown',
  usage: 'export <id> [--format json|md]',
  examples: ['export BR-1 --format md', 'export BR-1 --format json'],
  positionals: [{ name: 'id' }],
  options: { format: { type: 'string', description: 'json (default, re-importable) or md (readable record)' } },
  args: z.object({ id: IncidentIdArg, format: z.enum(['json', 'md'], { error: 'format must be json or md' }).default('json') }),
  async handler(args, ctx) {
    const incident = await requireIncident(ctx, args.id);
    const exported = { format: 'breachdesk-incident', formatVersion: 1, exportedAt: ctx.clock.now().toISOString(), exportedBy: ctx.actor.name, ...incident };
    if (args.format === 'json') return ok(JSON.stringify(exported, null, 2), { data: exported });
    const md = toMarkdown(incident, ctx);
    return ok(md, { data: { id: incident.id, format: 'md', markdown: md } });
  },
};

function toMarkdown(i: Incident, ctx: CommandContext): string {
  const tz = i.organization.timezone;
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `# ${i.id}: ${i.title}`,
    '',
    `Exported ${formatInZone(ctx.clock.now().toISOString(), tz)} by ${ctx.actor.name}. Times in ${tz}.`,
    '',
    '## Facts',
    ...incidentFacts(i).map((f) => `- **${f.label}:** ${f.value}`),
    '',
    '## Notification deadlines',
    ...exportObligationLines(i, ctx),
    '',
    `## Timeline (${i.timeline.length} entries, append-only)`,
    '',
    '| When | Who | Platform | What |',
    '|---|---|---|---|',
    ...i.timeline.map((e) => `| ${formatInZone(e.at, tz)} | ${cell(e.actor.name)} | ${e.actor.platform} | ${cell(e.text)} |`),
    '',
  ].join('\n');
}

/** Import and export. */
export const transferCommands: CommandSpec[] = [importCommand, exportCommand];
