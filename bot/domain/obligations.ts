// The obligations of the record as it is when a change is applied: decisions check rules against these, not a stale copy.
import { computeObligations } from '../deadlines/engine.ts';
import type { RuleSet } from '../deadlines/rule-schema.ts';
import type { Obligation } from '../deadlines/types.ts';
import type { Incident } from '../model/incident-schema.ts';
import { CommandRefusedError } from '../errors.ts';

/** What the deadline rules need besides the incident. */
export interface RuleContext {
  rules: RuleSet;
  now: Date;
}

/** The obligation with this exact id (any letter case) on the current record; refused when it no longer exists. */
export function currentObligation(incident: Incident, id: string, rc: RuleContext): Obligation {
  const found = computeObligations(incident, rc.rules, rc.now).find((o) => o.obligation.toLowerCase() === id.toLowerCase());
  if (!found) throw new CommandRefusedError(`${incident.id} has no obligation "${id}" with the current facts. \`deadlines ${incident.id}\` lists them.`);
  return found;
}

