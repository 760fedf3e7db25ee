// Incident fixtures built from import-format facts.
import { IncidentSchema, type Incident, type IncidentImport } from '../../bot/model/incident-schema.ts';

/** A stored incident built from import facts plus record fields. */
export function makeIncident(id: string, facts: IncidentImport, createdAt = '2025-02-20T15:00:00Z'): Incident {
  return IncidentSchema.parse({ ...facts, id, createdAt, updatedAt: createdAt });
}

/** A minimal US covered-entity incident, overridable. */
export function usHospitalFacts(overrides: Partial<IncidentImport> = {}): IncidentImport {
  return {
    title: 'Legacy EHR vendor breach',
    organization: { name: 'Example Hospital', role: 'covered_entity', country: 'US', timezone: 'America/Chicago' },
    discoveredAt: '2025-02-20T09:00:00-06:00',
    affected: { total: 1200, byJurisdiction: { 'US-IN': 1200 } },
    phiInvolved: true,
    dataEncrypted: false,
    ...overrides,
  };
}

