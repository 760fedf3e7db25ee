// Button clicks and shortcuts: a click runs the button's command as the clicking user.
import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { deliverReply, type ReplyOrigin } from '../deliver.ts';
import { OPEN_NEW_ACTION } from '../home-view.ts';
import { formDefaults, formLanguage, newIncidentModal, reasonModal, type StoredOrigin } from '../modals.ts';
import { ACTION_PREFIX } from '../render-blocks.ts';
import { DETAILS_MENU_PREFIX } from '../render-list.ts';
import { handleOf, slackChannel, textRequest } from '../requests.ts';
import type { SlackContext } from '../slack-context.ts';
import { publishHome } from './events.ts';
import { openView } from './views.ts';

/** callback_id of the global shortcut that opens the `new` form. */
export const NEW_SHORTCUT = 'breach_new';

const COMMAND_BUTTON = /^bdr?:/;
const DETAILS_MENU = new RegExp(`^${DETAILS_MENU_PREFIX}`);

/** Register button and shortcut listeners. */
export function registerActions(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: COMMAND_BUTTON }, async ({ ack, body, action, respond }) => {
    await ack();
    const command = action.value;
    if (!command) return;
    const actor = { id: body.user.id, name: await ctx.userName(body.user.id, handleOf(body.user)) };
    const channel = slackChannel(body.channel?.id, body.channel?.name);
    const inView = body.view?.type === 'modal' || body.view?.type === 'home';
    if (action.action_id.startsWith(ACTION_PREFIX.needsReason)) {
      const origin: StoredOrigin = {
        ...(channel ? { channel: { id: channel.id, ...(channel.name ? { name: channel.name } : {}) } } : {}),
        ...(body.response_url ? { responseUrl: body.response_url } : {}),
        ...(typeof body.message?.thread_ts === 'string' ? { threadTs: body.message.thread_ts } : {}),
      };
      await openView(ctx, body.trigger_id, reasonModal(command, origin, formLanguage(ctx.bot.defaults)), body.view?.type === 'modal');
      return;
    }
    const reply = await ctx.bot.handle(textRequest(command, actor, await ctx.channelInfo(channel)));
    const origin: ReplyOrigin = inView
      ? { userId: actor.id, triggerId: body.trigger_id, inModal: body.view?.type === 'modal' }
      : { userId: actor.id, ...(channel ? { channelId: channel.id } : {}), ...(body.response_url ? { respond } : {}) };
    await deliverReply(ctx, reply, origin, command);
    // A change made from the Home tab should show there at once.
    if (body.view?.type === 'home') await publishHome(ctx, actor.id);
  });

  // A details menu: the chosen notice's full answer (basis, filing, caveats) opens in a modal, one click away.
  app.action<BlockAction<StaticSelectAction>>({ type: 'block_actions', action_id: DETAILS_MENU }, async ({ ack, body, action }) => {
    await ack();
    const command = action.selected_option?.value;
    if (!command) return;
    const actor = { id: body.user.id, name: await ctx.userName(body.user.id, handleOf(body.user)) };
    const channel = slackChannel(body.channel?.id, body.channel?.name);
    const reply = await ctx.bot.handle(textRequest(command, actor, channel));
    await deliverReply(ctx, reply, { userId: actor.id, triggerId: body.trigger_id, inModal: body.view?.type === 'modal', ...(channel ? { channelId: channel.id } : {}) }, command);
  });

  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: OPEN_NEW_ACTION }, async ({ ack, body }) => {
    await ack();
    await openView(ctx, body.trigger_id, newIncidentModal({}, formDefaults(ctx.bot.defaults), formLanguage(ctx.bot.defaults)));
  });

  app.shortcut(NEW_SHORTCUT, async ({ ack, body }) => {
    await ack();
    await openView(ctx, body.trigger_id, newIncidentModal({}, formDefaults(ctx.bot.defaults), formLanguage(ctx.bot.defaults)));
  });
}
