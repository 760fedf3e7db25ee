// `set`: change one fact; the timeline keeps the old and new value, and deadlines follow.
import { z } from 'zod';
import { applyChange } from '../bot/domain/change.ts';
import { setFact } from '../bot/domain/facts.ts';
import { InvalidArgumentsError } from '../bot/errors.ts';
import type { Incident } from '../bot/model/incident-schema.ts';
import { FIELDS, resolveField } from './fields.ts';
import type { CommandSpec } from './registry.ts';
import { ok } from '../bot/reply.ts';
import { factLabelIn, factValueIn } from '../bot/views/fact-words-lang.ts';
import { languageFor, t, type Lang } from '../bot/i18n/index.ts';
import { labelled } from '../bot/i18n/format.ts';
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
    const lang = languageFor(applied.incident.organization, ctx.language);
    const reread = zoneGiven(current, applied.incident, resolved.path, lang);
    const label = factLabelIn(resolved.path, lang);
    if (!recorded) return ok(t(lang, 'set.unchanged', { id: args.id, label, value: factValueIn(resolved.path, value, lang, applied.incident.organization.timezone) }));
    if (lang === 'en') return ok(withWarnings(`${applied.incident.id} ${recorded.text}. Recorded on the timeline; \`deadlines ${applied.incident.id}\` shows the recomputed clocks.${reread}`, applied.warnings));
    // The timeline keeps the record's English; the answer says the change in the reader's words.
    const change = recorded.changes?.[0];
    const zone = applied.incident.organization.timezone;
    const text = t(lang, 'set.changed', { id: applied.incident.id, label, from: factValueIn(resolved.path, change?.from, lang, zone), to: factValueIn(resolved.path, change?.to, lang, zone) });
    return ok(withWarnings(`${text}${reread}`, applied.warnings, lang));
  },
};

/**
 * After a zone that was assumed is given: the times typed before were read in the assumed zone, so the answer shows
 * the discovery as it now reads and how to type it again if a local time was meant (nothing is moved silently).
 */
function zoneGiven(before: Incident, after: Incident, path: string, lang: Lang): string {
  if (path !== 'organization.timezone' || !before.organization.timezoneAssumed) return '';
  // UTC confirmed on purpose (stored as Etc/UTC) reads every time as before.
  if (before.organization.timezone === after.organization.timezone || (before.organization.timezone === 'UTC' && after.organization.timezone === 'Etc/UTC')) return '';
  const zone = after.organization.timezone;
  return `\n${t(lang, 'set.zoneWasAssumed', { id: after.id, from: before.organization.timezone, zone, discovered: factValueIn('discoveredAt', after.discoveredAt, lang, zone) })}`;
}

/** `set`, with its field table in the help text. */
export const setCommands: CommandSpec[] = [setCommand];

/** The catalogue key of a field's `help set` line: `affected.byJurisdiction.<JUR>` → `help.field.affected_byJurisdiction_JUR`. */
export const fieldHelpKey = (path: string): string => `help.field.${path.replace(/\./g, '_').replace(/[<>]/g, '')}`;

/** Lines describing every settable field, for `help set`, in `lang`. */
export const fieldHelp = (lang: Lang = 'en'): string[] =>
  FIELDS.map((f) => `  ${labelled(lang, `${f.path}${f.aliases.length ? ` (${f.aliases.join(', ')})` : ''}`, t(lang, fieldHelpKey(f.path), { defaultValue: f.help }))}`);
