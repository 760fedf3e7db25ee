// The one pure renderer from the neutral Reply to a Slack message: Block Kit within Slack's limits, plus a text fallback.
import type { types } from '@slack/bolt';
import type { Reply, ReplyButton, ReplyField, ReplySection } from '../../bot/reply.ts';
import { t, type Lang } from '../../bot/i18n/index.ts';
import { mapReplyText, visibleText } from '../safe-text.ts';
import { clip, escapeMrkdwn, splitText } from './mrkdwn.ts';
import { detailsMenus, footnoteBlocks, listGroups } from './render-list.ts';

type Block = types.KnownBlock;
type Button = types.Button;

/** Slack's documented Block Kit limits this renderer stays within. */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  sectionFields: 10,
  fieldText: 2000,
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  fallbackText: 4000,
} as const;

/** Prefix of action ids: a plain command button, or one that must ask for a reason first. */
export const ACTION_PREFIX = { run: 'bd:', needsReason: 'bdr:' } as const;

/** What a Slack message (chat.postMessage, response_url, ack) carries. */
export interface SlackMessage {
  /** Notification and screen-reader fallback; always present. */
  text: string;
  blocks: Block[];
}

/** Options for one rendering. */
export interface RenderOptions {
  /** Block budget: 50 for messages, 100 for modals and the Home tab. */
  maxBlocks?: number;
  /** The command that produced the reply, to point at its full `--json` output when something is cut. */
  source?: string;
  /** Added to action ids so two renderings can share one view (the Home tab). */
  idTag?: string;
}

/** Render a reply as Block Kit; cuts are visible, no user text becomes a live mention or link, it never throws. */
export function replyToBlocks(original: Reply, options: RenderOptions = {}): SlackMessage {
  const max = Math.max(3, options.maxBlocks ?? SLACK_LIMITS.blocks);
  const reply = mapReplyText(original, visibleText);
  const mentions = intendedMentions(original);
  const ids: IdCounter = { tag: options.idTag ?? '', next: 0, dropped: 0, esc: (t) => escapeMrkdwn(t, mentions) };
  const text = clip(ids.esc(reply.text), SLACK_LIMITS.fallbackText, '… (truncated)') || ' ';
  const card = reply.card;
  let head: Block[] = [];
  let groups: Block[][];
  let tail: Block[] = [];
  let noun: Noun;
  if (card) {
    if (card.title.trim()) head.push({ type: 'header', text: { type: 'plain_text', text: clip(card.title, SLACK_LIMITS.headerText), emoji: true } });
    if (card.subtitle) head.push(context(card.subtitle, ids.esc));
    head.push(...fieldSections(card.fields ?? [], ids.esc));
    // A card with nothing but a title ("Nothing due within 7 days") would hide the answer: show the text instead.
    const empty = !card.fields?.length && !card.sections?.length && !card.list?.length;
    groups = empty
      ? textSections(reply, ids.esc).map((b) => [b])
      : [...(card.sections ?? []).map((s) => sectionGroup(s, ids, reply.lang ?? 'en', options.source)), ...listGroups(card, (buttons) => actionsBlocks(buttons, ids), ids.esc)];
    // The details menu and footnotes sit in the tail: they are placed first, so no cut of the list can lose them.
    tail = [...detailsMenus(card, ids.tag), ...actionsBlocks(card.buttons ?? [], ids), ...footnoteBlocks(card, ids.esc)];
    if (card.footer) tail.push(context(card.footer, ids.esc));
    noun = nounFor(options.source);
  } else {
    groups = textSections(reply, ids.esc).map((b) => [b]);
    noun = 'part';
  }
  head = head.slice(0, max - 2);
  tail = tail.slice(0, Math.max(0, max - head.length - 2));
  const room = max - head.length - tail.length;
  const placed: Block[] = [];
  let shown = 0;
  const total = groups.reduce((n, g) => n + g.length, 0);
  // One block stays free for the "… more" / dropped-buttons note whenever one will be needed.
  const budget = total > room || ids.dropped > 0 ? room - 1 : room;
  for (const group of groups) {
    if (placed.length + group.length > budget) break;
    placed.push(...group);
    shown += 1;
  }
  const notes: string[] = [];
  const omitted = groups.length - shown;
  const lang = reply.lang ?? 'en';
  if (omitted > 0) {
    const command = fullCommand(options.source);
    const words = { count: omitted, noun: t(lang, `surface.noun.${noun}`, { count: omitted }) };
    notes.push(command ? t(lang, 'surface.moreUse', { ...words, command }) : t(lang, 'surface.moreHidden', words));
  }
  if (ids.dropped > 0) notes.push(t(lang, 'surface.buttonsDropped', { count: ids.dropped }));
  const blocks = [...head, ...placed, ...tail];
  if (notes.length > 0) blocks.splice(head.length + placed.length, 0, context(notes.join(' ')));
  return { text, blocks };
}

/** Section blocks one part of a card may take: a longer text goes on in the next block, at a line break, up to this many. */
export const MAX_BLOCKS_PER_SECTION = 4;

