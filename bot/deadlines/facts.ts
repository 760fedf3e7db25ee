// Reading incident facts for the engine: clock triggers (with the vendor discovery rule), head counts and scope tests.
import { readCategories } from '../model/data-categories.ts';
import type { Incident } from '../model/incident-schema.ts';
import type { RuleCondition, RuleThreshold } from './rule-schema.ts';
import { localDate } from './time.ts';
import { wordsFor, type Words } from './words.ts';

/** The instant a clock starts from, and how it was chosen. */
export interface Trigger {
  /** Words for the basis: "discovery", "breach determination", … */
  event: string;
  /** The instant as recorded. */
  at: string;
  ms: number;
  /** Alternatives considered and why this one was chosen. */
  notes: string[];
  /** A fact not answered that decides this start (the clock shown is the earliest it could be): the notice needs facts. */
  question?: string;
}

/** EU member states plus Iceland, Liechtenstein and Norway. */
export const EU_EEA: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'EL', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
]);

const REGION_TEST: Record<NonNullable<RuleCondition['region']>, (code: string) => boolean> = {
  US: (c) => c === 'US' || c.startsWith('US-'),
  // "EU" (ISO 3166 exceptionally reserved) is how people record residents of the Union whose country is not known.
  EU_EEA: (c) => c === 'EU' || EU_EEA.has(c),
  GB: (c) => c === 'GB' || c.startsWith('GB-'),
  FR: (c) => c === 'FR' || c.startsWith('FR-'),
};

function trigger(event: string, at: string, notes: string[] = []): Trigger {
  return { event, at, ms: Date.parse(at), notes };
}

/** English words in the incident's zone, for callers that give none. */
const english = (incident: Incident): Words => wordsFor('en', incident.organization.timezone);

/**
 * Discovery (HIPAA) or awareness (GDPR/NIS2) of this organization. With a vendor: an agent's discovery is imputed
 * to us, so the earliest of its discovery and ours; an independent contractor's clock reaches us with its notice,
 * so the earliest of our own discovery and its notice (HHS 2009 interim final rule preamble).
 */
export function discoveryTrigger(incident: Incident, w: Words = english(incident)): Trigger {
  const own = trigger(w.say('event.discovery'), incident.discoveredAt);
  const vendor = incident.vendor;
  if (!vendor) return own;
  const day = (iso: string) => w.dayOf(Date.parse(iso));
  const names = { vendor: vendor.name, ours: day(incident.discoveredAt) };
  if (vendor.isAgent) {
    if (!vendor.discoveredAt) {
      // An agent cannot have told us before it knew: its notice bounds its discovery, and so ours, from above.
      if (vendor.notifiedUsAt && Date.parse(vendor.notifiedUsAt) < own.ms) {
        const notice = trigger(w.say('event.vendorNotice', names), vendor.notifiedUsAt);
        return { ...notice, notes: [w.say('trigger.agentNoticeBound', { ...names, theirs: day(vendor.notifiedUsAt) })] };
      }
      return { ...own, notes: [w.say('trigger.agentNoDate', names)] };
    }
    const theirs = trigger(w.say('event.agentDiscovery', names), vendor.discoveredAt);
    const chosen = theirs.ms < own.ms ? theirs : own;
    return { ...chosen, notes: [w.say('trigger.agentEarliest', { ...names, theirs: day(vendor.discoveredAt) })] };
  }
  if (vendor.isAgent === null) return agentUnansweredTrigger(incident, w);
  if (!vendor.notifiedUsAt) return { ...own, notes: [w.say('trigger.contractorNoNotice', names)] };
  const notice = trigger(w.say('event.vendorNotice', names), vendor.notifiedUsAt);
  const chosen = notice.ms < own.ms ? notice : own;
  return { ...chosen, notes: [w.say('trigger.contractorEarliest', { ...names, theirs: day(vendor.notifiedUsAt) })] };
}

/**
 * Whether the vendor is our agent is not answered (vendor.isAgent null). 45 CFR 164.404(a)(2) / 164.410(a)(2): an
 * agent's discovery is ours; an independent contractor's reaches us with its notice. When the vendor's own recorded
 * discovery is earlier than what the contractor reading gives, the answer decides the clock: the earliest start (its
 * discovery) is shown and the notice needs facts. Otherwise the contractor reading, said without calling it one.
 */
