// Modal submissions: the reason for snooze-like buttons, and the `new` incident form.
import type { App, types, ViewResponseAction, ViewSubmitAction } from '@slack/bolt';
import type { Reply } from '../../../bot/reply.ts';
import { tokenize } from '../../../commands/tokenize.ts';
import { deliverReply, isSlackResponseUrl, respondTo, within, type ReplyOrigin } from '../deliver.ts';
import { describeError } from '../identity.ts';
import { decodeMetadata, parseNewIncident, replyModal, VIEW_IDS, type NewIncidentForm, type StoredOrigin, type ViewStateValues } from '../modals.ts';
import { argvRequest, handleOf, slackChannel, type SlackActor } from '../requests.ts';
import type { SlackContext } from '../slack-context.ts';

/** Open a modal (or stack it on an open one); a failure is logged, not thrown. */
export async function openView(ctx: SlackContext, triggerId: string, view: types.View, onTopOfModal = false): Promise<boolean> {
  try {
    if (onTopOfModal) await ctx.client.views.push({ trigger_id: triggerId, view });
    else await ctx.client.views.open({ trigger_id: triggerId, view });
    return true;
  } catch (error) {
    ctx.logger.warn(`could not open a Slack modal: ${describeError(error)}`);
    return false;
  }
}

/** Register the modal submission listeners. */
export function registerViews(app: App, ctx: SlackContext): void {
  app.view<ViewSubmitAction>(VIEW_IDS.reason, async ({ ack, body, view }) => {
    const { origin, command } = decodeMetadata(view.private_metadata);
    const reason = (view.state.values as ViewStateValues).reason?.value?.value?.trim();
    if (!command) return void (await ack());
    if (!reason) return void (await ack({ response_action: 'errors', errors: { reason: 'A reason is needed.' } }));
    const actor = { id: body.user.id, name: await ctx.userName(body.user.id, handleOf(body.user)) };
    // Words, not text: a reason with quotes in it cannot break the command.
    // One word with its value (`--reason=…`): a reason that starts with "-" or is `--json` stays the reason, not an option.
    const work = ctx.bot.handle(argvRequest([...tokenize(command), `--reason=${reason}`], actor, channelOf(origin)));
    await finish(ctx, work, ack, actor, origin, command);
  });

  app.view<ViewSubmitAction>(VIEW_IDS.newIncident, async ({ ack, body, view }) => {
    const form = parseNewIncident(view.state.values as ViewStateValues);
    if ('errors' in form) return void (await ack({ response_action: 'errors', errors: form.errors }));
    const { origin } = decodeMetadata(view.private_metadata);
    const actor = { id: body.user.id, name: await ctx.userName(body.user.id, handleOf(body.user)) };
    await finish(ctx, createIncident(ctx, form, actor, channelOf(origin)), ack, actor, origin, 'new');
  });
}

type ViewAck = (response?: ViewResponseAction) => Promise<void>;

/** Close the modal and deliver the answer; a quick refusal replaces the modal instead so the user sees why. */
async function finish(ctx: SlackContext, work: Promise<Reply>, ack: ViewAck, actor: SlackActor, origin: StoredOrigin, source: string): Promise<void> {
  const quick = await within(work, ctx.ackBudgetMs);
  if (quick && quick.outcome !== 'ok') return void (await ack({ response_action: 'update', view: replyModal(quick, source) }));
  await ack();
  await deliverReply(ctx, quick ?? (await work), toDelivery(ctx, origin, actor.id), source);
}

/** `new` from the form, then one `set` per jurisdiction count, all as the submitting user. */
async function createIncident(ctx: SlackContext, form: NewIncidentForm, actor: SlackActor, channel: ReturnType<typeof channelOf>): Promise<Reply> {
  const created = await ctx.bot.handle(argvRequest(form.create, actor, channel));
  const id = (created.data as { id?: unknown } | undefined)?.id;
  if (created.outcome !== 'ok' || typeof id !== 'string') return created;
  const lines = [created.text];
  for (const [jurisdiction, count] of form.counts) {
    const set = await ctx.bot.handle(argvRequest(['set', id, `affected.${jurisdiction}`, String(count)], actor, channel));
    lines.push(set.outcome === 'ok' ? `Affected in ${jurisdiction}: ${count}.` : `Could not record ${jurisdiction}=${count}: ${set.text}`);
  }
  // PHI, encryption and the vendor move clocks too: recorded like any `set`, each on the timeline.
  for (const [field, value] of form.facts ?? []) {
    const set = await ctx.bot.handle(argvRequest(['set', id, field, value], actor, channel));
    if (set.outcome !== 'ok') lines.push(`Could not record ${field} = ${value}: ${set.text}`);
  }
  return { ...created, text: lines.join('\n') };
}

function channelOf(origin: StoredOrigin) {
  return origin.channel ? slackChannel(origin.channel.id, origin.channel.name) : undefined;
}

function toDelivery(ctx: SlackContext, origin: StoredOrigin, userId: string): ReplyOrigin {
  // private_metadata comes back from the client: a response_url that is not Slack's is dropped, never posted to
  // (the answer then goes to the user directly), so nobody can have an incident's details sent to a URL they chose.
  const responseUrl = origin.responseUrl && isSlackResponseUrl(origin.responseUrl, ctx.client.slackApiUrl) ? origin.responseUrl : undefined;
  if (origin.responseUrl && !responseUrl) ctx.logger.warn('slack: ignored a modal response_url that is not a Slack URL', { user: userId });
  return {
    userId,
    ...(origin.channel ? { channelId: origin.channel.id } : {}),
    ...(origin.threadTs ? { threadTs: origin.threadTs } : {}),
    ...(responseUrl ? { respond: respondTo(responseUrl) } : {}),
  };
}
