// `snooze` and `ack`: what people do about a reminder; both are written to the incident so the scheduler and the regulator see them.
import { z } from 'zod';
import { obligationsNow } from '../bot/domain/obligations.ts';
import type { Obligation } from '../bot/deadlines/types.ts';
import { applyChange } from '../bot/domain/change.ts';
import { acknowledge, snooze } from '../bot/domain/reminders.ts';
import type { Incident } from '../bot/model/incident-schema.ts';
import { reachableChannels } from '../bot/access/policy.ts';
import type { CommandContext } from './context.ts';
import { CommandRefusedError, InvalidArgumentsError } from '../bot/errors.ts';
import { parseInstant } from './instants.ts';
import { findObligationEither } from './obligation-names.ts';
import { languageFor, t, type Lang } from '../bot/i18n/index.ts';
import { formatCountdown, formatInstant } from '../bot/i18n/format.ts';
import type { CommandSpec } from './registry.ts';
import { ok } from '../bot/reply.ts';
import { changeContext, IncidentIdArg, requireIncident } from './shared.ts';

const MINUTE_MS = 60_000;
const UNIT_MS: Record<string, number> = { m: MINUTE_MS, h: 60 * MINUTE_MS, d: 24 * 60 * MINUTE_MS, w: 7 * 24 * 60 * MINUTE_MS };
/** "4h", "2d", "90m", "1w", "1 day" → milliseconds; throws InvalidArgumentsError. */
export function parseSnoozeDuration(text: string): number {
  const m = /^(\d+)\s*(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)$/i.exec(text.trim());
  if (!m || Number(m[1]) === 0) throw new InvalidArgumentsError(`"${text}" is not a duration; use 30m, 4h, 2d or 1w.`);
  return Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()[0]!]!;
}

/** The obligation a user typed (any letter case), or a refusal listing the valid ids. */
export function resolveObligation(incident: Incident, obligations: readonly Obligation[], typed: string, lang: Lang = 'en', english: readonly Obligation[] = obligations): Obligation {
  try {
    return findObligationEither(obligations, english, typed, incident.id, lang);
  } catch (error) {
    // For snooze and ack an unknown notice is a refusal (exit 1), as it always was; the sentence is the same.
    throw error instanceof InvalidArgumentsError ? new CommandRefusedError(error.message) : error;
  }
}

async function load(ctx: CommandContext, id: string, typed: string) {
  const incident = await requireIncident(ctx, id);
  const now = ctx.clock.now();
  const lang = languageFor(incident.organization, ctx.language);
  // Named in the reader's language, so French words find a French organization's notices.
  const shown = obligationsNow(incident, ctx.rules, now, lang);
  const obligation = resolveObligation(incident, shown, typed, lang, lang === 'en' ? shown : obligationsNow(incident, ctx.rules, now));
  return { incident, now, obligation, zone: incident.organization.timezone };
}

/**
 * Where a confirmation goes: into the channel only when it is one of the incident's live linked channels (the team sees
 * its reminders there); anywhere else (#general, a channel linked to another incident, a DM) only the asker sees it.
 */
function confirmationVisibility(incident: Incident, ctx: CommandContext): 'channel' | 'private' {
  const here = ctx.channel;
  if (!here) return 'private';
  return reachableChannels(incident, ctx.config).some((c) => c.platform === here.platform && c.id === here.id) ? 'channel' : 'private';
}

/** The longest snooze reason recorded. */
const SNOOZE_REASON_MAX = 1000;

type SnoozeArgs = { id: string; obligation: string; for?: string; until?: string; reason?: string; rest?: string };