function sectionGroup(section: ReplySection, ids: IdCounter, lang: Lang, source?: string): Block[] {
  const blocks: Block[] = [];
  const parts: string[] = [];
  if (section.heading) parts.push(`*${ids.esc(section.heading)}*`);
  if (section.text) parts.push(ids.esc(section.text));
  const body = parts.join('\n');
  const fields = section.fields ?? [];
  const fieldBlocks = fieldSections(fields, ids.esc);
  if (body) {
    // A long part (ten needs-facts questions with their bases) continues in the next section block at a line break
    // instead of being cut mid-word at 3,000 characters; only past a few blocks is the rest cut, said so in the answer's language.
    const chunks = splitText(body, SLACK_LIMITS.sectionText);
    const kept = chunks.slice(0, MAX_BLOCKS_PER_SECTION);
    if (chunks.length > kept.length) {
      const command = fullCommand(source);
      const cut = `\n${command ? t(lang, 'surface.cutUse', { command }) : t(lang, 'surface.cutHidden')}`;
      kept[kept.length - 1] = clip(kept.at(-1)!, SLACK_LIMITS.sectionText - cut.length) + cut;
    }
    const sections: types.SectionBlock[] = kept.map((chunk) => ({ type: 'section', text: { type: 'mrkdwn', text: chunk } }));
    // Fields ride on the text's section when they fit, saving a block.
    const firstFields = fieldBlocks.shift() as types.SectionBlock | undefined;
    if (firstFields?.fields) sections[0]!.fields = firstFields.fields;
    blocks.push(...sections);
  }
  blocks.push(...fieldBlocks, ...actionsBlocks(section.buttons ?? [], ids));
  return blocks;
}

function fieldSections(fields: readonly ReplyField[], esc: Escape): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < fields.length; i += SLACK_LIMITS.sectionFields) {
    blocks.push({
      type: 'section',
      fields: fields.slice(i, i + SLACK_LIMITS.sectionFields).map((f) => ({
        type: 'mrkdwn' as const,
        text: clip(`*${esc(f.label)}*\n${esc(f.value)}`, SLACK_LIMITS.fieldText),
      })),
    });
  }
  return blocks;
}

function actionsBlocks(buttons: readonly ReplyButton[], ids: IdCounter): Block[] {
  const elements: Button[] = [];
  for (const b of buttons) {
    if (!b.command.trim() || b.command.length > SLACK_LIMITS.buttonValue) {
      ids.dropped += 1;
      continue;
    }
    ids.next += 1;
    elements.push({
      type: 'button',
      text: { type: 'plain_text', text: clip(b.label, SLACK_LIMITS.buttonText) || b.command.slice(0, SLACK_LIMITS.buttonText), emoji: true },
      value: b.command,
      action_id: `${b.needsReason ? ACTION_PREFIX.needsReason : ACTION_PREFIX.run}${ids.tag}${ids.next}`,
      ...(b.style ? { style: b.style } : {}),
    });
  }
  const blocks: Block[] = [];
  for (let i = 0; i < elements.length; i += SLACK_LIMITS.actionsElements) {
    blocks.push({ type: 'actions', elements: elements.slice(i, i + SLACK_LIMITS.actionsElements) });
  }
  return blocks;
}

function textSections(reply: Reply, esc: Escape): Block[] {
  const json = reply.json === true;
  const prefix = reply.outcome === 'refused' ? ':warning: ' : reply.outcome === 'usage' ? ':information_source: ' : '';
  const escaped = esc(reply.text);
  const chunks = splitText(escaped, SLACK_LIMITS.sectionText - (json ? 8 : prefix.length));
  return chunks.map((chunk, i) => ({
    type: 'section' as const,
    text: { type: 'mrkdwn' as const, text: json ? `\`\`\`\n${chunk}\n\`\`\`` : `${i === 0 ? prefix : ''}${chunk}` || ' ' },
  }));
}

/** `esc` escapes user text; without it the text is breachdesk's own (notes about cuts). */
function context(text: string, esc?: Escape): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(esc ? esc(text) : text, SLACK_LIMITS.contextText) }] };
}

type Escape = (text: string) => string;

interface IdCounter {
  tag: string;
  next: number;
  dropped: number;
  esc: Escape;
}

// An escalation names whom it notifies in its data (bot/scheduler/reminder-message.ts): only that user's mention stays live.
function intendedMentions(reply: Reply): string[] {
  const mention = (reply.data as { mention?: unknown } | undefined)?.mention;
  return typeof mention === 'string' ? [mention] : [];
}

/** What the cut items are called (a catalogue key under surface.noun). */
type Noun = 'obligation' | 'incident' | 'section' | 'part';

/** The producing command with `--json`, in backticks, for "see everything" hints. */
function fullCommand(source: string | undefined): string | undefined {
  const command = source?.trim().replace(/\s+--json\b/, '');
  return command ? `\`${clip(escapeMrkdwn(visibleText(command)), 200)} --json\`` : undefined;
}

function nounFor(source: string | undefined): Noun {
  const word = source?.trim().split(/\s+/)[0]?.toLowerCase();
  if (word === 'deadlines' || word === 'due') return 'obligation';
  if (word === 'list' || word === 'ls' || word === 'incidents') return 'incident';
  return 'section';
}