function agentUnansweredTrigger(incident: Incident, w: Words): Trigger {
  const vendor = incident.vendor!;
  const day = (iso: string) => w.dayOf(Date.parse(iso));
  const section = hipaaAgentRule(incident);
  const own = trigger(w.say('event.discovery'), incident.discoveredAt);
  const notice = vendor.notifiedUsAt ? trigger(w.say('event.vendorNotice', { vendor: vendor.name }), vendor.notifiedUsAt) : null;
  const contractor = notice && notice.ms < own.ms ? notice : own;
  const ownWords = notice
    ? w.say('trigger.stateEarliest', { vendor: vendor.name, theirs: day(vendor.notifiedUsAt!), ours: day(incident.discoveredAt) })
    : w.say('trigger.stateNoNotice', { vendor: vendor.name });
  if (!vendor.discoveredAt) return { ...contractor, notes: [w.say('trigger.agentUnknownNoDate', { vendor: vendor.name, section }), ownWords] };
  const theirs = trigger(w.say('event.discoveryIfAgent', { vendor: vendor.name }), vendor.discoveredAt);
  if (theirs.ms >= contractor.ms) return { ...contractor, notes: [w.say('trigger.agentUnknownSame', { vendor: vendor.name, theirs: day(vendor.discoveredAt) }), ownWords] };
  const otherwise = notice
    ? w.say('trigger.agentUnknownOtherwiseNotice', { vendor: vendor.name, notice: day(vendor.notifiedUsAt!), ours: day(incident.discoveredAt), id: incident.id })
    : w.say('trigger.agentUnknownOtherwiseOwn', { vendor: vendor.name, ours: day(incident.discoveredAt), id: incident.id });
  return {
    ...theirs,
    notes: [],
    question: w.say('trigger.agentUnknown', { vendor: vendor.name, theirs: day(vendor.discoveredAt), section, otherwise }),
  };
}

/** GDPR Art. 33(2): a controller becomes aware when its processor informs it (or earlier on its own); the HIPAA agent question plays no part. */
export function awarenessTrigger(incident: Incident, w: Words = english(incident)): Trigger {
  const own = trigger(w.say('event.awareness'), incident.discoveredAt);
  const vendor = incident.vendor;
  if (!vendor) return own;
  if (!vendor.notifiedUsAt) return { ...own, notes: [w.say('trigger.awarenessNoNotice', { vendor: vendor.name })] };
  const notice = trigger(w.say('event.vendorNotice', { vendor: vendor.name }), vendor.notifiedUsAt);
  const chosen = notice.ms < own.ms ? notice : own;
  const day = (iso: string) => w.dayOf(Date.parse(iso));
  return { ...chosen, notes: [w.say('trigger.awarenessEarliest', { vendor: vendor.name, theirs: day(vendor.notifiedUsAt), ours: day(incident.discoveredAt) })] };
}

/**
 * State breach laws: the data owner's clock runs from its own discovery or the vendor's notification of the breach
 * (e.g. Tex. Bus. & Com. 521.053(b), Fla. Stat. 501.171(6)(a)); the HIPAA agent rule (45 CFR 164.404(a)(2), 164.410(a)(2)) is federal,
 * so it is not carried over silently: the earlier start it would give is named as the open question it is.
 */
export function stateDiscoveryTrigger(incident: Incident, w: Words = english(incident)): Trigger {
  const vendor = incident.vendor;
  // Not answered (null) is said like an agent here: the state clock is the same either way, the question named.
  if (!vendor || vendor.isAgent === false) return discoveryTrigger(incident, w);
  const base = discoveryTrigger({ ...incident, vendor: { ...vendor, isAgent: false } }, w);
  const day = (iso: string) => w.dayOf(Date.parse(iso));
  const earlier = vendor.discoveredAt !== null && Date.parse(vendor.discoveredAt) < base.ms
    ? w.say('trigger.stateAgentEarlier', { vendor: vendor.name, day: day(vendor.discoveredAt) })
    : '';
  // The contractor's wording of discoveryTrigger, said of the vendor by name (it is our agent, not a contractor, here).
  const own = vendor.notifiedUsAt
    ? w.say('trigger.stateEarliest', { vendor: vendor.name, theirs: day(vendor.notifiedUsAt), ours: day(incident.discoveredAt) })
    : w.say('trigger.stateNoNotice', { vendor: vendor.name });
  return { ...base, notes: [own, w.say('trigger.stateAgentRule', { earlier, section: hipaaAgentRule(incident) })] };
}

