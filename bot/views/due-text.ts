// When an obligation is due, in words and in the organization's zone.
import type { Obligation } from '../deadlines/types.ts';
import { formatInZone } from './format-in-zone.ts';

/** When an obligation is due, in the organization's zone. */
export function dueText(o: Obligation, zone: string): string {
  if (o.dueAt === null) return o.kind === 'none_fixed' ? 'without undue delay (no fixed deadline)' : 'no fixed deadline';
  const at = formatInZone(o.dueAt, zone);
  return o.kind === 'immediate' ? `immediately (at the latest ${at})` : at;
}
