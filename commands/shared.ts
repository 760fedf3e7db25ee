// Small pieces every command file uses: the incident id argument, lookups and timeline entries.
import { z } from 'zod';
import { offsetMinutes } from '../bot/deadlines/zone-offset.ts';
import type { Incident, TimelineEntry } from '../data/incident-schema.ts';
import type { CommandContext } from './context.ts';
import { IncidentNotFoundError } from './errors.ts';

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

const zoneNames = new Map<string, string>();

/** An instant shown in the incident's own time zone, e.g. "2025-02-20 09:00 CST". */
export function formatInZone(iso: string, timezone: string): string {
  const ms = Date.parse(iso);
  const offset = offsetMinutes(timezone, ms);
  const local = new Date(ms + offset * 60_000).toISOString();
  // The abbreviation depends only on the zone and its offset (CST/CDT): ask Intl once per pair, not per message.
  const key = `${timezone}|${offset}`;
  let name = zoneNames.get(key);
  if (name === undefined) {
    // en-US knows US zone abbreviations (CST), en-GB the European ones (CET, BST).
    const locale = timezone.startsWith('America/') || timezone.startsWith('US/') ? 'en-US' : 'en-GB';
    name = new Intl.DateTimeFormat(locale, { timeZone: timezone, timeZoneName: 'short' }).formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? timezone;
    zoneNames.set(key, name);
  }
  return `${local.slice(0, 10)} ${local.slice(11, 16)} ${name}`;
}

/** Yes/no words users type, as booleans. */
export const BooleanWord = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.enum(['yes', 'no', 'true', 'false', 'y', 'n', '1', '0'], { error: 'expected yes or no' }))
  .transform((s) => ['yes', 'true', 'y', '1'].includes(s));
