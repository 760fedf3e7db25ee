// `/breach <command>`: ack within Slack's 3 seconds, answer in the ack when quick, else through response_url.
import type { App } from '@slack/bolt';
import { visibleText } from '../../safe-text.ts';
import { clip, escapeMrkdwn } from '../mrkdwn.ts';
import { deliverFile, deliverReply, responseMessage, within } from '../deliver.ts';
import { formDefaults, formLanguage, newIncidentModal } from '../modals.ts';
import { slackChannel, textRequest, typedText } from '../requests.ts';
import type { SlackContext } from '../slack-context.ts';
import { withFileNote } from '../upload-file.ts';
import { openView } from './views.ts';

/** The slash command this adapter answers (slack-manifest.yaml declares it). */
export const SLASH_COMMAND = '/breach';

/** Register the slash command listener. */
export function registerCommands(app: App, ctx: SlackContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    const text = typedText(command.text);
    const channel = slackChannel(command.channel_id, command.channel_name);
    if (isBareNew(ctx, text)) {
      await ack();
      const origin = { ...(channel ? { channel: { id: channel.id, ...(channel.name ? { name: channel.name } : {}) } } : {}), responseUrl: command.response_url };
      const opened = await openView(ctx, command.trigger_id, newIncidentModal(origin, formDefaults(ctx.bot.defaults), formLanguage(ctx.bot.defaults)));
      if (!opened) await respond({ response_type: 'ephemeral', text: 'Could not open the form. Type it instead: `new <title> --discovered "2025-02-20 09:00" --affected <n>`.' }).catch(() => undefined);
      return;
    }
    // The name lookup counts against the ack budget too: a slow users.info cannot make Slack time out.
    const actorReady = ctx.userName(command.user_id, command.user_name).then((name) => ({ id: command.user_id, name }));
    const work = Promise.all([actorReady, ctx.channelInfo(channel)]).then(([actor, known]) => ctx.bot.handle(textRequest(text, actor, known)));
    const quick = await within(work, ctx.ackBudgetMs);
    if (quick) {
      const { replace_original: _unused, ...body } = responseMessage(withFileNote(quick, Boolean(channel)), text);
      await ack(body);
      await deliverFile(ctx, quick, { userId: command.user_id, ...(channel ? { channelId: channel.id } : {}), respond });
      return;
    }
    await ack({ response_type: 'ephemeral', text: `:hourglass_flowing_sand: Working on \`${escapeMrkdwn(clip(visibleText(text || 'help'), 100))}\`…` });
    await deliverReply(ctx, await work, { userId: command.user_id, ...(channel ? { channelId: channel.id } : {}), respond }, text);
  });
}

/** `new` (or an alias) with nothing after it opens the form instead of failing for a missing title. */
function isBareNew(ctx: SlackContext, text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length === 1 && ctx.bot.findCommand(words[0]!)?.id === 'incident.new';
}
