// The `/breach new` form: everything the clocks need (organization, role, country, zone, discovery, PHI, vendor, counts).
import { translator, type Lang } from '../../bot/i18n/index.ts';
import type { types } from '@slack/bolt';
import { OrganizationRole } from '../../bot/model/incident-schema.ts';
import { readCount } from '../../commands/input-words.ts';
import { clip } from './mrkdwn.ts';

/** callback_id of the form. */
export const NEW_INCIDENT_VIEW = 'breach_new';

/** The form values Slack sends back, by block id. */
export type ViewStateValues = Record<string, Record<string, { value?: string | null; selected_date_time?: number | null; selected_option?: { value: string } | null }>>;

/** At most this many per-jurisdiction lines in one form (every US jurisdiction fits, with room for countries). */
const MAX_JURISDICTION_LINES = 100;

/** A parsed form: the `new` command words, per-jurisdiction counts and other facts for follow-up `set` commands. */
export interface NewIncidentForm {
  create: string[];
  counts: Array<[jurisdiction: string, count: number]>;
  /** `set <id> <field> <value>` to run once the incident exists, in order. */
  facts: Array<[field: string, value: string]>;
}

/** What the form is pre-filled with (the deployment's default organization and zone). */
export interface NewIncidentDefaults {
  role?: string;
  organization?: string;
  country?: string;
  timezone?: string;
}

const text = (t: string) => ({ type: 'plain_text' as const, text: t });
const title = (t: string) => ({ type: 'plain_text' as const, text: clip(t, 24), emoji: true });
const input = (block: string, label: string, element: Record<string, unknown>, extra: { optional?: boolean; hint?: string } = {}) => ({
  type: 'input', block_id: block, label: text(label), ...(extra.optional ? { optional: true } : {}), ...(extra.hint ? { hint: text(extra.hint) } : {}), element: { action_id: 'value', ...element },
});
/** The form's view in `lang` (the deployment's language); `metadata` is the encoded origin. */
export function newIncidentView(metadata: string, defaults: NewIncidentDefaults = {}, lang: Lang = 'en'): types.View {
  const tr = translator(lang);
  const yesNoUnknown = [{ text: text(tr('form.yes')), value: 'yes' }, { text: text(tr('form.no')), value: 'no' }, { text: text(tr('form.unknown')), value: 'unknown' }];
  const roles = OrganizationRole.options.map((r) => ({ text: text(r.replace(/_/g, ' ')), value: r }));
  const initialRole = roles.find((r) => r.value === defaults.role) ?? roles[0]!;
  const initial = (v: string | undefined) => (v ? { initial_value: v } : {});
  return {
    type: 'modal', callback_id: NEW_INCIDENT_VIEW, private_metadata: metadata,
    title: title(tr('form.newTitle')), submit: title(tr('form.open')), close: title(tr('form.cancel')),
    blocks: [
      input('title', tr('form.title'), { type: 'plain_text_input', max_length: 200, placeholder: text(tr('form.titlePlaceholder')) }),
      input('org', tr('form.org'), { type: 'plain_text_input', max_length: 200, ...initial(defaults.organization) }, { optional: Boolean(defaults.organization), hint: tr('form.orgHint') }),
      input('role', tr('form.role'), { type: 'static_select', options: roles, initial_option: initialRole }),
      input('country', tr('form.country'), { type: 'plain_text_input', max_length: 2, placeholder: text(lang === 'fr' ? 'FR' : 'US'), ...initial(defaults.country) }, { optional: true, hint: tr('form.countryHint') }),
      input('timezone', tr('form.timezone'), { type: 'plain_text_input', max_length: 60, placeholder: text(lang === 'fr' ? 'Europe/Paris' : 'America/Chicago'), ...initial(defaults.timezone) }, { optional: true, hint: tr('form.timezoneHint') }),
      input('discovered', tr('form.discovered'), { type: 'datetimepicker' }, { optional: true, hint: tr('form.discoveredHint') }),
      input('phi', tr('form.phi'), { type: 'radio_buttons', options: yesNoUnknown }, { optional: true }),
      input('encrypted', tr('form.encrypted'), { type: 'radio_buttons', options: yesNoUnknown }, { optional: true, hint: tr('form.encryptedHint') }),
      input('vendor', tr('form.vendor'), { type: 'plain_text_input', max_length: 200, placeholder: text(tr('form.vendorPlaceholder')) }, { optional: true }),
      input('vendorNotified', tr('form.vendorNotified'), { type: 'datetimepicker' }, { optional: true }),
      input('affected', tr('form.affected'), { type: 'plain_text_input', max_length: 20, placeholder: text(tr('form.affectedPlaceholder')) }, { optional: true, hint: tr('form.affectedHint') }),
      input('jurisdictions', tr('form.jurisdictions'), { type: 'plain_text_input', multiline: true, placeholder: text('US-IN=262000\nUS-TX 300\nFR: 12') }, { optional: true, hint: tr('form.jurisdictionsHint') }),
    ],
  };
}

