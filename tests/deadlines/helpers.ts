// Shared test fixtures: a valid incident built from a few overrides, the shipped rules, lookups by obligation id.
import { IncidentSchema, type Incident, type IncidentImport } from '../../bot/model/incident-schema.ts';
import { computeObligations, type ComputeOptions, type Obligation } from '../../bot/deadlines/engine.ts';
import { loadRules } from '../../bot/deadlines/load-rules.ts';

/** The rules in data/rules, loaded once. */
export const rules = loadRules();

type OrgPatch = Partial<IncidentImport['organization']>;

/** Overrides for makeIncident: any top-level fact, organization merged field by field. */
export type IncidentPatch = Omit<Partial<IncidentImport>, 'organization'> & {
  organization?: OrgPatch;
  riskAssessments?: unknown[];
};

/** A US covered entity in Chicago, discovery 2025-02-20 09:00 CST, 1000 Indiana residents, unsecured PHI. */
export function makeIncident(patch: IncidentPatch = {}): Incident {
  const { organization, ...rest } = patch;
  return IncidentSchema.parse({
    id: 'BR-1',
    title: 'Test incident',
    createdAt: '2025-02-20T09:00:00-06:00',
    updatedAt: '2025-02-20T09:00:00-06:00',
    discoveredAt: '2025-02-20T09:00:00-06:00',
    affected: { total: 1000, byJurisdiction: { 'US-IN': 1000 } },
    phiInvolved: true,
    dataEncrypted: false,
    ...rest,
    organization: { name: 'Test Hospital', role: 'covered_entity', country: 'US', timezone: 'America/Chicago', ...organization },
  });
}

/** computeObligations with the shipped rules. */
export function compute(incident: Incident, now: string, options?: ComputeOptions): Obligation[] {
  return computeObligations(incident, rules, new Date(now), options);
}

/** The obligation with this id; fails the test if absent. */
export function find(list: Obligation[], id: string): Obligation {
  const found = list.find((o) => o.obligation === id);
  if (!found) throw new Error(`no obligation ${id}; got ${list.map((o) => o.obligation).join(', ')}`);
  return found;
}

/** Obligation ids, for presence checks. */
export function ids(list: Obligation[]): string[] {
  return list.map((o) => o.obligation);
}