/**
 * Rules outside US law (GDPR processor, NIS2, French CSP and ANSSI notices): the organization's own knowledge, or the
 * vendor's notice to it when earlier. The HIPAA agent rule (45 CFR 164.404(a)(2) / 164.410(a)(2), federal common law of agency) is US
 * law: a vendor flagged as our agent does not move these clocks back to its own discovery.
 */
export function nonUsDiscoveryTrigger(incident: Incident, w: Words = english(incident)): Trigger {
  const vendor = incident.vendor;
  if (!vendor || vendor.isAgent === false) return discoveryTrigger(incident, w);
  const base = discoveryTrigger({ ...incident, vendor: { ...vendor, isAgent: false } }, w);
  const day = (iso: string) => w.dayOf(Date.parse(iso));
  const own = vendor.notifiedUsAt
    ? w.say('trigger.stateEarliest', { vendor: vendor.name, theirs: day(vendor.notifiedUsAt), ours: day(incident.discoveredAt) })
    : w.say('trigger.stateNoNotice', { vendor: vendor.name });
  return { ...base, notes: [own, w.say('trigger.agentRuleUsOnly', { section: hipaaAgentRule(incident) })] };
}

/** The determination that a breach occurred (state laws); discovery, the earliest possible start, when not recorded. */
export function determinationTrigger(incident: Incident, w: Words = english(incident)): Trigger {
  if (incident.breachDeterminedAt) return trigger(w.say('event.determination'), incident.breachDeterminedAt);
  const d = stateDiscoveryTrigger(incident, w);
  return { ...d, notes: [...d.notes, w.say('trigger.noDetermination')] };
}

/** SEC: the materiality determination, if recorded. */
export function materialityTrigger(incident: Incident, w: Words = english(incident)): Trigger | null {
  return incident.materialityDeterminedAt ? trigger(w.say('event.materiality'), incident.materialityDeterminedAt) : null;
}

/** The vendor's own discovery, if recorded. */
export function vendorDiscoveryTrigger(incident: Incident, w: Words = english(incident)): Trigger | null {
  const v = incident.vendor;
  return v?.discoveredAt ? trigger(w.say('event.vendorDiscovery', { vendor: v.name }), v.discoveredAt) : null;
}

/**
 * The HIPAA discovery rule that imputes an agent's knowledge to the organization owing the notice: 45 CFR 164.410(a)(2)
 * for a business associate (its employees, officers and other agents), 164.404(a)(2) for a covered entity.
 */
