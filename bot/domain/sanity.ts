// Sanity checks on an incident's facts: things the record allows but that are very likely typing mistakes (warnings).
import type { Incident } from '../model/incident-schema.ts';

// The 50 states, DC and the inhabited territories that have breach-notification laws or postal codes people use.
const US_STATES = new Set(
  ('AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI ' +
    'SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP').split(' '),
);
// Made on first use: building it costs about 5 ms, a one-shot command that checks no country should not pay.
let regionNames: Intl.DisplayNames | undefined;

/** True when `code` is an ISO 3166-1 alpha-2 region the runtime knows (XX, QQ, ZZ are not). */
export function isKnownCountry(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ') return false;
  try {
    return (regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' })).of(code) !== code;
  } catch {
    return false;
  }
}

/** Why a jurisdiction code is unknown (US-XX, XX), or undefined when it is a real state or country. */
export function unknownJurisdiction(code: string): string | undefined {
  const us = /^US-(.+)$/.exec(code);
  if (us) return US_STATES.has(us[1]!) ? undefined : `${code} is not a US state or territory code (e.g. US-TX)`;
  if (code.includes('-')) return isKnownCountry(code.slice(0, 2)) ? undefined : `${code} does not start with a known country code`;
  return isKnownCountry(code) ? undefined : `${code} is not a known ISO country code (e.g. FR, GB)`;
}

/** Plain warnings about the facts of `incident` at `now` (empty when nothing looks wrong). */
export function factWarnings(incident: Incident, now: Date): string[] {
  const warnings: string[] = [];
  if (Date.parse(incident.discoveredAt) > now.getTime()) {
    warnings.push(`Discovery (${incident.discoveredAt}) is in the future; clocks count from it, so check it.`);
  }
  if (!isKnownCountry(incident.organization.country)) {
    warnings.push(`Organization country ${incident.organization.country} is not a known ISO country code; no national rule will match it.`);
  }
  for (const code of Object.keys(incident.affected.byJurisdiction)) {
    const problem = unknownJurisdiction(code);
    if (problem) warnings.push(`Affected residents: ${problem}; no rule will match it.`);
  }
  const counts = Object.values(incident.affected.byJurisdiction);
  const sum = counts.reduce((a, b) => a + b, 0);
  if (sum > incident.affected.total) {
    warnings.push(
      `Residents counted per jurisdiction (${sum.toLocaleString('en-US')}) exceed the total affected (${incident.affected.total.toLocaleString('en-US')}); ` +
        'thresholds use both, so raise the total (`set <id> affected <n>`) or correct a jurisdiction.',
    );
  }
  const vendor = incident.vendor;
  if (vendor?.discoveredAt && vendor.notifiedUsAt && Date.parse(vendor.notifiedUsAt) < Date.parse(vendor.discoveredAt)) {
    warnings.push(`The vendor notified you (${vendor.notifiedUsAt}) before it discovered the breach (${vendor.discoveredAt}); check both dates.`);
  }
  return warnings;
}

/** Warnings that `next` raises and `before` did not: a change only reports the problems it introduced. */
export function newWarnings(before: Incident | undefined, next: Incident, now: Date): string[] {
  const old = new Set(before ? factWarnings(before, now) : []);
  return factWarnings(next, now).filter((w) => !old.has(w));
}
