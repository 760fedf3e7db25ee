// The two demo incidents a newcomer sees on first run, dated relative to now so their clocks are live.
import { IncidentSchema, type Incident } from '../bot/model/incident-schema.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const demoActor = { id: 'demo', name: 'breachdesk demo', platform: 'system' as const };

/** A US hospital breached through its EHR vendor, and a French hospital whose privileged EPR account was stolen. */
export function demoIncidents(now: Date): Array<(id: string) => Incident> {
  const at = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const created = now.toISOString();
  const entry = (ms: number, text: string) => ({ at: at(ms), actor: demoActor, action: 'note', text });
  // Linked to the terminal, so a newcomer sees reminders arrive in the chat.
  const channels = [{ platform: 'terminal' as const, id: 'terminal', name: 'terminal', linkedAt: created, linkedBy: demoActor.name }];
  return [
    (id) =>
      IncidentSchema.parse({
        id, createdAt: created, updatedAt: created,
        title: 'EHR vendor breach: patient records copied from legacy servers',
        status: 'investigating',
        organization: { name: 'Example Regional Medical Center', role: 'covered_entity', country: 'US', timezone: 'America/Chicago' },
        discoveredAt: at(12 * DAY),
        occurredFrom: at(40 * DAY),
        vendor: { name: 'Legacy EHR hosting vendor', role: 'business_associate', isAgent: false, discoveredAt: at(20 * DAY), notifiedUsAt: at(12 * DAY) },
        affected: { total: 14_200, byJurisdiction: { 'US-IN': 13_650, 'US-TX': 300, 'US-IL': 250 } },
        dataCategories: ['name', 'date of birth', 'address', 'diagnosis', 'prescriptions'],
        phiInvolved: true,
        dataEncrypted: false,
        lawEnforcementDelays: [{ form: 'oral', agency: 'FBI', official: 'Special Agent (demo)', statedAt: at(5 * DAY), until: null }],
        roles: { commander: 'Dana (CISO)', privacyOfficer: 'Sam (Privacy Officer)', legal: 'Outside counsel' },
        channels,
        timeline: [
          entry(12 * DAY, 'Vendor phoned: stolen customer credentials used to copy records from legacy servers. Demo incident.'),
          entry(5 * DAY, 'FBI asked orally to delay notification; official identity documented (45 CFR 164.412(b)).'),
        ],
      }),
    (id) =>
      IncidentSchema.parse({
        id, createdAt: created, updatedAt: created,
        title: 'Compte à privilèges du DPI volé : dossiers patients exposés',
        status: 'triage',
        organization: { name: 'Groupe hospitalier Exemple', role: 'controller', country: 'FR', timezone: 'Europe/Paris', frHealthEstablishment: true },
        discoveredAt: at(30 * HOUR),
        affected: { total: 758_912, byJurisdiction: { FR: 758_912 } },
        dataCategories: ['identité', 'données de santé', 'numéro de sécurité sociale'],
        phiInvolved: true,
        dataEncrypted: false,
        gdprRisk: 'high',
        roles: { commander: 'RSSI (demo)', privacyOfficer: 'DPO (demo)' },
        channels,
        timeline: [entry(30 * HOUR, 'Alerte du SOC : compte à privilèges du logiciel de DPI utilisé depuis un poste inconnu. Incident de démonstration.')],
      }),
  ];
}
