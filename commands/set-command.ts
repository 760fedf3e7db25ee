// `set`: change one fact; the timeline keeps the old and new value, and deadlines follow.
import { z } from 'zod';
import { applyChange } from '../bot/domain/change.ts';
import { setFact } from '../bot/domain/facts.ts';
import { InvalidArgumentsError } from '../bot/errors.ts';
import { FIELDS, resolveField } from './fields.ts';
import type { CommandSpec } from './registry.ts';
import { ok } from '../bot/reply.ts';
import { factLabel, factValue } from '../bot/views/fact-words.ts';
import { changeContext, IncidentIdArg, requireIncident, withWarnings } from './shared.ts';

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
    const value = resolved.spec.parse(args.value, current, ctx.clock.now());
    const applied = await applyChange(changeContext(ctx), args.id, setFact(resolved.path, value, ctx.clock.now()));
    // The reply quotes what the timeline recorded, so a concurrent `set` never sees an old value quoted back.
    const recorded = applied.events[0];
    if (!recorded) return ok(`${args.id}: ${factLabel(resolved.path)} is already ${factValue(value)}; nothing changed.`);
    return ok(withWarnings(`${applied.incident.id} ${recorded.text}. Recorded on the timeline; \`deadlines ${applied.incident.id}\` shows the recomputed clocks.`, applied.warnings));
  },
};

/** `set`, with its field table in the help text. */
export const setCommands: CommandSpec[] = [setCommand];

/** Lines describing every settable field, for `help set`. */
export const fieldHelp = (): string[] => FIELDS.map((f) => `  ${f.path}${f.aliases.length ? ` (${f.aliases.join(', ')})` : ''}: ${f.help}`);
