// Instants as people read them: in the incident's own time zone, with the zone's abbreviation.
import { offsetMinutes, zoneAbbreviation } from '../deadlines/zone-offset.ts';

/** An instant shown in the incident's own time zone, e.g. "2025-02-20 09:00 CST". */
export function formatInZone(iso: string, timezone: string): string {
  const ms = Date.parse(iso);
  const local = new Date(ms + offsetMinutes(timezone, ms) * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} ${zoneAbbreviation(timezone, ms)}`;
}