const snoozeCommand: CommandSpec<SnoozeArgs> = {
  id: 'reminder.snooze',
  permission: 'change',
  freeText: ['reason', 'rest'],
  name: 'snooze',
  summary: "Pause an obligation's reminders for a while (a reason is required; never past the deadline)",
  usage: 'snooze <id> <obligation> (--for <4h|2d> | --until <when>) --reason <text>',
  examples: ['snooze BR-1 US-HIPAA-164.404-INDIVIDUALS --for 1d --reason "letters are at the mail house"'],
  positionals: [{ name: 'id' }, { name: 'obligation' }, { name: 'rest', rest: true }],
  options: {
    for: { type: 'string', description: 'how long: 30m, 4h, 2d, 1w' },
    until: { type: 'string', description: "until when: 2025-04-10 09:00 (incident's zone) or ISO with offset" },
    reason: { type: 'string', description: 'why (required; written to the timeline)' },
  },
  args: z.object({
    id: IncidentIdArg,
    obligation: z.string({ error: 'Missing obligation id (see `deadlines <id>`).' }),
    for: z.string().optional(),
    until: z.string().optional(),
    reason: z.string().optional(),
    rest: z.string().optional(),
  }),
  async handler(args, ctx) {
    // An unquoted multi-word reason arrives as extra words; anything else extra is a mistake.
    if (args.rest && !args.reason) throw new InvalidArgumentsError(`Unexpected words: ${args.rest}`);
    const reason = [args.reason, args.rest].filter(Boolean).join(' ').trim();
    // The Slack reason form allows 1,000 characters; typed reasons are held to the same bound.
    if (reason.length > SNOOZE_REASON_MAX) throw new InvalidArgumentsError(`--reason is ${reason.length.toLocaleString('en-US')} characters; the limit is ${SNOOZE_REASON_MAX.toLocaleString('en-US')}.`);
    if (Boolean(args.for) === Boolean(args.until)) throw new InvalidArgumentsError(t('en', 'confirm.snoozeEither'));
    const { incident, now, obligation: o, zone } = await load(ctx, args.id, args.obligation);
    const until = args.for ? now.getTime() + parseSnoozeDuration(args.for) : Date.parse(parseInstant(args.until!, zone, now, languageFor(incident.organization)));
    // The domain re-checks the deadline on the record as it is when the change is applied.
    const { incident: updated } = await applyChange(changeContext(ctx), incident.id, snooze({ obligation: o.obligation, untilMs: until, reason, by: ctx.actor.name, lang: languageFor(incident.organization, ctx.language) }, { rules: ctx.rules, now }));
    const recorded = updated.snoozes.at(-1)!;
    const untilIso = recorded.until;
    const lang = languageFor(incident.organization, ctx.language);
    const at = (iso: string) => formatInstant(iso, zone, lang);
    const deadline = o.dueAt ? t(lang, 'confirm.snoozeDeadline', { at: at(o.dueAt) }) : '';
    return ok(t(lang, 'confirm.snoozed', { who: ctx.actor.name, id: incident.id, obligation: o.obligation, until: at(untilIso), reason: recorded.reason, deadline }), {
      visibility: confirmationVisibility(updated, ctx),
      data: { id: incident.id, obligation: o.obligation, until: untilIso, reason: recorded.reason },
    });
  },
};

const ackCommand: CommandSpec<{ id: string; obligation: string }> = {
  id: 'reminder.ack',
  permission: 'change',
  name: 'ack',
  aliases: ['acknowledge'],
  summary: 'Acknowledge an overdue reminder: stops its escalation (reminders continue until done)',
  usage: 'ack <id> <obligation>',
  examples: ['ack BR-1 US-HIPAA-164.404-INDIVIDUALS'],
  positionals: [{ name: 'id' }, { name: 'obligation', rest: true }],
  args: z.object({ id: IncidentIdArg, obligation: z.string({ error: 'Missing obligation id (see `deadlines <id>`).' }) }),
  async handler(args, ctx) {
    const { incident, now, obligation: o, zone } = await load(ctx, args.id, args.obligation);
    const { incident: updated, events } = await applyChange(changeContext(ctx), incident.id, acknowledge(o.obligation, { rules: ctx.rules, now }, languageFor(incident.organization, ctx.language)));
    const dueMs = o.dueAt === null ? null : Date.parse(o.dueAt);
    const overdue = dueMs !== null && now.getTime() > dueMs;
    const lang = languageFor(incident.organization, ctx.language);
    const words = { who: ctx.actor.name, id: incident.id, obligation: o.obligation };
    const visibility = confirmationVisibility(updated, ctx);
    if (events.length === 0) return ok(t(lang, 'confirm.alreadyAcked', words), { visibility });
    const due = o.dueAt ? formatInstant(o.dueAt, zone, lang) : t(lang, 'confirm.noFixedDeadline');
    const left = dueMs === null ? '' : `, ${formatCountdown(dueMs, now.getTime(), lang, 'words')}`;
    const text = t(lang, overdue ? 'confirm.ackOverdue' : 'confirm.ackEarly', { ...words, due, left });
    return ok(text, { visibility, data: { id: incident.id, obligation: o.obligation, overdue } });
  },
};

/** `snooze` and `ack`. */
export const reminderCommands: CommandSpec[] = [snoozeCommand, ackCommand];
