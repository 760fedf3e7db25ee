// Block Kit for a card's compact list (one section per group, a details menu) and its footnotes.
import type { types } from '@slack/bolt';
import type { ReplyButton, ReplyCard } from '../../bot/reply.ts';
import { clip, escapeMrkdwn, splitText } from './mrkdwn.ts';

type Block = types.KnownBlock;

/** Prefix of the action id of a details menu: the chosen option's value is a command whose answer opens in a modal. */
export const DETAILS_MENU_PREFIX = 'bdsel:';

// Slack's documented limits for what this file builds.
const SECTION_TEXT = 3000;
const OPTIONS_PER_SELECT = 100;
const OPTION_TEXT = 75;
const OPTION_VALUE = 150;
const CONTEXT_TEXT = 2000;

/**
 * One block group per list group (heading and lines), so a cut drops whole groups and says so. A line with buttons
 * closes its section and gets its actions row; a folded group is one line of names (the details menu still lists each).
 */
export function listGroups(card: ReplyCard, actions: (buttons: ReplyButton[]) => Block[], esc: (text: string) => string = escapeMrkdwn): Block[][] {
  return (card.list ?? []).map((group) => {
    const blocks: Block[] = [];
    let lines = [`*${esc(group.heading)}*`];
    const flush = () => {
      if (lines.length) blocks.push(...splitText(lines.join('\n'), SECTION_TEXT).map((chunk) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text: chunk } })));
      lines = [];
    };
    if (group.collapsed) {
      lines.push(esc(group.items.map((i) => i.label ?? i.text).join(' · ')));
      flush();
      return blocks;
    }
    for (const item of group.items) {
      lines.push(esc(item.text));
      if (item.buttons?.length) {
        flush();
        blocks.push(...actions(item.buttons));
      }
    }
    flush();
    return blocks;
  });
}

/** The details menus: every list item that has a details command, 100 per menu. */
export function detailsMenus(card: ReplyCard, tag: string): Block[] {
  const options = (card.list ?? [])
    .flatMap((g) => g.items)
    .filter((i) => i.detailsCommand && i.detailsCommand.length <= OPTION_VALUE)
    .map((i) => ({ text: { type: 'plain_text' as const, text: clip(i.label ?? i.text, OPTION_TEXT), emoji: true }, value: i.detailsCommand! }));
  const blocks: Block[] = [];
  for (let i = 0; i < options.length; i += OPTIONS_PER_SELECT) {
    blocks.push({
      type: 'actions',
      elements: [{
        type: 'static_select',
        action_id: `${DETAILS_MENU_PREFIX}${tag}${i / OPTIONS_PER_SELECT}`,
        placeholder: { type: 'plain_text', text: clip(card.listDetailsLabel ?? 'Details…', OPTION_TEXT), emoji: true },
        options: options.slice(i, i + OPTIONS_PER_SELECT),
      }],
    });
  }
  return blocks;
}

/** Numbered footnotes, in as few sections as fit. */
export function footnoteBlocks(card: ReplyCard, esc: (text: string) => string = escapeMrkdwn): Block[] {
  const heading = card.footnotesHeading;
  if (!card.footnotes?.length) return [];
  const body = [...(heading ? [`*${esc(heading)}*`] : []), ...card.footnotes.map((f, i) => `[${i + 1}] ${esc(f)}`)].join('\n');
  return splitText(body, CONTEXT_TEXT).map((chunk) => ({ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: chunk }] }));
}