const ISO = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Read a submitted form, or per-field errors to show in the modal. */
export function parseNewIncident(values: ViewStateValues): NewIncidentForm | { errors: Record<string, string> } {
  const get = (block: string) => values[block]?.value;
  const str = (block: string) => get(block)?.value?.trim() ?? '';
  const errors: Record<string, string> = {};
  const name = str('title');
  if (!name) errors.title = 'A title is needed.';
  const country = str('country').toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country)) errors.country = 'Two letters, like US or FR.';
  const zone = str('timezone');
  if (zone && !validZone(zone)) errors.timezone = `"${clip(zone, 40)}" is not a time zone name; try America/Chicago or Europe/Paris.`;
  const lang = country === 'FR' ? 'fr' : 'en';
  const counts: Array<[string, number]> = [];
  // A pasted list or table: "US-TX=300", "US-TX 300", "US-TX: 262,831", one per line or separated by ; (or , between pairs).
  const raw = (get('jurisdictions')?.value ?? '').split(/[\n;]+|,(?=\s*[A-Za-z])/).map((p) => p.trim()).filter(Boolean);
  for (const part of raw) {
    const m = /^([A-Za-z]{2}(?:-[A-Za-z0-9]{1,3})?)\s*[=:\t ]\s*(.+)$/.exec(part);
    const n = m ? readCount(m[2]!, lang) : 'no count';
    if (!m || typeof n !== 'number') {
      errors.jurisdictions = `Could not read "${clip(part, 40)}": write a code and a count, like US-TX=300 or US-CA 12.`;
      break;
    }
    const code = m[1]!.toUpperCase();
    // Each line becomes its own `set` and timeline entry: a repeated code would only bury the record in copies.
    if (counts.some(([c]) => c === code)) {
      errors.jurisdictions = `${code} is listed twice: give each state or country once.`;
      break;
    }
    if (counts.length >= MAX_JURISDICTION_LINES) {
      errors.jurisdictions = `More than ${MAX_JURISDICTION_LINES} states or countries: record the largest here and the rest with \`set <id> affected.<code> <n>\`.`;
      break;
    }
    counts.push([code, n]);
  }
  const totalRaw = str('affected');
  const total = totalRaw ? readCount(totalRaw, lang) : counts.reduce((n, [, c]) => n + c, 0);
  if (typeof total !== 'number') errors.affected = 'A whole number, 0 or more (262,831 is fine).';
  if (Object.keys(errors).length > 0) return { errors };
  const create = ['new', '--role', get('role')?.selected_option?.value ?? 'covered_entity', '--affected', String(total)];
  const org = str('org');
  if (org) create.push('--org', org);
  if (country) create.push('--country', country);
  if (zone) create.push('--tz', zone);
  // The picker gives an exact instant (the user's own time zone already applied).
  const discovered = get('discovered')?.selected_date_time;
  if (typeof discovered === 'number') create.push('--discovered', ISO(discovered));
  // `--` keeps a title that starts with a dash from being read as an option.
  create.push('--', name);
  const facts: Array<[string, string]> = [];
  for (const [block, field] of [['phi', 'phi'], ['encrypted', 'encrypted']] as const) {
    const answer = get(block)?.selected_option?.value;
    if (answer === 'yes' || answer === 'no') facts.push([field, answer]);
  }
  const vendor = str('vendor');
  if (vendor) facts.push(['vendor', vendor]);
  const notified = get('vendorNotified')?.selected_date_time;
  if (typeof notified === 'number') facts.push(['vendor.notified', ISO(notified)]);
  return { create, counts, facts };
}
