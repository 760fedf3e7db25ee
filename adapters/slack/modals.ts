// Modal views: the `new` incident form, the reason prompt for snooze-like buttons, and a reply shown in a modal.
import type { types } from '@slack/bolt';
import type { Reply } from '../../bot/reply.ts';
import { languageFor, translator, type Lang } from '../../bot/i18n/index.ts';
import { newIncidentView, type NewIncidentDefaults } from './new-incident-form.ts';
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

/** The form behind `/breach new` with no arguments (and the global shortcut); see new-incident-form.ts. */
export function newIncidentModal(origin: StoredOrigin, defaultRole?: string | NewIncidentDefaults, lang: Lang = 'en'): types.View {
  const defaults = typeof defaultRole === 'string' ? { role: defaultRole } : (defaultRole ?? {});
  return newIncidentView(encodeMetadata({ origin }), defaults, lang);
}

/** The language of the forms: the deployment's default organization's (French for a French organization), else English. */
export function formLanguage(config: { defaultOrganization?: { country: string } }): Lang {
  return languageFor(config.defaultOrganization);
}

export { parseNewIncident, type NewIncidentForm, type ViewStateValues } from './new-incident-form.ts';

/** The form's pre-filled values from the deployment's default organization and zone (no zone when none is configured: a guess is not pre-filled as a choice). */
export function formDefaults(config: { defaultTimezone: string; defaultTimezoneAssumed?: boolean; defaultOrganization?: { name: string; role: string; country: string } }): NewIncidentDefaults {
  const org = config.defaultOrganization;
  return { ...(config.defaultTimezoneAssumed ? {} : { timezone: config.defaultTimezone }), ...(org ? { role: org.role, organization: org.name, country: org.country } : {}) };
}

/** The prompt for a button that needs a reason (snooze); submitting runs the command with `--reason`. */
export function reasonModal(command: string, origin: StoredOrigin, lang: Lang = 'en'): types.View {
  const tr = translator(lang);
  return {
    type: 'modal',
    callback_id: VIEW_IDS.reason,
    private_metadata: encodeMetadata({ origin, command }),
    title: plain(tr('form.reasonTitle')),
    submit: plain(tr('form.submit')),
    close: plain(tr('form.cancel')),
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: clip(tr('form.reasonRuns', { command: escapeMrkdwn(visibleText(command)) }), 2000) }] },
      { type: 'input', block_id: 'reason', label: { type: 'plain_text', text: tr('form.reason') }, element: { type: 'plain_text_input', action_id: 'value', multiline: true, min_length: 3, max_length: 1000 } },
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
