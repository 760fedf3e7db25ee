// The obligations of the record as it is when a change is applied: decisions check rules against these, not a stale copy.
import { computeObligations } from '../deadlines/engine.ts';
import type { RuleSet } from '../deadlines/rule-schema.ts';
import type { Obligation } from '../deadlines/types.ts';
import type { Incident } from '../model/incident-schema.ts';
import { CommandRefusedError } from '../errors.ts';
import { incidentDateProblems } from './dates.ts';
import type { Lang } from '../i18n/index.ts';

/** What the deadline rules need besides the incident. */
export interface RuleContext {
  rules: RuleSet;
  now: Date;
}

/** The obligation with this exact id (any letter case) on the current record; refused when it no longer exists. */
export function currentObligation(incident: Incident, id: string, rc: RuleContext): Obligation {
  const found = obligationsNow(incident, rc.rules, rc.now).find((o) => o.obligation.toLowerCase() === id.toLowerCase());
  if (!found) throw new CommandRefusedError(`${incident.id} has no obligation "${id}" with the current facts. \`deadlines ${incident.id}\` lists them.`);
  return found;
}


/**
 * The incident's obligations at `now`, their texts in `lang` (English by default: the `--json` contract's language); refused with the reason when a stored date is out of range (a record kept
 * from before dates were range-checked, e.g. discovered 9999-12-31), so one bad record never fails a whole answer.
 */
export function obligationsNow(incident: Incident, rules: RuleSet, now: Date, lang: Lang = 'en'): Obligation[] {
  const problems = incidentDateProblems(incident, now);
  if (problems.length) throw new CommandRefusedError(`${incident.id}'s deadlines cannot be computed: ${problems.join(' ')} Fix it with \`set ${incident.id} …\`.`);
  return computeObligations(incident, rules, now, { lang });
}
