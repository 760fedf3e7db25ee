// The one place permissions are checked: before any handler runs, for every front door. Refusals and reads go to the
// incident's access log (beside the timeline) through the domain change path.
import { actorKey } from '../bot/access/actor-key.ts';
import { canOpen, canRead, canReadAsTeam, isAdmin, whoCanHelp, type Permission } from '../bot/access/policy.ts';
import { applyChange } from '../bot/domain/change.ts';
import { decideAccess } from '../bot/domain/membership.ts';
import { CommandRefusedError, IncidentDamagedError } from '../bot/errors.ts';
import type { AccessEvent, Incident } from '../bot/model/incident-schema.ts';
import type { CommandContext } from './context.ts';
import { languageFor, t, type Lang } from '../bot/i18n/index.ts';
import { askerLanguage } from './asker-language.ts';

/** What an access-log entry records about the request: who, from which platform and channel, when. */
export function accessEvent(ctx: CommandContext, kind: AccessEvent['kind'], command: string, reason?: string): AccessEvent {
  const channel = ctx.channel ? { platform: ctx.channel.platform, id: ctx.channel.id, ...(ctx.channel.name ? { name: ctx.channel.name } : {}) } : undefined;
  return { at: ctx.clock.now().toISOString(), kind, command, actor: ctx.actor, ...(channel ? { channel } : {}), ...(reason ? { reason } : {}) };
}

/** Append one access event to the incident's access log. */
export async function recordAccess(ctx: CommandContext, id: string, event: AccessEvent): Promise<void> {
  await applyChange({ store: ctx.store, actor: ctx.actor, now: ctx.clock.now() }, id, decideAccess(event));
}

/** A predicate for listings: only incidents the asker may read (list, due, App Home, Teams lists all go through it). */
export function readableBy(ctx: CommandContext): (incident: Incident) => boolean {
  const key = actorKey(ctx.actor);
  if (isAdmin(key, ctx.config)) return () => true;
  return (incident) => canRead(incident, key, ctx.config);
}

/** readableBy for the deadline index, which keeps each incident's team keys (policy.teamKeys) instead of the record; undefined for an admin (reads every incident). */
export function readableByTeam(ctx: CommandContext): ((teamKeys: readonly string[]) => boolean) | undefined {
  const key = actorKey(ctx.actor);
  if (isAdmin(key, ctx.config)) return undefined;
  return (keys) => canReadAsTeam(keys, key, ctx.config);
}

/**
 * Throws CommandRefusedError (recorded in the access log when an incident is named) unless the asker holds the permission.
 * Returns the incident checked, when one was named and exists (what the request's later log entries belong to).
 */
export async function authorize(permission: Permission, command: string, incidentId: string | undefined, ctx: CommandContext): Promise<Incident | undefined> {
  const key = actorKey(ctx.actor);
  if (permission === 'public') return undefined;
  if (permission === 'open') {
    if (canOpen(key, ctx.config)) return undefined;
    return refuse(ctx, command, undefined, 'Opening incidents is limited to the people named in BREACHDESK_OPENERS; ask an admin to open it or to add you.', t(askerLanguage(ctx), 'errors.openersOnly'));
  }
  const incident = incidentId ? await getForAccess(ctx, incidentId, key) : undefined;
  // An unknown id is the handler's to answer ("No incident BR-9"): there is nothing to protect or log.
  if (incidentId && !incident) return undefined;
  if (permission === 'admin') {
    if (isAdmin(key, ctx.config)) return incident;
    return refuse(ctx, command, incident, `\`${command}\` is for breachdesk admins (BREACHDESK_ADMINS); ask one of them.`, t(langOf(ctx, incident), 'errors.adminsOnly', { command }));
  }
  if (!incident || canRead(incident, key, ctx.config)) return incident;
  const why = `${incident.id} is restricted to its response team; ask ${whoCanHelp(incident)} to add you (\`member add ${incident.id} <you>\`).`;
  const lang = langOf(ctx, incident);
  // The record keeps the English sentence; the asker reads it in their language, naming the same person to ask.
  return refuse(ctx, command, incident, why, lang === 'en' ? why : t(lang, 'errors.teamOnly', { id: incident.id, who: whoCanHelp(incident, lang) }));
}

/** An incident's answers' language: the asker's choice, else its organization's; the asker's when there is none. */
function langOf(ctx: CommandContext, incident: Incident | undefined): Lang {
  return incident ? languageFor(incident.organization, ctx.language) : askerLanguage(ctx);
}

/** The incident, for the check; a damaged one is refused here for non-admins, without the server's file path. */
async function getForAccess(ctx: CommandContext, id: string, key: string): Promise<Incident | undefined> {
  try {
    return await ctx.store.get(id);
  } catch (error) {
    // Admins repair the file and need its path; anyone else learns only that it cannot be used now.
    if (!(error instanceof IncidentDamagedError) || isAdmin(key, ctx.config)) throw error;
    ctx.logger.warn('access to a damaged incident refused', { incident: id, actor: key });
    throw new CommandRefusedError(t(askerLanguage(ctx), 'errors.damaged', { id }));
  }
}

// `why` goes to the record in English (the access log reads alike for every incident); the asker reads `said`.
async function refuse(ctx: CommandContext, command: string, incident: Incident | undefined, why: string, said: string): Promise<never> {
  if (incident) await recordAccess(ctx, incident.id, accessEvent(ctx, 'refused', command, why));
  else ctx.logger.warn('access refused', { command, actor: actorKey(ctx.actor), channel: ctx.channel ? `${ctx.channel.platform}:${ctx.channel.id}` : undefined });
  const lang = langOf(ctx, incident);
  throw new CommandRefusedError(incident ? t(lang, 'errors.refusedRecorded', { why: said, id: incident.id }) : t(lang, 'errors.refusedServerLog', { why: said }));
}
