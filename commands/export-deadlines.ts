// Deadline lines for the Markdown export (filled in by the deadline engine).
import type { Incident } from '../data/incident-schema.ts';
import type { CommandContext } from './context.ts';

/** One Markdown line per obligation. */
export function exportObligationLines(_incident: Incident, _ctx: CommandContext): string[] {
  return ['(deadline engine not connected yet)'];
}
