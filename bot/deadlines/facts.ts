// Reading incident facts for the engine: clock triggers (with the vendor discovery rule), head counts and scope tests.
import { readCategories } from '../model/data-categories.ts';
import type { Incident } from '../model/incident-schema.ts';
import type { RuleCondition, RuleThreshold } from './rule-schema.ts';
import { localDate } from './time.ts';

/** The instant a clock starts from, and how it was chosen. */
export interface Trigger {
  /** Words for the basis: "discovery", "breach determination", … */
  event: string;
  /** The instant as recorded. */
  at: string;
  ms: number;
  /** Alternatives considered and why this one was chosen. */
  notes: string[];
}

/** EU member states plus Iceland, Liechtenstein and Norway. */
export const EU_EEA: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'EL', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
]);

const REGION_TEST: Record<NonNullable<RuleCondition['region']>, (code: string) => boolean> = {
  US: (c) => c === 'US' || c.startsWith('US-'),
  EU_EEA: (c) => EU_EEA.has(c),
  GB: (c) => c === 'GB' || c.startsWith('GB-'),
  FR: (c) => c === 'FR' || c.startsWith('FR-'),
};

function trigger(event: string, at: string, notes: string[] = []): Trigger {
  return { event, at, ms: Date.parse(at), notes };
}

/**
 * Discovery (HIPAA) or awareness (GDPR/NIS2) of this organization. With a vendor: an agent's discovery is imputed
 * to us, so the earliest of its discovery and ours; an independent contractor's clock reaches us with its notice,
 * so the earliest of our own discovery and its notice (HHS 2009 interim final rule preamble).
 */
export function discoveryTrigger(incident: Incident): Trigger {
  const own = trigger('discovery', incident.discoveredAt);
  const vendor = incident.vendor;
  if (!vendor) return own;
  const zone = incident.organization.timezone;
  const day = (iso: string) => localDate(Date.parse(iso), zone);
  if (vendor.isAgent) {
    if (!vendor.discoveredAt) {
      return { ...own, notes: [`${vendor.name} acts as our agent but its own discovery date is not recorded (vendor.discoveredAt): the clock may have started earlier`] };
    }
    const theirs = trigger(`discovery by ${vendor.name} (our agent; imputed to us)`, vendor.discoveredAt);
    const chosen = theirs.ms < own.ms ? theirs : own;
    const note = `${vendor.name} is our agent, so its discovery counts as ours: earliest of its discovery on ${day(vendor.discoveredAt)} and our own on ${day(incident.discoveredAt)}`;
    return { ...chosen, notes: [note] };
  }
  if (!vendor.notifiedUsAt) {
    return { ...own, notes: [`${vendor.name} is an independent contractor: our own discovery is used (its notice to us is not recorded)`] };
  }
  const notice = trigger(`notice from ${vendor.name}`, vendor.notifiedUsAt);
  const chosen = notice.ms < own.ms ? notice : own;
  const note = `${vendor.name} is an independent contractor: earliest of its notice to us on ${day(vendor.notifiedUsAt)} and our own discovery on ${day(incident.discoveredAt)}`;
  return { ...chosen, notes: [note] };
}

/** GDPR Art. 33(2): a controller becomes aware when its processor informs it (or earlier on its own); the HIPAA agent question plays no part. */
export function awarenessTrigger(incident: Incident): Trigger {
  const own = trigger('awareness', incident.discoveredAt);
  const vendor = incident.vendor;
  if (!vendor) return own;
  if (!vendor.notifiedUsAt) return { ...own, notes: [`${vendor.name}'s notice to us is not recorded: our own awareness is used (Art. 33(2): a controller becomes aware when its processor informs it)`] };
  const zone = incident.organization.timezone;
  const notice = trigger(`notice from ${vendor.name}`, vendor.notifiedUsAt);
  const chosen = notice.ms < own.ms ? notice : own;
  const day = (iso: string) => localDate(Date.parse(iso), zone);
  return { ...chosen, notes: [`earliest of ${vendor.name}'s notice to us on ${day(vendor.notifiedUsAt)} and our own awareness on ${day(incident.discoveredAt)} (Art. 33(2); the processor's own discovery does not start our clock)`] };
}

/**
 * State breach laws: the data owner's clock runs from its own discovery or the vendor's notification of the breach
 * (e.g. Tex. Bus. & Com. 521.053(b), Fla. Stat. 501.171(6)(a)); the HIPAA agent rule (45 CFR 164.404(a)(2)) is federal,
 * so it is not carried over silently: the earlier start it would give is named as the open question it is.
 */
