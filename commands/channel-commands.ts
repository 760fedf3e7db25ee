// `link` / `unlink`: which channels get an incident's reminders and summaries.
import { z } from 'zod';
import type { CommandContext } from './context.ts';
import { CommandRefusedError } from '../bot/errors.ts';
import type { CommandSpec } from './registry.ts';
import { ok } from '../bot/reply.ts';
import { applyChange } from '../bot/domain/change.ts';
import { linkChannel, unlinkChannel } from '../bot/domain/channels.ts';
import { actorKey } from '../bot/access/actor-key.ts';
import { canRead, publicChannelWarning } from '../bot/access/policy.ts';
import { changeContext, IncidentIdArg } from './shared.ts';
import { languageFor, t } from '../bot/i18n/index.ts';
import { askerLanguage } from './asker-language.ts';

function requireChannel(ctx: CommandContext) {
  const channel = ctx.channel;
  if (!channel || (channel.platform !== 'slack' && channel.platform !== 'teams' && channel.platform !== 'terminal')) {
    throw new CommandRefusedError(t(askerLanguage(ctx), 'confirm.linkWhere'));
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
    const label = channel.name ?? channel.id;
    const by = { name: ctx.actor.name, key: actorKey(ctx.actor) };
    const { incident, events } = await applyChange(changeContext(ctx), args.id, linkChannel(channel, by, (key, current) => canRead(current, key, ctx.config), ctx.clock.now()));
    const lang = languageFor(incident.organization, ctx.language);
    if (events.length === 0) return ok(t(lang, 'confirm.alreadyLinked', { id: args.id }));
    const warning = publicChannelWarning(channel);
    return ok(`${t(lang, 'confirm.linked', { platform: channel.platform, label, id: args.id })}${warning ? `\n${warning}` : ''}`, { visibility: 'channel' });
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
    const { incident: updated } = await applyChange(changeContext(ctx), args.id, unlinkChannel(channel));
    const lang = languageFor(updated.organization, ctx.language);
    const warning = updated.channels.length === 0 ? t(lang, 'confirm.noChannelLeft') : '';
    return ok(`${t(lang, 'confirm.unlinked', { id: args.id })}${warning}`, { visibility: 'channel' });
  },
};

/** Channel linking commands. */
export const channelCommands: CommandSpec[] = [linkCommand, unlinkCommand];
