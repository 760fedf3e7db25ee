// `link` / `unlink`: which channels get an incident's reminders and summaries.
import { z } from 'zod';
import type { CommandContext } from './context.ts';
import { CommandRefusedError } from '../bot/errors.ts';
import type { CommandSpec } from './registry.ts';
import { ok } from '../bot/reply.ts';
import { actorKey } from '../bot/access/actor-key.ts';
import { canRead, publicChannelWarning } from '../bot/access/policy.ts';
import { IncidentIdArg, requireIncident, timelineEntry, updateWithEntry } from './shared.ts';

function requireChannel(ctx: CommandContext) {
  const channel = ctx.channel;
  if (!channel || (channel.platform !== 'slack' && channel.platform !== 'teams' && channel.platform !== 'terminal')) {
    throw new CommandRefusedError('Run `link` inside the Slack channel, Teams conversation or terminal chat that should receive reminders.');
  }
  return { ...channel, platform: channel.platform };
}

const linkCommand: CommandSpec<{ id: string }> = {
  id: 'channel.link',
  permission: 'change',
  name: 'link',
  summary: 'Link this channel to an incident: reminders and summaries will be posted here',
  usage: 'link <id>',
  examples: ['link BR-1'],
  positionals: [{ name: 'id' }],
  args: z.object({ id: IncidentIdArg }),
  async handler(args, ctx) {
    const channel = requireChannel(ctx);
    const incident = await requireIncident(ctx, args.id);
    const label = channel.name ?? channel.id;
    const existing = incident.channels.find((c) => c.platform === channel.platform && c.id === channel.id);
    // A link made by someone no longer on the team sends nothing: linking again by a member revives it.
    const live = existing?.linkedByKey === undefined || canRead(incident, existing.linkedByKey, ctx.config);
    if (existing && live && JSON.stringify(existing.reference) === JSON.stringify(channel.reference)) return ok(`This channel is already linked to ${args.id}.`);
    await updateWithEntry(
      ctx,
      args.id,
      (c) => ({
        ...c,
        channels: [
          ...c.channels.filter((l) => !(l.platform === channel.platform && l.id === channel.id)),
          { platform: channel.platform, id: channel.id, ...(channel.name ? { name: channel.name } : {}), linkedAt: ctx.clock.now().toISOString(), linkedBy: ctx.actor.name, linkedByKey: actorKey(ctx.actor), ...(channel.reference !== undefined ? { reference: channel.reference } : {}) },
        ],
      }),
      () => timelineEntry(ctx, 'channel.linked', `Linked ${channel.platform} channel ${label}`),
    );
    const warning = publicChannelWarning(channel);
    return ok(`Linked ${channel.platform} channel ${label} to ${args.id}. Deadline reminders and summaries will be posted here.${warning ? `\n${warning}` : ''}`, { visibility: 'channel' });
  },
};

const unlinkCommand: CommandSpec<{ id: string }> = {
  id: 'channel.unlink',
  permission: 'change',
  name: 'unlink',
  summary: 'Stop posting an incident’s reminders into this channel',
  usage: 'unlink <id>',
  examples: ['unlink BR-1'],
  positionals: [{ name: 'id' }],
  args: z.object({ id: IncidentIdArg }),
  async handler(args, ctx) {
    const channel = requireChannel(ctx);
    const incident = await requireIncident(ctx, args.id);
    if (!incident.channels.some((c) => c.platform === channel.platform && c.id === channel.id)) {
      throw new CommandRefusedError(`This channel is not linked to ${args.id}.`);
    }
    const updated = await updateWithEntry(
      ctx,
      args.id,
      (c) => ({ ...c, channels: c.channels.filter((l) => !(l.platform === channel.platform && l.id === channel.id)) }),
      () => timelineEntry(ctx, 'channel.unlinked', `Unlinked ${channel.platform} channel ${channel.name ?? channel.id}`),
    );
    const warning = updated.channels.length === 0 ? ' No channel is linked any more: nobody will get its reminders.' : '';
    return ok(`Unlinked this channel from ${args.id}.${warning}`, { visibility: 'channel' });
  },
};

/** Channel linking commands. */
export const channelCommands: CommandSpec[] = [linkCommand, unlinkCommand];