export function stateDiscoveryTrigger(incident: Incident): Trigger {
  const vendor = incident.vendor;
  if (!vendor?.isAgent) return discoveryTrigger(incident);
  const base = discoveryTrigger({ ...incident, vendor: { ...vendor, isAgent: false } });
  const earlier = vendor.discoveredAt !== null && Date.parse(vendor.discoveredAt) < base.ms
    ? `; if state agency law imputes ${vendor.name}'s knowledge to us (unsettled), this clock started at its discovery on ${localDate(Date.parse(vendor.discoveredAt), incident.organization.timezone)}: ask counsel`
    : '';
  const own = base.notes.map((n) => n.replace(`${vendor.name} is an independent contractor: `, '').replace('its notice', `${vendor.name}'s notice`));
  return { ...base, notes: [...own, `the state statute counts from discovery or notification of the breach: the HIPAA agent rule (45 CFR 164.404(a)(2)) is not applied to this clock${earlier}`] };
}

/** The determination that a breach occurred (state laws); discovery, the earliest possible start, when not recorded. */
export function determinationTrigger(incident: Incident): Trigger {
  if (incident.breachDeterminedAt) return trigger('breach determination', incident.breachDeterminedAt);
  const d = stateDiscoveryTrigger(incident);
  return { ...d, notes: [...d.notes, 'breach determination not recorded (breachDeterminedAt): counted from discovery, the earliest possible start'] };
}

/** SEC: the materiality determination, if recorded. */
export function materialityTrigger(incident: Incident): Trigger | null {
  return incident.materialityDeterminedAt ? trigger('materiality determination', incident.materialityDeterminedAt) : null;
}

/** The vendor's own discovery, if recorded. */
export function vendorDiscoveryTrigger(incident: Incident): Trigger | null {
  const v = incident.vendor;
  return v?.discoveredAt ? trigger(`discovery by ${v.name}`, v.discoveredAt) : null;
}

/** Affected residents of one jurisdiction (0 when not recorded). */
export function residentsOf(incident: Incident, code: string): number {
  return incident.affected.byJurisdiction[code] ?? 0;
}

/** US States and jurisdictions (US-XX) with affected residents, sorted. */
export function usJurisdictions(incident: Incident): string[] {
  return Object.entries(incident.affected.byJurisdiction)
    .filter(([code, n]) => code.startsWith('US-') && n > 0)
    .map(([code]) => code)
    .sort();
}

/** Affected individuals whose US State is unknown: recorded as plain "US", or not assigned to any jurisdiction. */
export function unassignedUsResidents(incident: Incident): number {
  const assigned = Object.values(incident.affected.byJurisdiction).reduce((a, b) => a + b, 0);
  return residentsOf(incident, 'US') + Math.max(0, incident.affected.total - assigned);
}

/** Whether a head-count threshold holds, and the words for the basis. */
export function testThreshold(t: RuleThreshold, incident: Incident, jurisdiction: string): { holds: boolean; text: string } {
  const n = t.count === 'total' ? incident.affected.total : residentsOf(incident, jurisdiction);
  const holds = t.op === '>' ? n > t.value : t.op === '>=' ? n >= t.value : n < t.value;
  const what = t.count === 'total' ? `${n} individuals in total` : `${n} residents of ${jurisdiction}`;
  const op = t.op === '>=' ? '≥' : t.op;
  return { holds, text: holds ? `${what} ${op} ${t.value}` : `${what}, not ${op} ${t.value}` };
}

/** organization.part2Program is true, or unknown while part2_records / sud_treatment data were breached. */
export function part2Candidate(incident: Incident): boolean {
  const flag = incident.organization.part2Program;
  if (flag !== null) return flag;
  const known = readCategories(incident.dataCategories).known;
  return known.has('part2_records') || known.has('sud_treatment');
}

/** Whether every fact of a condition holds; `note` says when a region came in only through affected residents. */
export function conditionHolds(c: RuleCondition, incident: Incident): { holds: boolean; note?: string } {
  const org = incident.organization;
  if (c.role && !c.role.includes(org.role)) return { holds: false };
  if (c.notRole && c.notRole.includes(org.role)) return { holds: false };
  if (c.flag && !org[c.flag]) return { holds: false };
  if (c.country && !c.country.includes(org.country)) return { holds: false };
  if (c.notCountry && c.notCountry.includes(org.country)) return { holds: false };
  if (c.residentsOf && residentsOf(incident, c.residentsOf) <= 0) return { holds: false };
  if (c.vendorRole && !(incident.vendor && c.vendorRole.includes(incident.vendor.role))) return { holds: false };
  if (c.part2Candidate && !part2Candidate(incident)) return { holds: false };
  if (c.region) {
    const test = REGION_TEST[c.region];
    if (test(org.country)) return { holds: true };
    const codes = Object.entries(incident.affected.byJurisdiction).filter(([code, n]) => n > 0 && test(code)).map(([code]) => code);
    if (codes.length === 0) return { holds: false };
    return { holds: true, note: `applies through affected residents of ${codes.sort().join(', ')} (the organization is based in ${org.country})` };
  }
  return { holds: true };
}
