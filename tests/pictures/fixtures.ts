// The incidents the pictures show: the 262,831-patient vendor breach (about 20 notices) and a French hospital.
import type { IncidentImport } from '../../bot/model/incident-schema.ts';

/** A US covered entity breached at its EHR vendor: HIPAA plus nine states, about twenty notices owed. */
export function vendorBreachFacts(): IncidentImport {
  return {
    title: 'Legacy EHR vendor breach',
    organization: { name: 'Example Hospital', role: 'covered_entity', country: 'US', timezone: 'America/Chicago' },
    discoveredAt: '2025-02-20T09:00:00-06:00',
    vendor: { name: 'EHR vendor', role: 'business_associate', isAgent: false, discoveredAt: '2025-02-20T00:00:00-06:00', notifiedUsAt: '2025-02-20T08:00:00-06:00' },
    affected: {
      total: 262831,
      byJurisdiction: { 'US-IN': 262000, 'US-TX': 300, 'US-CA': 200, 'US-IL': 100, 'US-NY': 100, 'US-FL': 50, 'US-MA': 40, 'US-WA': 20, 'US-CO': 11 },
    },
    dataCategories: ['name', 'dob', 'address', 'diagnosis', 'prescriptions'],
    phiInvolved: true,
    dataEncrypted: false,
  };
}

/** A French health establishment (CNIL, ANS/CERT Santé clocks): answers in French. */
export function frenchHospitalFacts(): IncidentImport {
  return {
    title: 'Compte EPR à privilèges volé',
    organization: { name: 'Groupe hospitalier Exemple', role: 'controller', country: 'FR', timezone: 'Europe/Paris', frHealthEstablishment: true, frOse: false, nis2Entity: false },
    discoveredAt: '2025-02-20T09:00:00+01:00',
    affected: { total: 758912, byJurisdiction: { FR: 758912 } },
    dataCategories: ['identité', 'données de santé'],
    phiInvolved: true,
    dataEncrypted: false,
    gdprRisk: 'high',
  };
}
