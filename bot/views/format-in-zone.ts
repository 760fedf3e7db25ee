// Instants as people read them: in the incident's own time zone, with the zone's abbreviation.
import { offsetMinutes } from '../deadlines/zone-offset.ts';

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
