// The facts `set` can change: one table, so help, validation and the timeline all agree.
import { z } from 'zod';
import {
  FIELD_LIMITS, IncidentStatus, Jurisdiction, OrganizationRole, TimeZoneName, VendorRole, type Incident,
} from '../bot/model/incident-schema.ts';
import { LINE_BREAK } from '../bot/model/line-breaks.ts';
import { InvalidArgumentsError } from '../bot/errors.ts';
import { describeIssue } from './arg-problems.ts';
import { parseInstant } from './instants.ts';
import { languageFor } from '../bot/i18n/index.ts';
import { readCount, readGdprRisk, readYesNo } from './input-words.ts';

/** One settable fact. */
export interface FieldSpec {
  /** Dotted path inside the incident. */
  path: string;
  aliases: string[];
  help: string;
  /** Turns the typed value into the stored value; throws InvalidArgumentsError. */
  parse(raw: string, incident: Incident, now: Date): unknown;
}

const fromSchema = (schema: z.ZodType) => (raw: string) => {
  const r = schema.safeParse(raw);
  // An over-long wrong value is quoted by its start only, so the answer stays one readable sentence.
  const shown = raw.length > 80 ? `${raw.slice(0, 80)}…` : raw;
  if (!r.success) throw new InvalidArgumentsError(describeIssue({ ...r.error.issues[0]!, path: ['value'] }, { value: shown }, new Set()).replace(/^value /, 'The value '));
  return r.data;
};
// Values as people type them (262,831 / 262 831; French 262.831; yes/oui; faible/élevé): input-words.ts.
const plain = <T>(read: (raw: string, incident: Incident) => T | string, isValue: (v: T | string) => boolean) => (raw: string, incident: Incident): T => {
  const value = read(raw, incident);
  if (!isValue(value)) throw new InvalidArgumentsError(value as string);
  return value as T;
};
const count = plain((raw, incident) => readCount(raw, languageFor(incident.organization)), (v) => typeof v === 'number');
const instant = (raw: string, incident: Incident, now: Date) => parseInstant(raw, incident.organization.timezone, now, languageFor(incident.organization));
const optionalInstant = (raw: string, incident: Incident, now: Date) => (/^(none|null|-)$/i.test(raw.trim()) ? null : instant(raw, incident, now));
const bool = plain((raw) => readYesNo(raw), (v) => typeof v === 'boolean');
// Facts the engine reads as "unknown" until answered (null), e.g. a Part 2 program inferred from the data breached.
const UNKNOWN = /^(unknown|inconnu|none|null|-|\?)$/i;
const yesNoUnknown = (raw: string) => {
  if (UNKNOWN.test(raw.trim())) return null;
  const value = readYesNo(raw);
  if (typeof value !== 'boolean') throw new InvalidArgumentsError(`"${raw.trim()}" is not yes, no or unknown.`);
  return value;
};
const text = (raw: string) => {
  const value = raw.trim();
  if (!value) throw new InvalidArgumentsError('The value is empty.');
  // A title or a name is shown on one line (lists, the timeline): a line break in it could start a forged line.
  if (LINE_BREAK.test(value)) throw new InvalidArgumentsError('The value must be one line: it holds a line break.');
  if (value.length > 200) throw new InvalidArgumentsError(`The value is ${value.length.toLocaleString('en-US')} characters; the limit is 200.`);
  return value;
};

// The import format's bounds (incident-schema.ts FIELD_LIMITS), said as a sentence instead of failing at the store.
function categories(raw: string): string[] {
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length > FIELD_LIMITS.categories) throw new InvalidArgumentsError(`${list.length} data categories; the limit is ${FIELD_LIMITS.categories}.`);
  const long = list.find((c) => c.length > FIELD_LIMITS.category);
  if (long) throw new InvalidArgumentsError(`data category "${long.slice(0, 40)}…" is ${long.length} characters; the limit is ${FIELD_LIMITS.category}.`);
  return list;
}

const field = (path: string, aliases: string[], help: string, parse: FieldSpec['parse']): FieldSpec => ({ path, aliases, help, parse });

