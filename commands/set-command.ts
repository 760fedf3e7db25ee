// `set`: change one fact; the timeline keeps the old and new value, and deadlines follow.
import { z } from 'zod';
import { IncidentSchema } from '../bot/model/incident-schema.ts';
import { InvalidArgumentsError } from '../bot/errors.ts';
import { FIELDS, getPath, resolveField, setPath } from './fields.ts';
import type { CommandSpec } from './registry.ts';
import { ok } from '../bot/reply.ts';
import { factLabel, factValue } from '../bot/views/fact-words.ts';
import { IncidentIdArg, requireIncident, timelineEntry, updateWithEntry } from './shared.ts';

const setCommand: CommandSpec<{ id: string; field: string; value: string }> = {
  id: 'incident.set',
  permission: 'change',
  freeText: ['value'],
  name: 'set',
  aliases: ['update'],
  summary: 'Change one fact (discovery time, counts, roles, status…); deadlines are recomputed',
  usage: 'set <id> <field> <value…>   (`help set` lists the fields)',
  examples: ['set BR-1 affected.US-TX 300', 'set BR-1 discovered "2025-02-20 09:00"', 'set BR-1 status notifying'],
  positionals: [{ name: 'id' }, { name: 'field' }, { name: 'value', rest: true }],
  args: z.object({
    id: IncidentIdArg,
    field: z.string({ error: 'Missing field name.' }),
    value: z.string({ error: 'Missing value.' }),
  }),
  async handler(args, ctx) {
    const resolved = resolveField(args.field);
    if (!resolved) {
      throw new InvalidArgumentsError(`Unknown field "${args.field}". Fields: ${FIELDS.map((f) => f.aliases[0] ?? f.path).join(', ')}.`);
    }
    const current = await requireIncident(ctx, args.id);
    const value = resolved.spec.parse(args.value, current);
    const before = getPath(current, resolved.path);
    if (JSON.stringify(before) === JSON.stringify(value)) return ok(`${args.id}: ${factLabel(resolved.path)} is already ${show(value)}; nothing changed.`);
    const updated = await updateWithEntry(
      ctx,
      args.id,
      (c) => {
        const next = IncidentSchema.safeParse(setPath(c, resolved.path, value));
        if (!next.success) throw new InvalidArgumentsError(`${resolved.path}: ${next.error.issues[0]!.message}`);
        return next.data;
      },
      (b) => timelineEntry(ctx, 'fact.changed', `${factLabel(resolved.path)}: ${show(getPath(b, resolved.path))} → ${show(value)}`, [
        { field: resolved.path, from: getPath(b, resolved.path) ?? null, to: value },
      ]),
    );
    return ok(`${updated.id} ${factLabel(resolved.path)}: ${show(before)} → ${show(value)}. Recorded on the timeline; \`deadlines ${updated.id}\` shows the recomputed clocks.`);
  },
};

// Values in words (lists joined, yes/no), never JSON: people and regulators read these lines.
const show = factValue;

/** `set`, with its field table in the help text. */
export const setCommands: CommandSpec[] = [setCommand];

/** Lines describing every settable field, for `help set`. */
export const fieldHelp = (): string[] => FIELDS.map((f) => `  ${f.path}${f.aliases.length ? ` (${f.aliases.join(', ')})` : ''}: ${f.help}`);
