// `task` (response-plan steps done, or the team's own tasks) and `clock` (contractual and insurer deadlines).
import { z } from 'zod';
import { addClock, removeClock } from '../bot/domain/clocks.ts';
import { applyChange } from '../bot/domain/change.ts';
import { addTask, completeTask } from '../bot/domain/tasks.ts';
import { findTask, tasksFor } from '../bot/guidance/plan.ts';
import { CommandRefusedError, InvalidArgumentsError } from '../bot/errors.ts';
import { ok } from '../bot/reply.ts';
import type { CommandContext } from './context.ts';
import { incidentLang } from './guidance-commands.ts';
import { parseInstant } from './instants.ts';
import type { CommandSpec } from './registry.ts';
import { IncidentIdArg, requireIncident } from './shared.ts';
import { languageFor, t, type Lang } from '../bot/i18n/index.ts';
import type { Incident } from '../bot/model/incident-schema.ts';

/** The answer's language: the asker's choice, else the incident's organization's. */
const answerLang = (incident: Incident, ctx: CommandContext): Lang => languageFor(incident.organization, ctx.language);

const change = (ctx: CommandContext) => ({ store: ctx.store, actor: ctx.actor, now: ctx.clock.now(), logger: ctx.logger });

const taskCommand: CommandSpec<{ action: string; id: string; rest?: string }> = {
  id: 'plan.task',
  permission: 'change',
  freeText: ['rest'],
  name: 'task',
  summary: 'Mark a response-plan task done, or add a task of your own (`next <id>` lists them)',
  usage: 'task done <id> <task> | task add <id> <text…>',
  examples: ['task done BR-1 preserve-evidence', 'task add BR-1 Call the hospital foundation'],
  positionals: [{ name: 'action' }, { name: 'id' }, { name: 'rest', rest: true }],
  args: z.object({
    action: z.enum(['done', 'add'], { error: 'Say `task done <id> <task>` or `task add <id> <text>`.' }),
    id: IncidentIdArg,
    rest: z.string().trim().max(300, 'A task is at most 300 characters.').optional(),
  }),
  async handler(args, ctx) {
    if (!args.rest) throw new InvalidArgumentsError(args.action === 'done' ? 'Name the task (its id from `next <id>`, or the start of its title).' : 'Write the task to add.');
    const incident = await requireIncident(ctx, args.id);
    if (args.action === 'add') {
      const { incident: after } = await applyChange(change(ctx), incident.id, (c) => addTask(c, args.rest!));
      const added = after.tasks.at(-1)!;
      return ok(t(answerLang(incident, ctx), 'plan.taskAdded', { task: added.id, id: incident.id, title: added.title }), { data: { incident: incident.id, task: added.id } });
    }
    const task = findTask(tasksFor(incident, incidentLang(incident)), args.rest);
    if (!task) throw new CommandRefusedError(t(answerLang(incident, ctx), 'plan.noTask', { id: incident.id, typed: args.rest }));
    await applyChange(change(ctx), incident.id, (c) => completeTask(c, task, ctx.actor.name, ctx.clock.now()));
    return ok(t(answerLang(incident, ctx), 'plan.taskDone', { id: incident.id, title: task.title }), { data: { incident: incident.id, task: task.id } });
  },
};

const WITHIN = /^(\d{1,5})\s*(h|hours?|d|days?)$/i;

