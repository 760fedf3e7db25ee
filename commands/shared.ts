// Small pieces every command file uses: the incident id argument, lookups and timeline entries.
import { z } from 'zod';
import type { Incident, TimelineEntry } from '../bot/model/incident-schema.ts';
import type { CommandContext } from './context.ts';
import { IncidentNotFoundError } from '../bot/errors.ts';

/** Accepts BR-12, br-12, BR12 or 12 and normalizes to BR-12. */
export const IncidentIdArg = z
  .string({ error: 'Missing incident id (like BR-12).' })
  .transform((s) => s.trim().toUpperCase().replace(/^BR-?/, ''))
  .pipe(z.string().regex(/^\d+$/, 'expected an incident id like BR-12'))
  .transform((n) => `BR-${Number(n)}`);

/** The incident, or a friendly IncidentNotFoundError. */
export async function requireIncident(ctx: CommandContext, id: string): Promise<Incident> {
  const incident = await ctx.store.get(id);
  if (!incident) throw new IncidentNotFoundError(id);
  return incident;
}

/** A timeline entry stamped with the asker, their platform and the injected clock. */
export function timelineEntry(
  ctx: CommandContext,
  action: string,
  text: string,
  changes?: TimelineEntry['changes'],
): TimelineEntry {
  return { at: ctx.clock.now().toISOString(), actor: ctx.actor, action, text, ...(changes ? { changes } : {}) };
}

/** Apply a change and record it on the timeline in one atomic store update. */
export function updateWithEntry(
  ctx: CommandContext,
  id: string,
  change: (current: Incident) => Incident,
  entry: (before: Incident, after: Incident) => TimelineEntry,
): Promise<Incident> {
  return ctx.store.update(id, (current) => {
    const next = change(current);
    return { ...next, updatedAt: ctx.clock.now().toISOString(), timeline: [...next.timeline, entry(current, next)] };
  });
}

/** Yes/no words users type, as booleans. */
export const BooleanWord = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.enum(['yes', 'no', 'true', 'false', 'y', 'n', '1', '0', 'oui', 'non', 'o', 'vrai', 'faux'], { error: 'Answer yes or no (oui/non, true/false also work).' }))
  .transform((s) => ['yes', 'true', 'y', '1', 'oui', 'o', 'vrai'].includes(s));