export function hipaaAgentRule(incident: Incident): string {
  return incident.organization.role === 'business_associate' ? '45 CFR 164.410(a)(2)' : '45 CFR 164.404(a)(2)';
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

/** People who may live in any US State: those with no recorded State, when the organization is American or some are recorded as plain "US". */
export function possibleUsResidents(incident: Incident): number {
  if (incident.organization.country !== 'US' && residentsOf(incident, 'US') === 0) return 0;
  return unassignedUsResidents(incident);
}

/** The incident with `extra` more residents recorded for `code` (for "could this State cross its threshold?"). */
export function withResidents(incident: Incident, code: string, extra: number): Incident {
  const byJurisdiction = { ...incident.affected.byJurisdiction, [code]: residentsOf(incident, code) + extra };
  return { ...incident, affected: { ...incident.affected, byJurisdiction } };
}

/** Residents counted per jurisdiction, added up. */
function countedPerJurisdiction(incident: Incident): number {
  return Object.values(incident.affected.byJurisdiction).reduce((a, b) => a + b, 0);
}

/**
 * How many people the breach affected, for "how many individuals" tests (HHS 500 or more, the annual log, FTC): the
 * recorded total, or the per-jurisdiction counts added up when they say more (600 Texans are 600 people even if the
 * total says 400), so the notices never contradict each other and the error is toward notifying.
 */
export function affectedCount(incident: Incident): number {
  return Math.max(incident.affected.total, countedPerJurisdiction(incident));
}

/** Whether a head-count threshold holds, and the words for the basis. */
export function testThreshold(t: RuleThreshold, incident: Incident, jurisdiction: string, w: Words = english(incident)): { holds: boolean; text: string } {
  const n = t.count === 'total' ? affectedCount(incident) : residentsOf(incident, jurisdiction);
  const holds = t.op === '>' ? n > t.value : t.op === '>=' ? n >= t.value : n < t.value;
  const recorded = incident.affected.total;
  const what = t.count === 'residents'
    ? w.say('count.residents', { n: w.count(n), jurisdiction })
    : n > recorded ? w.say('count.totalFromJurisdictions', { n: w.count(n), total: w.count(recorded) }) : w.say('count.total', { n: w.count(n) });
  const op = t.op === '>=' ? '≥' : t.op;
  return { holds, text: w.say(holds ? 'count.holds' : 'count.fails', { what, op, value: w.count(t.value) }) };
}

/** 42 CFR 2.16(b) as amended (89 FR 12472): breach-notice compliance date. */
export const PART2_COMPLIANCE = '2026-02-16';

/**
 * organization.part2Program is true, or unknown while part2_records / sud_treatment data were breached, or unknown
 * with nothing to infer it from (part2Unanswered: the notices then need facts), or false while such data were breached
 * (the notices are then listed as not applicable, with the reason).
 */
export function part2Candidate(incident: Incident): boolean {
  const flag = incident.organization.part2Program;
  if (flag === true) return true;
  const known = readCategories(incident.dataCategories).known;
  const sudData = known.has('part2_records') || known.has('sud_treatment');
  // Not a program, yet SUD records were breached (a lawful holder, a qualified service organization): listed as not
  // applicable with the reason, so nobody reads the silence as an oversight.
  if (flag === false) return sudData;
  return sudData || part2Unanswered(incident);
}

/**
 * Whether the organization is a Part 2 program is not answered and no data category is recorded at all, for a breach
 * discovered on or after the compliance date: the question is live (a recorded list without Part 2 categories answers it).
 * Any role: 2.16(b) binds Part 2 programs whether or not they are HIPAA covered entities.
 */
export function part2Unanswered(incident: Incident): boolean {
  const org = incident.organization;
  return org.part2Program === null && incident.dataCategories.length === 0
    && localDate(Date.parse(incident.discoveredAt), org.timezone) >= PART2_COMPLIANCE;
}

/** Whether every fact of a condition holds; `note` says when a region came in only through affected residents. */
export function conditionHolds(c: RuleCondition, incident: Incident, w: Words = english(incident)): { readonly holds: boolean; readonly note?: string } {
  const org = incident.organization;
  if (c.role && !c.role.includes(org.role)) return FAILS;
  if (c.notRole && c.notRole.includes(org.role)) return FAILS;
  if (c.flag && !org[c.flag]) return FAILS;
  if (c.country && !c.country.includes(org.country)) return FAILS;
  if (c.notCountry && c.notCountry.includes(org.country)) return FAILS;
  if (c.residentsOf && residentsOf(incident, c.residentsOf) <= 0) return FAILS;
  if (c.vendorRole && !(incident.vendor && c.vendorRole.includes(incident.vendor.role))) return FAILS;
  if (c.part2Candidate && !part2Candidate(incident)) return FAILS;
  // One of several ways in (based in the EU, or recorded as a NIS2 entity): the first that holds, with its note.
  const alternative = c.anyOf?.map((one) => conditionHolds(one, incident, w)).find((r) => r.holds);
  if (c.anyOf && !alternative) return FAILS;
  if (c.region) {
    const test = REGION_TEST[c.region];
    if (test(org.country)) return HOLDS;
    const codes = Object.entries(incident.affected.byJurisdiction).filter(([code, n]) => n > 0 && test(code)).map(([code]) => code);
    if (codes.length === 0) return FAILS;
    return { holds: true, note: w.say('count.throughResidents', { codes: codes.sort().join(', '), country: org.country }) };
  }
  return alternative ?? HOLDS;
}

// The plain answers, shared (the engine asks this for every rule part of every incident).
const HOLDS = Object.freeze({ holds: true });
const FAILS = Object.freeze({ holds: false });