const clockCommand: CommandSpec<{ action: string; id: string; clock?: string; to?: string; within?: string; by?: string; from?: string; basis?: string; reason?: string }> = {
  id: 'plan.clock',
  permission: 'change',
  freeText: ['to', 'basis', 'reason'],
  name: 'clock',
  summary: 'Track a contractual or insurer deadline (BAA, DPA, cyber policy) beside the legal ones, or stop tracking it',
  usage: 'clock add <id> --to <recipient> (--within 48h|10d | --by <when>) [--from discovery|notified|<when>] --basis <text> | clock remove <id> <clock> --reason <text>',
  examples: ['clock add BR-1 --to "Cyber insurer (policy 123)" --within 48h --from discovery --basis "Policy section 7.2"', 'clock remove BR-1 CONTRACT-1 --reason "policy does not cover vendors"'],
  positionals: [{ name: 'action' }, { name: 'id' }, { name: 'clock' }],
  options: {
    to: { type: 'string', description: 'who must be told (insurer, covered entity, customer…)' },
    within: { type: 'string', description: 'e.g. 48h or 10d after --from' },
    by: { type: 'string', description: 'a fixed deadline instead of --within' },
    from: { type: 'string', description: 'discovery (default) | notified (the vendor told us) | an instant' },
    basis: { type: 'string', description: 'the clause or policy, e.g. "BAA section 4.1"' },
    reason: { type: 'string', description: 'why the clock is removed (clock remove)' },
  },
  args: z.object({
    action: z.enum(['add', 'remove'], { error: 'Say `clock add …` or `clock remove <id> <clock>`.' }),
    id: IncidentIdArg,
    clock: z.string().optional(),
    to: z.string().trim().min(1).max(200, 'The recipient is at most 200 characters.').optional(),
    within: z.string().optional(),
    by: z.string().optional(),
    from: z.string().optional(),
    basis: z.string().trim().min(1).max(500, 'The basis is at most 500 characters.').optional(),
    reason: z.string().trim().min(1).max(500, 'The reason is at most 500 characters.').optional(),
  }),
  async handler(args, ctx) {
    const incident = await requireIncident(ctx, args.id);
    const zone = incident.organization.timezone;
    if (args.action === 'remove') {
      if (!args.clock) throw new InvalidArgumentsError('Name the clock to remove, e.g. CONTRACT-1.');
      if (!args.reason) throw new InvalidArgumentsError('Removing a clock needs a reason (--reason "…"); it is written to the timeline.');
      await applyChange(change(ctx), incident.id, (c) => removeClock(c, args.clock!, args.reason!, ctx.clock.now()));
      return ok(t(answerLang(incident, ctx), 'plan.clockRemoved', { clock: args.clock.toUpperCase(), id: incident.id }), { data: { incident: incident.id, clock: args.clock.toUpperCase() } });
    }
    if (!args.to) throw new InvalidArgumentsError('Say who must be told: --to "<recipient>".');
    if (!args.basis) throw new InvalidArgumentsError('Give the clause or policy: --basis "<text>".');
    if (Boolean(args.within) === Boolean(args.by)) throw new InvalidArgumentsError('Give either --within <48h|10d> or --by <when>.');
    let within = null;
    if (args.within) {
      const m = WITHIN.exec(args.within.trim());
      if (!m || Number(m[1]) === 0) throw new InvalidArgumentsError(`"${args.within}" is not a duration: use hours or days, like 48h or 10d.`);
      within = { amount: Number(m[1]), unit: m[2]!.toLowerCase().startsWith('h') ? ('hours' as const) : ('days' as const) };
    }
    const fromWord = (args.from ?? 'discovery').trim().toLowerCase();
    const from = fromWord === 'discovery' || fromWord === 'notified' ? fromWord : parseInstant(args.from!, zone, ctx.clock.now());
    const request = { recipient: args.to, within, by: args.by ? parseInstant(args.by, zone, ctx.clock.now()) : null, from, basis: args.basis };
    const { incident: after } = await applyChange(change(ctx), incident.id, (c) => addClock(c, request, ctx.actor.name, ctx.clock.now()));
    const clock = after.clocks.at(-1)!;
    return ok(t(answerLang(incident, ctx), 'plan.clockAdded', { clock: clock.id, id: incident.id, recipient: clock.recipient, basis: clock.basis }), {
      data: { incident: incident.id, clock: clock.id },
    });
  },
};

/** `task`, `clock`. */
export const planCommands: CommandSpec[] = [taskCommand, clockCommand];
