// Modal views: the `new` incident form, the reason prompt for snooze-like buttons, and a reply shown in a modal.
import type { types } from '@slack/bolt';
import type { Reply } from '../../bot/reply.ts';
import { OrganizationRole } from '../../bot/model/incident-schema.ts';
import { visibleText } from '../safe-text.ts';
import { clip, escapeMrkdwn } from './mrkdwn.ts';
import { replyToBlocks } from './render-blocks.ts';

/** callback_id of each modal this adapter opens. */
export const VIEW_IDS = { newIncident: 'breach_new', reason: 'breach_reason', reply: 'breach_reply' } as const;

/** Where the modal was opened from, kept in private_metadata so the answer goes back there. */
export interface StoredOrigin {
  channel?: { id: string; name?: string };
  responseUrl?: string;
  threadTs?: string;
}

const MAX_METADATA = 3000;

/** private_metadata for a modal; drops the response_url rather than exceed Slack's 3000 characters (commands come from button values, ≤ 2000). */
export function encodeMetadata(value: { origin: StoredOrigin; command?: string }): string {
  const full = JSON.stringify(value);
  if (full.length <= MAX_METADATA) return full;
  const { responseUrl: _dropped, ...origin } = value.origin;
  return JSON.stringify({ ...value, origin });
}

/** Read private_metadata back; tolerant of anything malformed. */
export function decodeMetadata(raw: string | undefined): { origin: StoredOrigin; command?: string } {
  try {
    const parsed = JSON.parse(raw ?? '{}') as { origin?: StoredOrigin; command?: unknown };
    return { origin: parsed.origin ?? {}, ...(typeof parsed.command === 'string' ? { command: parsed.command } : {}) };
  } catch {
    return { origin: {} };
  }
}

const plain = (text: string) => ({ type: 'plain_text' as const, text: clip(text, 24), emoji: true });

/** The form behind `/breach new` with no arguments (and the global shortcut). */
export function newIncidentModal(origin: StoredOrigin, defaultRole?: string): types.View {
  const roles = OrganizationRole.options.map((r) => ({ text: { type: 'plain_text' as const, text: r.replace(/_/g, ' ') }, value: r }));
  const initial = roles.find((r) => r.value === defaultRole) ?? roles[0]!;
  return {
    type: 'modal',
    callback_id: VIEW_IDS.newIncident,
    private_metadata: encodeMetadata({ origin }),
    title: plain('New breach incident'),
    submit: plain('Open incident'),
    close: plain('Cancel'),
    blocks: [
      { type: 'input', block_id: 'title', label: { type: 'plain_text', text: 'Title' }, element: { type: 'plain_text_input', action_id: 'value', max_length: 200, placeholder: { type: 'plain_text', text: 'Legacy EHR vendor breach' } } },
      {
        type: 'input', block_id: 'discovered', optional: true, label: { type: 'plain_text', text: 'Discovered (date and time)' },
        hint: { type: 'plain_text', text: 'When your organization discovered the breach; this starts the legal clocks. Empty means now.' },
        element: { type: 'datetimepicker', action_id: 'value' },
      },
      { type: 'input', block_id: 'role', label: { type: 'plain_text', text: 'Organization role' }, element: { type: 'static_select', action_id: 'value', options: roles, initial_option: initial } },
      { type: 'input', block_id: 'affected', optional: true, label: { type: 'plain_text', text: 'Total individuals affected' }, element: { type: 'number_input', action_id: 'value', is_decimal_allowed: false, min_value: '0' } },
      {
        type: 'input', block_id: 'jurisdictions', optional: true, label: { type: 'plain_text', text: 'Affected residents per jurisdiction' },
        hint: { type: 'plain_text', text: 'Optional, e.g. US-TX=300, US-CA=12 (state and country codes).' },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, placeholder: { type: 'plain_text', text: 'US-TX=300, US-CA=12' } },
      },
    ],
  };
}

/** The form values Slack sends back, by block id. */
export type ViewStateValues = Record<string, Record<string, { value?: string | null; selected_date_time?: number | null; selected_option?: { value: string } | null }>>;

/** A parsed `new` form: the `new` command words, then per-jurisdiction counts for follow-up `set` commands. */
export interface NewIncidentForm {
  create: string[];
  counts: Array<[jurisdiction: string, count: number]>;
}

/** Read a submitted `new` form, or per-field errors to show in the modal. */
export function parseNewIncident(values: ViewStateValues): NewIncidentForm | { errors: Record<string, string> } {
  const get = (block: string) => values[block]?.value;
  const title = get('title')?.value?.trim() ?? '';
  const role = get('role')?.selected_option?.value ?? 'covered_entity';
  const discovered = get('discovered')?.selected_date_time;
  const totalRaw = get('affected')?.value?.trim();
  const errors: Record<string, string> = {};
  if (!title) errors.title = 'A title is needed.';
  const counts: Array<[string, number]> = [];
  for (const part of (get('jurisdictions')?.value ?? '').split(/[,;\n]+/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z]{2}(?:-[A-Za-z0-9]{1,3})?)\s*[=:]\s*(\d+)$/.exec(part);
    if (!m) {
      errors.jurisdictions = `Could not read "${clip(part, 40)}": write CODE=count, like US-TX=300, US-CA=12.`;
      break;
    }
    counts.push([m[1]!.toUpperCase(), Number(m[2])]);
  }
  if (totalRaw && !/^\d+$/.test(totalRaw)) errors.affected = 'A whole number, 0 or more.';
  if (Object.keys(errors).length > 0) return { errors };
  const sum = counts.reduce((n, [, c]) => n + c, 0);
  const total = totalRaw ? Number(totalRaw) : sum;
  const create = ['new', '--role', role, '--affected', String(total)];
  // The picker gives an exact instant (the user's own time zone already applied).
  if (typeof discovered === 'number') create.push('--discovered', new Date(discovered * 1000).toISOString().replace('.000Z', 'Z'));
  // `--` keeps a title that starts with a dash from being read as an option.
  create.push('--', title);
  return { create, counts };
}

/** The prompt for a button that needs a reason (snooze); submitting runs the command with `--reason`. */
export function reasonModal(command: string, origin: StoredOrigin): types.View {
  return {
    type: 'modal',
    callback_id: VIEW_IDS.reason,
    private_metadata: encodeMetadata({ origin, command }),
    title: plain('Reason needed'),
    submit: plain('Submit'),
    close: plain('Cancel'),
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: clip(`Runs \`${escapeMrkdwn(visibleText(command))}\` with your reason; it is written to the incident timeline.`, 2000) }] },
      { type: 'input', block_id: 'reason', label: { type: 'plain_text', text: 'Reason' }, element: { type: 'plain_text_input', action_id: 'value', multiline: true, min_length: 3, max_length: 1000 } },
    ],
  };
}

/** A reply shown in a modal (clicks in the Home tab or inside another modal have no channel to answer in). */
export function replyModal(reply: Reply, source?: string): types.View {
  return {
    type: 'modal',
    callback_id: VIEW_IDS.reply,
    title: plain('breachdesk'),
    close: plain('Close'),
    blocks: replyToBlocks(reply, { maxBlocks: 100, ...(source ? { source } : {}) }).blocks,
  };
}
