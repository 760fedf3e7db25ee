// `snooze` and `ack`: what people do about a reminder; both are written to the incident so the scheduler and the regulator see them.
import { z } from 'zod';
import { computeObligations } from '../bot/deadlines/engine.ts';
import { isoInZone } from '../bot/deadlines/time.ts';
import type { Obligation } from '../bot/deadlines/types.ts';
import { countdown } from '../bot/deadlines/present.ts';
import { ACKNOWLEDGED_ACTION, acknowledgementChange, handledSince, SNOOZED_ACTION } from '../bot/scheduler/reminder-state.ts';
import { REMINDED_STATUSES } from '../bot/scheduler/steps.ts';
import type { Incident } from '../bot/model/incident-schema.ts';
import type { CommandContext } from './context.ts';
import { CommandRefusedError, InvalidArgumentsError } from '../bot/errors.ts';
import { parseInstant } from './instants.ts';
import { findObligation } from './obligation-names.ts';
import { languageFor } from '../bot/i18n/index.ts';
import type { CommandSpec } from './registry.ts';
import { ok } from '../bot/reply.ts';
import { formatInZone } from '../bot/views/format-in-zone.ts';
import { IncidentIdArg, requireIncident, timelineEntry, updateWithEntry } from './shared.ts';

const MINUTE_MS = 60_000;
const UNIT_MS: Record<string, number> = { m: MINUTE_MS, h: 60 * MINUTE_MS, d: 24 * 60 * MINUTE_MS, w: 7 * 24 * 60 * MINUTE_MS };
// Without a deadline ("without undue delay") a snooze still may not silence an obligation for long.
const MAX_OPEN_ENDED_SNOOZE_MS = 7 * UNIT_MS.d!;

/** "4h", "2d", "90m", "1w", "1 day" → milliseconds; throws InvalidArgumentsError. */
export function parseSnoozeDuration(text: string): number {
  const m = /^(\d+)\s*(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)$/i.exec(text.trim());
  if (!m || Number(m[1]) === 0) throw new InvalidArgumentsError(`"${text}" is not a duration; use 30m, 4h, 2d or 1w.`);
  return Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()[0]!]!;
}

/** The obligation a user typed (any letter case), or a refusal listing the valid ids. */
export function resolveObligation(incident: Incident, obligations: readonly Obligation[], typed: string): Obligation {
  try {
    return findObligation(obligations, typed, incident.id);
  } catch (error) {
    // For snooze and ack an unknown notice is a refusal (exit 1), as it always was; the sentence is the same.
    throw error instanceof InvalidArgumentsError ? new CommandRefusedError(error.message) : error;
  }
}

function noRemindersReason(o: Obligation, zone: string): string | undefined {
  if (o.kind === 'on_request') return `${o.obligation} is owed only on request; it gets no reminders.`;
  if (o.status === 'done') return `${o.obligation} is already done${o.doneAt ? ` (${formatInZone(o.doneAt, zone)})` : ''}; it gets no reminders.`;
  if (o.status === 'tolled') return `${o.obligation} is delayed by law enforcement${o.tolledUntil ? ` until ${formatInZone(o.tolledUntil, zone)}` : ''}; it gets no reminders until then.`;
  if (!REMINDED_STATUSES.has(o.status)) return `${o.obligation} is ${o.status.replace('_', ' ')}; it gets no reminders.`;
  return undefined;
}

