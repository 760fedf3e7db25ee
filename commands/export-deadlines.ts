// Deadline lines for the Markdown export: every obligation with its status, due time, citation and verification.
import { obligationsNow } from '../bot/domain/obligations.ts';
import { obligationLines, sharedCaveatLines } from '../bot/deadlines/present.ts';
import type { Incident } from '../bot/model/incident-schema.ts';
import type { CommandContext } from './context.ts';
import { formatInZone } from '../bot/views/format-in-zone.ts';

/**
 * Markdown lines, one block per obligation, as computed at the export's "now". A jurisdiction without an encoded rule
 * is listed as NOT COVERED (obligation `<JURISDICTION>:not_covered`); caveats many rules share are stated once, at the end.
 */
export function exportObligationLines(incident: Incident, ctx: CommandContext): string[] {
  const now = ctx.clock.now();
  const obligations = obligationsNow(incident, ctx.rules, now);
  if (obligations.length === 0) return ['No notification obligation applies on the recorded facts.'];
  const at = (iso: string) => formatInZone(iso, incident.organization.timezone);
  const blocks = obligations.flatMap((o) => {
    const [first = o.obligation, ...rest] = obligationLines(o, now.getTime(), at, true, true);
    return [`- ${first}`, ...rest.map((l) => `  ${l.trim()}`)];
  });
  const notes = sharedCaveatLines(obligations);
  return notes.length ? [...blocks, '', 'Notes shared by several obligations:', ...notes.map((n) => `- ${n.replace(/^! /, '')}`)] : blocks;
}