/** Every fact `set` knows, including the ones that move a deadline. */
export const FIELDS: readonly FieldSpec[] = [
  field('title', [], 'short incident title', text),
  field('status', [], `one of ${IncidentStatus.options.join(', ')}`, fromSchema(IncidentStatus)),
  field('roles.commander', ['commander'], 'incident commander: a user (<@U…>, slack:<id>, teams:<id>) joins the response team; a plain name does not', text),
  field('roles.privacyOfficer', ['privacy', 'privacyofficer', 'privacy-officer'], 'privacy officer (a user, as for commander)', text),
  field('roles.legal', ['legal', 'counsel'], 'legal counsel (a user, as for commander)', text),
  field('discoveredAt', ['discovered', 'discovery'], 'when THIS organization discovered / became aware (moves HIPAA, GDPR, state clocks)', instant),
  field('breachDeterminedAt', ['determined', 'determination'], 'when the organization determined a breach occurred (state laws counting from determination); none = use discovery', optionalInstant),
  field('materialityDeterminedAt', ['materiality'], 'SEC 8-K Item 1.05 materiality determination; none = not determined', optionalInstant),
  field('occurredFrom', [], 'start of the breach window', optionalInstant),
  field('occurredTo', [], 'end of the breach window', optionalInstant),
  field('affected.total', ['affected', 'total'], 'total individuals affected', count),
  field('affected.byJurisdiction.<JUR>', [], 'residents affected in one jurisdiction, e.g. affected.US-TX 300', count),
  field('phiInvolved', ['phi'], 'yes/no: protected health information involved', bool),
  field('dataEncrypted', ['encrypted'], 'yes/no: data encrypted per HHS guidance (secured PHI)', bool),
  field('keyCompromised', ['key-compromised', 'keycompromised', 'key'], 'yes/no/unknown: the encryption key or credentials were taken too (encrypted data then count as breached)', yesNoUnknown),
  field('gdprRisk', ['gdpr-risk', 'risk'], 'GDPR risk to individuals: unlikely, risk or high (faible, risque, élevé)', plain((raw) => readGdprRisk(raw), (v) => v === 'unlikely' || v === 'risk' || v === 'high')),
  field('dataCategories', ['data'], 'comma-separated data categories', categories),
  field('organization.name', ['org', 'org.name'], 'organization name', text),
  field('organization.role', ['role', 'org.role'], `one of ${OrganizationRole.options.join(', ')}`, fromSchema(OrganizationRole)),
  field('organization.country', ['country', 'org.country'], 'ISO country code, e.g. US, FR', fromSchema(z.string().toUpperCase().regex(/^[A-Z]{2}$/, 'expected a two-letter country code'))),
  field('organization.timezone', ['timezone', 'tz', 'org.timezone'], 'IANA time zone (day-counted deadlines end at 23:59:59.999 there); giving it clears an assumed zone', fromSchema(TimeZoneName)),
  field('organization.frHealthEstablishment', ['fr-health'], 'yes/no: French établissement de santé (CSP L.1111-8-2)', bool),
  field('organization.nis2Entity', ['nis2'], 'yes/no/unknown: essential/important entity under a NIS2 law in force (unknown: NIS2 notices need facts in the EU)', yesNoUnknown),
  field('organization.secRegistrant', ['sec'], 'yes/no: SEC registrant (Form 8-K Item 1.05; not answered: the 8-K needs facts for a US organization)', bool),
  field('organization.frOse', ['ose'], 'yes/no: French opérateur de services essentiels', bool),
  field('organization.caHealthFacility', ['ca-facility'], 'yes/no: California licensed health facility (H&S 1280.15)', bool),
  field('organization.part2Program', ['part2', 'part2program', 'part2-program'], 'yes/no/unknown: 42 CFR Part 2 program, HIPAA covered entity or not (unknown: with part2_records / sud_treatment data breached, or no data categories recorded, the Part 2 notices are needs facts with their clocks)', yesNoUnknown),
  field('organization.nyDfsEntity', ['nydfs', 'ny-dfs', 'dfs'], 'yes/no: regulated by the NY Department of Financial Services (DFS is then a recipient; not answered: the DFS notice needs facts when New York residents are affected)', bool),
  field('organization.gdprTerritorial', ['gdpr-scope', 'gdpr-territorial', 'gdprterritorial'], 'yes/no/unknown: the EU GDPR reaches the organization for the people affected (GDPR Art. 3: an establishment in the EU, or offering goods or services to / monitoring people in the EU); asked only of an organization based outside the EU/EEA (unknown: with EU/EEA residents affected, the GDPR notices need facts with their clocks)', yesNoUnknown),
  field('organization.ukGdprTerritorial', ['uk-gdpr-scope', 'uk-gdpr-territorial', 'ukgdprterritorial'], 'yes/no/unknown: the UK GDPR reaches the organization for the people affected (UK GDPR Art. 3: an establishment in the UK, or offering goods or services to / monitoring people in the UK); asked only of an organization based outside the UK (unknown: with UK residents affected, the UK GDPR notices need facts with their clocks)', yesNoUnknown),
  field('vendor.name', ['vendor'], 'vendor where the breach happened', text),
  field('vendor.role', [], `one of ${VendorRole.options.join(', ')}`, fromSchema(VendorRole)),
  field('vendor.isAgent', ['vendor.agent'], "yes/no/unknown: the vendor is the organization's agent (federal common law of agency: its discovery counts as ours, 45 CFR 164.404(a)(2)); unknown, the default: with the vendor's own discovery recorded, the HIPAA notices need facts, shown from its discovery", yesNoUnknown),
  field('vendor.discoveredAt', [], 'when the vendor discovered the breach', optionalInstant),
  field('vendor.notifiedUsAt', ['vendor.notified'], 'when the vendor notified us', optionalInstant),
];

/** Find a field by path, alias or `affected.<JUR>`; the resolved path is returned. */
export function resolveField(name: string): { spec: FieldSpec; path: string } | undefined {
  const lower = name.toLowerCase();
  const spec = FIELDS.find((f) => f.path.toLowerCase() === lower || f.aliases.includes(lower));
  if (spec && !spec.path.includes('<')) return { spec, path: spec.path };
  const jur = /^affected\.(?:byjurisdiction\.)?([a-z]{2}(?:-[a-z0-9]{1,3})?)$/i.exec(name);
  if (jur && Jurisdiction.safeParse(jur[1]!.toUpperCase()).success) {
    return { spec: FIELDS.find((f) => f.path.includes('<JUR>'))!, path: `affected.byJurisdiction.${jur[1]!.toUpperCase()}` };
  }
  return undefined;
}

export { getPath, setPath } from '../bot/domain/paths.ts';
