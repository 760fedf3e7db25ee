// `member add|remove`, `members` and `access`: who is on an incident's response team, and who looked at it.
import { z } from 'zod';
import { actorKey, parseUserReference } from '../bot/access/actor-key.ts';
import { responseTeam } from '../bot/access/policy.ts';
import { applyChange } from '../bot/domain/change.ts';
import { decideAddMembers, decideRemoveMember } from '../bot/domain/membership.ts';
import { InvalidArgumentsError } from '../bot/errors.ts';
import type { AccessEvent } from '../bot/model/incident-schema.ts';
import { ok } from '../bot/reply.ts';
import { formatInstant } from '../bot/i18n/format.ts';
import { languageFor, t, translator, type Lang } from '../bot/i18n/index.ts';
import { askerLanguage } from './asker-language.ts';
import type { CommandContext } from './context.ts';
import type { CommandSpec } from './registry.ts';
import { IncidentIdArg, requireIncident } from './shared.ts';

// The access log can grow long; chat shows the latest entries, `export` keeps them all.
const ACCESS_SHOWN = 50;

/** Every user a command names, as actor keys; a word that names nobody checkable is a usage error. */
function userKeys(words: string, ctx: CommandContext): string[] {
  // Slack mentions may carry a display name with spaces (`<@U123|Dana Smith>`): split between references, not inside one.
  const refs = words.match(/<@[^>]+>|\S+/g) ?? [];
  return refs.map((word) => {
    const key = parseUserReference(word, ctx.actor.platform);
    if (!key) throw new InvalidArgumentsError(`Cannot tell who "${word.length > 60 ? `${word.slice(0, 60)}…` : word}" is: give a Slack mention (<@U…>), a Teams user as teams:<Entra object id>, or a key like slack:U0123ABCD.`);
    return key;
  });
}

const memberCommand: CommandSpec<{ id: string; action: 'add' | 'remove'; users: string }> = {
  id: 'team.member',
  name: 'member',
  summary: "Add people to (or remove them from) an incident's response team: only the team and admins see and change it",
  usage: 'member add <id> <user…>  |  member remove <id> <user>',
  examples: ['member add BR-1 <@U0123ABCD> <@U0456EFGH>', 'member remove BR-1 slack:U0456EFGH'],
  positionals: [{ name: 'action' }, { name: 'id' }, { name: 'users', rest: true }],
  args: z.object({
    action: z.enum(['add', 'remove'], { error: 'say `member add` or `member remove`' }),
    id: IncidentIdArg,
    users: z.string({ error: 'Missing user (a Slack mention, teams:<id> or slack:<id>).' }).min(1),
  }),
  permission: 'change',
  async handler(args, ctx) {
    const keys = userKeys(args.users, ctx);
    const change = { store: ctx.store, actor: ctx.actor, now: ctx.clock.now(), logger: ctx.logger };
    if (args.action === 'remove') {
      if (keys.length !== 1) throw new InvalidArgumentsError(t(askerLanguage(ctx), 'team.oneAtATime'));
      const { incident } = await applyChange(change, args.id, decideRemoveMember(keys[0]!));
      return ok(t(languageFor(incident.organization, ctx.language), 'team.removed', { who: keys[0]!, id: args.id }));
    }
    const { incident, events } = await applyChange(change, args.id, decideAddMembers(keys, actorKey(ctx.actor), ctx.clock.now()));
    const lang = languageFor(incident.organization, ctx.language);
    if (events.length === 0) return ok(t(lang, 'team.alreadyMembers', { id: args.id }));
    return ok(t(lang, 'team.added', { id: args.id, who: events.map((e) => e.changes?.[0]?.to).join(', ') }));
  },
};

// responseTeam names roles in English words; the catalogue knows them by the record's keys.
const ROLE_KEYS: Record<string, string> = { commander: 'commander', 'privacy officer': 'privacyOfficer', 'legal counsel': 'legal' };

const membersCommand: CommandSpec<{ id: string }> = {
  id: 'team.members',
  name: 'members',
  aliases: ['team'],
  summary: "List an incident's response team: who opened it, its role holders and added members",
  usage: 'members <id>',
  examples: ['members BR-1'],
  positionals: [{ name: 'id' }],
  args: z.object({ id: IncidentIdArg }),
  permission: 'read',
  audit: 'read',
  async handler(args, ctx) {
    const incident = await requireIncident(ctx, args.id);
    const team = responseTeam(incident);
    const tr = translator(languageFor(incident.organization, ctx.language));
    const lang = languageFor(incident.organization, ctx.language);
    const lines = [
      tr('team.heading', { id: incident.id }),
      team.opener ? `  ${team.opener.key}  ${tr('team.opener', { name: team.opener.name })}` : `  ${tr('team.noOpener')}`,
      ...team.roles.map((r) => `  ${r.key}  ${tr(`facts.role.${ROLE_KEYS[r.role] ?? r.role}`, { defaultValue: r.role })}`),
      ...incident.members.map((m) => `  ${m.key}  ${tr('team.member', { by: m.addedBy, at: formatInstant(m.addedAt, incident.organization.timezone, lang) })}`),
    ];
    const unchecked = (['commander', 'privacyOfficer', 'legal'] as const).filter((r) => incident.roles[r] && !team.roles.some((t) => t.text === incident.roles[r]));
    if (unchecked.length) lines.push(tr('team.namesOnly', { id: incident.id, roles: unchecked.map((r) => tr(`facts.role.${r}`)).join(', ') }));
    return ok(lines.join('\n'), { data: { opener: team.opener ?? null, roles: team.roles.map(({ role, key }) => ({ role, key })), members: incident.members } });
  },
};

/** One access-log line: when, what, who from where, and why for a refusal (the reason as recorded). */
function accessLine(e: AccessEvent, zone: string, lang: Lang): string {
  const where = e.channel ? t(lang, 'team.accessIn', { platform: e.channel.platform, channel: e.channel.name ? `#${e.channel.name}` : e.channel.id }) : '';
  const kind = t(lang, `team.kind.${e.kind}`, { defaultValue: e.kind });
  return `${formatInstant(e.at, zone, lang)}  ${kind.padEnd(7)}  ${e.command.padEnd(9)}  ${e.actor.name} (${actorKey(e.actor)})${where}${e.reason ? ` · ${e.reason}` : ''}`;
}

const accessCommand: CommandSpec<{ id: string }> = {
  id: 'team.access',
  name: 'access',
  summary: "Show an incident's access log: every read of its details, export and refusal (admins only)",
  usage: 'access <id>',
  examples: ['access BR-1'],
  positionals: [{ name: 'id' }],
  args: z.object({ id: IncidentIdArg }),
  permission: 'admin',
  audit: 'read',
  async handler(args, ctx) {
    const incident = await requireIncident(ctx, args.id);
    const log = incident.accessLog;
    const shown = log.slice(-ACCESS_SHOWN);
    const lang = languageFor(incident.organization, ctx.language);
    const latest = log.length > shown.length ? t(lang, 'team.accessLatest', { shown: shown.length, id: incident.id }) : '';
    const head = t(lang, 'team.accessHead', { id: incident.id, count: log.length, latest });
    return ok([head, ...shown.map((e) => accessLine(e, incident.organization.timezone, lang))].join('\n'), { data: log });
  },
};

/** Response-team and access-log commands. */
export const memberCommands: CommandSpec[] = [memberCommand, membersCommand, accessCommand];
