// Who may do what with an incident: admins, the response team (opener, role holders, added members), and openers.
import type { ChannelLink, Incident } from '../model/incident-schema.ts';
import { t, type Lang } from '../i18n/index.ts';
import { actorKey, isLocalKey, isWellFormedKey, keysMatch, parseUserReference } from './actor-key.ts';

/** The deployment's access settings (BREACHDESK_ADMINS, BREACHDESK_OPENERS), as actor keys. */
export interface AccessConfig {
  admins: readonly string[];
  /** Who may open incidents; empty: anyone. */
  openers: readonly string[];
}

/** What a command needs: `public` (anyone), `open` (openers), `read`/`change` (the team or an admin), `admin`. */
export type Permission = 'public' | 'open' | 'read' | 'change' | 'admin';

const ROLE_LABELS = { commander: 'commander', privacyOfficer: 'privacy officer', legal: 'legal counsel' } as const;

/**
 * True when the key is an admin. A local user (terminal, CLI) is an admin unless BREACHDESK_ADMINS names local users:
 * whoever has a shell on the store's machine can read the store's files anyway, so a refusal there would protect nothing.
 */
export function isAdmin(key: string, config: AccessConfig): boolean {
  if (isLocalKey(key) && !config.admins.some(isLocalKey)) return true;
  return config.admins.some((a) => keysMatch(a, key));
}

/** True when the key may open (report) an incident. */
export function canOpen(key: string, config: AccessConfig): boolean {
  return config.openers.length === 0 || isAdmin(key, config) || config.openers.some((o) => keysMatch(o, key));
}

/** The response team: who opened it, the role holders given as user references, and the added members. */
export function responseTeam(incident: Incident): { opener?: { key: string; name: string }; roles: { role: string; key: string; text: string }[]; members: string[] } {
  // The first entry a person made is the opening (new or import); the record never edits it.
  const first = incident.timeline.find((e) => e.actor.platform !== 'system');
  const roles = (Object.keys(ROLE_LABELS) as (keyof typeof ROLE_LABELS)[]).flatMap((role) => {
    const text = incident.roles[role];
    const key = text ? parseUserReference(text) : undefined;
    return key && text ? [{ role: ROLE_LABELS[role], key, text }] : [];
  });
  return { ...(first ? { opener: { key: actorKey(first.actor), name: first.actor.name } } : {}), roles, members: incident.members.map((m) => m.key) };
}

/** True when the key is on the incident's response team. */
export function isMember(incident: Incident, key: string): boolean {
  return teamKeys(incident).some((k) => keysMatch(k, key));
}

/** The keys of the response team (opener, role holders, members): what canRead needs besides the settings. */
export function teamKeys(incident: Incident): string[] {
  const team = responseTeam(incident);
  return [team.opener?.key, ...team.roles.map((r) => r.key), ...team.members].filter((k): k is string => k !== undefined);
}

/** canRead from the team's keys (teamKeys), for listings kept without the record (the deadline index). */
export function canReadAsTeam(keys: readonly string[], key: string, config: AccessConfig): boolean {
  return isAdmin(key, config) || keys.some((k) => keysMatch(k, key));
}

/** True when the key may read (and change) the incident's details. */
export function canRead(incident: Incident, key: string, config: AccessConfig): boolean {
  return isAdmin(key, config) || isMember(incident, key);
}

/** The linked channels reminders and digests may go to: linked by a current member or an admin (older links, made before keys were kept, stay). */
export function reachableChannels(incident: Incident, config: AccessConfig): ChannelLink[] {
  return incident.channels.filter((c) => c.linkedByKey === undefined || canRead(incident, c.linkedByKey, config));
}

/**
 * Who a refused user can ask: the commander (else the opener) or an admin. A refusal goes to someone outside the team, so
 * the commander is named only by user key (`slack:U…`, `teams:<id>`): a role typed as free text ("Dana, CISO, Acme
 * ransomware") or a mention's label is incident text and is never quoted; such a commander is asked for by role alone.
 * With no commander the opener is named the same way, by key, never by display name.
 */
export function whoCanHelp(incident: Incident, lang: Lang = 'en'): string {
  const commander = incident.roles.commander;
  if (commander) {
    const key = parseUserReference(commander);
    return key ? t(lang, 'errors.helper.commanderKey', { key }) : t(lang, 'errors.helper.commander');
  }
  const opener = responseTeam(incident).opener;
  // The opener's display name comes from the platform or from the CLI's `--as` (any text): only its key is named.
  if (!opener) return t(lang, 'errors.helper.admin');
  return isWellFormedKey(opener.key) ? t(lang, 'errors.helper.openerKey', { key: opener.key }) : t(lang, 'errors.helper.opener');
}

/** A warning when a channel looks public and large: reminders there show the incident to everyone in it. */
export function publicChannelWarning(channel: { name?: string; isPrivate?: boolean; memberCount?: number }): string | undefined {
  const name = channel.name?.replace(/^#/, '').toLowerCase();
  const why = name === 'general' || name === 'random' || name === 'everyone'
    ? `#${name} is usually the whole organization`
    : channel.isPrivate === false
      ? 'this channel is public (anyone in the workspace can join and read it)'
      : channel.memberCount !== undefined && channel.memberCount > 50
        ? `this channel has ${channel.memberCount} members`
        : undefined;
  return why ? `Warning: ${why}. Reminders and summaries posted here show the incident to all of them; prefer a private channel for the response team, and \`unlink\` this one.` : undefined;
}

/** Parse BREACHDESK_ADMINS / BREACHDESK_OPENERS: comma-separated keys; a bare name is a local (terminal/CLI) user. */
export function parseActorList(text: string | undefined): { keys: string[]; problems: string[] } {
  const keys: string[] = [];
  const problems: string[] = [];
  for (const raw of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (/^(slack|teams|terminal|cli):\S+$/.test(raw)) keys.push(raw);
    else if (/^[\w.-]+$/.test(raw)) keys.push(`terminal:${raw}`);
    else problems.push(`"${raw}" is not slack:<user id>, teams:<AAD object id> or a local user name`);
  }
  return { keys, problems };
}
