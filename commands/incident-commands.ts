// Commands that open, list, show and annotate incidents.
import { z } from 'zod';
import { applyCreate, applyEntry } from '../bot/domain/change.ts';
import { note, noteProblem, openIncident } from '../bot/domain/incident.ts';
import { IncidentStatus, OrganizationRole, TimeZoneName } from '../bot/model/incident-schema.ts';
import { InvalidArgumentsError } from '../bot/errors.ts';
import { parseInstant } from './instants.ts';
import type { CommandSpec } from './registry.ts';
import { readCount } from './input-words.ts';
import { languageFor, t, translator } from '../bot/i18n/index.ts';
import { askerLanguage } from './asker-language.ts';
import { formatNumber } from '../bot/i18n/format.ts';
import { ok } from '../bot/reply.ts';
import { describeIncident } from '../bot/views/incident-view.ts';
import { LINE_BREAK } from '../bot/model/line-breaks.ts';
import { changeContext, IncidentIdArg, requireIncident, withWarnings } from './shared.ts';
import { bannerFor } from '../bot/record/record-document.ts';
import { verifyChain } from '../bot/record/verify-chain.ts';
import type { Reply } from '../bot/reply.ts';

/** The reply with a loud first line (and first card section) when the record is broken. */
function withBanner(reply: Reply, banner: string | undefined): Reply {
  if (!banner) return reply;
  const card = reply.card ? { ...reply.card, sections: [{ heading: '⚠ Record broken', text: banner }, ...(reply.card.sections ?? [])] } : undefined;
  return { ...reply, text: `⚠ ${banner}\n${reply.text}`, ...(card ? { card } : {}) };
}
import { readableBy } from './access-check.ts';
import { actorKey } from '../bot/access/actor-key.ts';
import { isAdmin } from '../bot/access/policy.ts';

const newCommand: CommandSpec<{
  title: string; discovered?: string; role?: string; org?: string; country?: string; tz?: string; affected?: string;
}> = {
  id: 'incident.new',
  permission: 'open',
  freeText: ['title', 'org'],
  name: 'new',
  aliases: ['open', 'create'],
  summary: 'Open a new incident',
  usage: 'new <title…> [--discovered <when>] [--org <name>] [--role <role>] [--country <CC>] [--tz <zone>] [--affected <n>]',
  examples: ['new EHR vendor breach --discovered "2025-02-20 09:00" --affected 262831'],
  positionals: [{ name: 'title', rest: true }],
  options: {
    discovered: { type: 'string', description: 'when your organization discovered it (default: now)' },
    org: { type: 'string', description: 'organization name (default: the configured one)' },
    role: { type: 'string', description: OrganizationRole.options.join(' | ') },
    country: { type: 'string', description: 'ISO country code, e.g. US' },
    tz: { type: 'string', description: 'IANA time zone (default BREACHDESK_TIMEZONE)' },
    affected: { type: 'string', description: 'total individuals affected (default 0, set it as soon as known)' },
  },
  args: z.object({
    title: z.string({ error: 'Missing title.' }).trim().min(1).max(200),
    discovered: z.string().optional(),
    org: z.string().trim().min(1).max(200).optional(),
    role: OrganizationRole.optional(),
    country: z.string().toUpperCase().regex(/^[A-Z]{2}$/, 'expected a two-letter country code').optional(),
    tz: TimeZoneName.optional(),
    affected: z.string().optional(),
  }),
  async handler(args, ctx) {
    if (LINE_BREAK.test(args.title)) throw new InvalidArgumentsError('The title must be one line: it holds a line break.');
    const defaults = ctx.config.defaultOrganization;
    const name = args.org ?? defaults?.name;
    if (!name) throw new InvalidArgumentsError('No default organization is configured: give --org, --role and --country.');
    const timezone = args.tz ?? ctx.config.defaultTimezone;
    // Neither --tz nor BREACHDESK_TIMEZONE: the zone is a guess, and the record says so (day-counted clocks need facts).
    const timezoneAssumed = !args.tz && ctx.config.defaultTimezoneAssumed === true;
    const now = ctx.clock.now();
    const typing = languageFor({ country: args.country ?? defaults?.country ?? 'US' });
    const discoveredAt = args.discovered ? parseInstant(args.discovered, timezone, now, typing) : now.toISOString();
    // Read as the organization's people type counts: 758.912 is a French thousands grouping, as `set` reads it.
    const affected = args.affected === undefined ? 0 : readCount(args.affected, typing);
    if (typeof affected === 'string') throw new InvalidArgumentsError(affected);
    const organization = { name, role: args.role ?? defaults?.role ?? 'covered_entity', country: args.country ?? defaults?.country ?? 'US', timezone };
    const { incident: created, warnings } = await applyCreate(
      changeContext(ctx),
      openIncident({ title: args.title, discoveredAt, organization, affectedTotal: affected, timezoneAssumed }, now),
    );
    const tr = translator(languageFor(created.organization, ctx.language));
    const lines = [
      tr('confirm.opened', { id: created.id, title: created.title }),
      ...(args.discovered ? [] : [tr('confirm.openedNow', { id: created.id })]),
      ...(timezoneAssumed ? [tr('confirm.openedZone', { id: created.id, zone: timezone })] : []),
      tr('confirm.openedNext', { id: created.id }),
    ];
    return ok(withWarnings(lines.join('\n'), warnings, languageFor(created.organization, ctx.language)), {
      data: { id: created.id },
    });
  },
};

