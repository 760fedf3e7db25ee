// Small pieces every command file uses: the incident id argument, lookups and the context changes are applied with.
import { saidIn } from './said-in-french.ts';
import { z } from 'zod';
import type { ChangeContext } from '../bot/domain/change.ts';
import type { Incident } from '../bot/model/incident-schema.ts';
import type { CommandContext } from './context.ts';
import { IncidentNotFoundError } from '../bot/errors.ts';
import { t, type Lang } from '../bot/i18n/index.ts';

/** Accepts BR-12, br-12, BR12 or 12 and normalizes to BR-12. */
export const IncidentIdArg = z
  .string({ error: 'Missing incident id (like BR-12).' })
  .transform((s) => s.trim().toUpperCase().replace(/^BR-?/, ''))
  .pipe(z.string().regex(/^\d+$/, 'expected an incident id like BR-12'))
  // Leading zeros dropped (BR-007 is BR-7) without Number(), which would turn 20 digits into 1e+20; no store has such a number.
  .transform((n) => `BR-${n.replace(/^0+(?=\d)/, '')}`)
  .pipe(z.string().max(18, 'expected an incident id like BR-12 (that number is far too long to be one)'));

/** The incident, or a friendly IncidentNotFoundError. */
export async function requireIncident(ctx: CommandContext, id: string): Promise<Incident> {
  const incident = await ctx.store.get(id);
  if (!incident) throw new IncidentNotFoundError(id);
  return incident;
}

/** Who changes the incident and when: the context every domain decision is applied with. */
export function changeContext(ctx: CommandContext): ChangeContext {
  return { store: ctx.store, actor: ctx.actor, now: ctx.clock.now(), logger: ctx.logger };
}

/** A reply text followed by the warnings a change raised (allowed, but likely a mistake), labelled in `lang`. */
export function withWarnings(text: string, warnings: readonly string[], lang: Lang = 'en'): string {
  return warnings.length ? `${text}\n${warnings.map((w) => t(lang, 'set.warning', { text: saidIn(w, lang) })).join('\n')}` : text;
}

/** Yes/no words users type, as booleans. */
export const BooleanWord = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.enum(['yes', 'no', 'true', 'false', 'y', 'n', '1', '0', 'oui', 'non', 'o', 'vrai', 'faux'], { error: 'Answer yes or no (oui/non, true/false also work).' }))
  .transform((s) => ['yes', 'true', 'y', '1', 'oui', 'o', 'vrai'].includes(s));