async function load(ctx: CommandContext, id: string, typed: string) {
  const incident = await requireIncident(ctx, id);
  const now = ctx.clock.now();
  const obligation = resolveObligation(incident, computeObligations(incident, ctx.rules, now), typed);
  return { incident, now, obligation, zone: incident.organization.timezone };
}

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
    if (Boolean(args.for) === Boolean(args.until)) throw new InvalidArgumentsError('Give either --for <duration> or --until <when>.');
    const { incident, now, obligation: o, zone } = await load(ctx, args.id, args.obligation);
    if (!reason) throw new CommandRefusedError('A snooze needs a reason (--reason "…"); it is written to the incident timeline.');
    const refusal = noRemindersReason(o, zone);
    if (refusal) throw new CommandRefusedError(refusal);
    const until = args.for ? now.getTime() + parseSnoozeDuration(args.for) : Date.parse(parseInstant(args.until!, zone, languageFor(incident.organization)));
    if (until <= now.getTime()) throw new CommandRefusedError('The snooze must end in the future.');
    if (o.dueAt !== null) {
      const dueMs = Date.parse(o.dueAt);
      if (now.getTime() > dueMs) throw new CommandRefusedError(`${o.obligation} is overdue (${countdown(dueMs, now.getTime(), 'words')}); it cannot be snoozed. Mark it done, or \`ack ${incident.id} ${o.obligation}\` to stop the escalation.`);
      if (until > dueMs) throw new CommandRefusedError(`A snooze may not run past the deadline: ${o.obligation} is due ${formatInZone(o.dueAt, zone)}. Snooze --until "${formatInZone(o.dueAt, zone).slice(0, 16)}" at the latest.`);
    } else if (until - now.getTime() > MAX_OPEN_ENDED_SNOOZE_MS) {
      throw new CommandRefusedError(`${o.obligation} has no fixed deadline ("without undue delay"); snooze it for at most 7 days.`);
    }
    const untilIso = isoInZone(until, zone);
    const local = formatInZone(untilIso, zone);
    await updateWithEntry(
      ctx,
      incident.id,
      (c) => ({ ...c, snoozes: [...c.snoozes, { obligation: o.obligation, until: untilIso, reason, by: ctx.actor.name, at: now.toISOString() }] }),
      () => timelineEntry(ctx, SNOOZED_ACTION, `Snoozed reminders for ${o.obligation} until ${local}: ${reason}`),
    );
    const due = o.dueAt ? ` The deadline does not move: ${formatInZone(o.dueAt, zone)}.` : '';
    return ok(`${ctx.actor.name} snoozed ${incident.id} ${o.obligation} reminders until ${local} (${reason}).${due}`, {
      visibility: 'channel',
      data: { id: incident.id, obligation: o.obligation, until: untilIso, reason },
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
    if (o.status === 'done' || o.status === 'not_applicable') throw new CommandRefusedError(noRemindersReason(o, zone)!);
    const dueMs = o.dueAt === null ? null : Date.parse(o.dueAt);
    const overdue = dueMs !== null && now.getTime() > dueMs;
    if (overdue && handledSince(incident, o.obligation, dueMs, now.getTime())) {
      return ok(`${incident.id} ${o.obligation} was already acknowledged since it became overdue; nothing changed.`, { visibility: 'channel' });
    }
    const due = o.dueAt ? formatInZone(o.dueAt, zone) : 'no fixed deadline';
    await updateWithEntry(ctx, incident.id, (c) => c, () =>
      timelineEntry(ctx, ACKNOWLEDGED_ACTION, `Acknowledged the ${overdue ? 'overdue ' : ''}reminder for ${o.obligation} (due ${due})`, [acknowledgementChange(o.obligation)]),
    );
    const text = overdue
      ? `${ctx.actor.name} acknowledged ${incident.id} ${o.obligation} (overdue since ${due}): no escalation. Overdue reminders continue until it is marked done (\`done ${incident.id} ${o.obligation}\`).`
      : `${ctx.actor.name} acknowledged ${incident.id} ${o.obligation} (due ${due}${dueMs === null ? '' : `, ${countdown(dueMs, now.getTime(), 'words')}`}). It is not overdue; if it becomes overdue, escalation still applies until someone acknowledges it then.`;
    return ok(text, { visibility: 'channel', data: { id: incident.id, obligation: o.obligation, overdue } });
  },
};

/** `snooze` and `ack`. */
export const reminderCommands: CommandSpec[] = [snoozeCommand, ackCommand];
