// The patient data guard over the import format's free-text fields (the import path does not go through typed arguments).
import type { IncidentFacts } from '../model/incident-schema.ts';
import { guardText, type PhiGuardMode } from './guard.ts';

/** The facts with every free-text field checked (refused, or redacted in `redact` mode). */
export function guardImportFacts(facts: IncidentFacts, mode: PhiGuardMode = 'refuse'): IncidentFacts {
  const g = (field: string, text: string) => guardText(`the import's ${field}`, text, mode);
  const roles = Object.fromEntries(Object.entries(facts.roles).map(([k, v]) => [k, v === undefined ? v : g(`roles.${k}`, v)]));
  return {
    ...facts,
    title: g('title', facts.title),
    organization: { ...facts.organization, name: g('organization.name', facts.organization.name) },
    vendor: facts.vendor ? { ...facts.vendor, name: g('vendor.name', facts.vendor.name) } : null,
    dataCategories: facts.dataCategories.map((c, i) => g(`dataCategories[${i}]`, c)),
    lawEnforcementDelays: facts.lawEnforcementDelays.map((d, i) => ({
      ...d, agency: g(`lawEnforcementDelays[${i}].agency`, d.agency), official: g(`lawEnforcementDelays[${i}].official`, d.official),
    })),
    notices: facts.notices.map((n, i) => (n.note === undefined ? n : { ...n, note: g(`notices[${i}].note`, n.note) })),
    roles,
  };
}