const listCommand: CommandSpec<{ status?: z.infer<typeof IncidentStatus>; all?: boolean }> = {
  id: 'incident.list',
  permission: 'public',
  name: 'list',
  aliases: ['ls', 'incidents'],
  summary: 'List open incidents (or all, or by status)',
  usage: 'list [--all] [--status <status>]',
  examples: ['list', 'list --status notifying', 'list --all'],
  options: {
    all: { type: 'boolean', description: 'include closed incidents' },
    status: { type: 'string', description: IncidentStatus.options.join(' | ') },
  },
  args: z.object({ status: IncidentStatus.optional(), all: z.boolean().optional() }),
  async handler(args, ctx) {
    const incidents = (await ctx.store.list(args.status ? { status: [args.status] } : { openOnly: !args.all })).filter(readableBy(ctx));
    // Listed to admins only: they can repair the file, and the problem names a path on the server.
    const damaged = isAdmin(actorKey(ctx.actor), ctx.config) ? await ctx.store.damaged() : [];
    const lang = askerLanguage(ctx, incidents.map((i) => i.organization));
    const tr = translator(lang);
    const damagedLines = damaged.map((d) => tr('list.damagedLine', { id: d.id, problem: d.problem }));
    if (incidents.length === 0 && damaged.length === 0) return ok(tr(args.all || args.status ? 'list.noneMatch' : 'list.noneOpen'), { lang, data: [] });
    // Broken records found at start-up (or by verify/show since) are marked loudly.
    const mark = (id: string) => (ctx.records?.problem(id) ? tr('list.broken', { id }) : '');
    // Counts as the rest of that incident's answers write them (14,200; 758 912 for a French organization), in the list's words.
    const affected = (i: (typeof incidents)[number]) => tr('list.affected', { count: i.affected.total, shown: formatNumber(i.affected.total, languageFor(i.organization, ctx.language)) });
    const words = (i: (typeof incidents)[number]) => ({ id: i.id, title: i.title, status: tr(`facts.incidentStatus.${i.status}`), organization: i.organization.name, affected: affected(i), mark: mark(i.id) });
    const lines = incidents.map((i) => tr('list.line', words(i)));
    return ok([...lines, ...damagedLines].join('\n'), {
      lang,
      card: {
        title: tr(args.all ? 'list.titleAll' : 'list.titleOpen'),
        sections: [
          ...incidents.map((i) => ({
            heading: `${i.id} · ${i.title}`,
            text: tr('list.cardText', words(i)),
            buttons: [{ label: tr('summary.details'), command: `show ${i.id}` }, { label: tr('summary.deadlines'), command: `deadlines ${i.id}` }],
          })),
          ...damaged.map((d) => ({ heading: tr('list.damagedHeading', { id: d.id }), text: tr('list.damagedText', { problem: d.problem }) })),
        ],
      },
      data: [
        ...incidents.map((i) => ({ id: i.id, title: i.title, status: i.status, organization: i.organization.name, affected: i.affected.total, ...(ctx.records?.problem(i.id) ? { recordBroken: true } : {}) })),
        ...damaged.map((d) => ({ id: d.id, status: 'damaged', problem: d.problem })),
      ],
    });
  },
};

const showCommand: CommandSpec<{ id: string }> = {
  id: 'incident.show',
  permission: 'read',
  audit: 'read',
  name: 'show',
  aliases: ['info', 'details'],
  summary: "Show an incident's facts, roles, channels and recent timeline",
  usage: 'show <id>',
  examples: ['show BR-1'],
  positionals: [{ name: 'id' }],
  args: z.object({ id: IncidentIdArg }),
  async handler(args, ctx) {
    const incident = await requireIncident(ctx, args.id);
    const status = ctx.records ? ctx.records.check(incident) : verifyChain(incident);
    const described = describeIncident(incident, languageFor(incident.organization, ctx.language));
    // The access log is for admins (`access`); `show --json` gives the team the incident without it (the export, the
    // record a regulator sees, still carries it whole).
    const { accessLog: _log, ...withoutLog } = incident;
    const reply = isAdmin(actorKey(ctx.actor), ctx.config) ? described : { ...described, data: withoutLog };
    return withBanner(reply, status.state === 'broken' ? bannerFor(incident.id, status) : undefined);
  },
};

const logCommand: CommandSpec<{ id: string; text: string }> = {
  id: 'incident.log',
  permission: 'change',
  freeText: ['text'],
  name: 'log',
  aliases: ['note'],
  summary: 'Add a note to the incident timeline (the written record)',
  usage: 'log <id> <text…>',
  examples: ['log BR-1 FBI field office called; case number 2025-123'],
  positionals: [{ name: 'id' }, { name: 'text', rest: true }],
  // The length limit is the domain's (bot/domain/incident.ts), so the refusal names the actual length.
  args: z.object({ id: IncidentIdArg, text: z.string({ error: 'Missing note text.' }) }),
  async handler(args, ctx) {
    // Bad input, so a usage answer (exit 2 in the CLI); the domain refuses it too.
    const problem = noteProblem(args.text);
    if (problem) throw new InvalidArgumentsError(problem);
    const event = note(args.text);
    await requireIncident(ctx, args.id);
    const { incident: updated } = await applyEntry(changeContext(ctx), args.id, event);
    return ok(t(languageFor(updated.organization, ctx.language), 'confirm.noted', { id: updated.id, n: updated.timeline.length }));
  },
};

/** Incident lifecycle commands. */
export const incidentCommands: CommandSpec[] = [newCommand, listCommand, showCommand, logCommand];
