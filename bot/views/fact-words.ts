// Facts as people say them: "privacy officer" for roles.privacyOfficer, "name, dob" for ["name","dob"], "yes" for true.

const LABELS: Record<string, string> = {
  title: 'title', status: 'status',
  'roles.commander': 'incident commander', 'roles.privacyOfficer': 'privacy officer', 'roles.legal': 'legal counsel',
  discoveredAt: 'discovery time', breachDeterminedAt: 'breach determination time', materialityDeterminedAt: 'materiality determination time',
  occurredFrom: 'breach window start', occurredTo: 'breach window end',
  'affected.total': 'individuals affected',
  phiInvolved: 'PHI involved', dataEncrypted: 'data encrypted', gdprRisk: 'GDPR risk', dataCategories: 'data categories',
  'organization.name': 'organization', 'organization.role': 'organization role', 'organization.country': 'country',
  'organization.timezone': 'time zone', 'organization.frHealthEstablishment': 'French health establishment',
  'organization.nis2Entity': 'NIS2 entity', 'organization.secRegistrant': 'SEC registrant', 'organization.frOse': 'French OSE',
  'organization.caHealthFacility': 'California health facility', 'organization.part2Program': '42 CFR Part 2 program',
  'organization.nyDfsEntity': 'NY DFS-regulated entity', 'organization.gdprTerritorial': 'in GDPR territorial scope', 'organization.ukGdprTerritorial': 'in UK GDPR territorial scope', 'organization.timezoneAssumed': 'time zone assumed', keyCompromised: 'encryption key compromised',
  'vendor.name': 'vendor', 'vendor.role': 'vendor role', 'vendor.isAgent': 'vendor is our agent',
  'vendor.discoveredAt': 'vendor discovery time', 'vendor.notifiedUsAt': 'vendor notice to us',
};

/** A fact's name in words: "privacy officer", "individuals affected in US-TX". */
export function factLabel(path: string): string {
  const jurisdiction = /^affected\.byJurisdiction\.(.+)$/.exec(path);
  if (jurisdiction) return `individuals affected in ${jurisdiction[1]}`;
  return LABELS[path] ?? path.replace(/^organization\./, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A fact's value in words: lists joined, yes/no, "(none)"; numbers with thousands separators. */
export function factValue(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (Array.isArray(value)) return value.length ? value.map(factValue).join(', ') : '(none)';
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${factValue(v)}`).join('; ');
  return String(value);
}
