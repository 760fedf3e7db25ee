// `member add|remove`, `members` and `access`: who is on an incident's response team, and who looked at it.
import { z } from 'zod';
import { actorKey, parseUserReference } from '../bot/access/actor-key.ts';
import { responseTeam } from '../bot/access/policy.ts';
import { applyChange } from '../bot/domain/change.ts';
import { decideAddMembers, decideRemoveMember } from '../bot/domain/membership.ts';
import { InvalidArgumentsError } from '../bot/errors.ts';
import type { AccessEvent } from '../bot/model/incident-schema.ts';
import { ok } from '../bot/reply.ts';
import { formatInZone } from '../bot/views/format-in-zone.ts';
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
    if (!key) throw new InvalidArgumentsError(`Cannot tell who "${word}" is: give a Slack mention (<@U…>), a Teams user as teams:<Entra object id>, or a key like slack:U0123ABCD.`);
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
    const change = { store: ctx.store, actor: ctx.actor, now: ctx.clock.now() };
    if (args.action === 'remove') {
      if (keys.length !== 1) throw new InvalidArgumentsError('Remove one person at a time.');
      await applyChange(change, args.id, decideRemoveMember(keys[0]!));
      return ok(`Removed ${keys[0]} from ${args.id}'s response team: they no longer see or change it, and channels only they linked get no more reminders.`);
    }
    const { events } = await applyChange(change, args.id, decideAddMembers(keys, actorKey(ctx.actor), ctx.clock.now()));
    if (events.length === 0) return ok(`Everyone named is already on ${args.id}'s response team; nothing changed.`);
    return ok(`Added to ${args.id}'s response team: ${events.map((e) => e.changes?.[0]?.to).join(', ')}. They can now see and change it.`);
  },
};

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
    const lines = [
      `${incident.id} response team (only they and admins see and change it):`,
      team.opener ? `  ${team.opener.key}  opened it (${team.opener.name})` : '  (opener not recorded: only admins and the people below)',
      ...team.roles.map((r) => `  ${r.key}  ${r.role}`),
      ...incident.members.map((m) => `  ${m.key}  member, added by ${m.addedBy} ${formatInZone(m.addedAt, incident.organization.timezone)}`),
    ];
    const unchecked = (['commander', 'privacyOfficer', 'legal'] as const).filter((r) => incident.roles[r] && !team.roles.some((t) => t.text === incident.roles[r]));
    if (unchecked.length) lines.push(`Roles given as names only (not counted as members until set to a user, e.g. \`set ${incident.id} commander <@U…>\`): ${unchecked.join(', ')}.`);
    return ok(lines.join('\n'), { data: { opener: team.opener ?? null, roles: team.roles.map(({ role, key }) => ({ role, key })), members: incident.members } });
  },
};

/** One access-log line: when, what, who from where, and why for a refusal. */
function accessLine(e: AccessEvent, zone: string): string {
  const where = e.channel ? ` in ${e.channel.platform} ${e.channel.name ? `#${e.channel.name}` : e.channel.id}` : '';
  return `${formatInZone(e.at, zone)}  ${e.kind.padEnd(7)}  ${e.command.padEnd(9)}  ${e.actor.name} (${actorKey(e.actor)})${where}${e.reason ? ` · ${e.reason}` : ''}`;
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
    const head = `${incident.id} access log: ${log.length} entr${log.length === 1 ? 'y' : 'ies'}${log.length > shown.length ? ` (latest ${shown.length}; \`export ${incident.id}\` has all)` : ''}.`;
    return ok([head, ...shown.map((e) => accessLine(e, incident.organization.timezone))].join('\n'), { data: log });
  },
};

/** Response-team and access-log commands. */
export const memberCommands: CommandSpec[] = [memberCommand, membersCommand, accessCommand];
