// Adaptive Card elements for a card's compact list: coloured lines, details expanded in place, footnotes once.
import type { ReplyButton, ReplyCard, ReplyTone } from '../../bot/reply.ts';

type CardElement = Record<string, unknown>;

const TONE: Record<ReplyTone, CardElement> = {
  attention: { color: 'Attention', weight: 'Bolder' },
  warning: { color: 'Warning' },
  good: { color: 'Good' },
  accent: { color: 'Accent' },
  default: {},
  subtle: { isSubtle: true },
};

/** Number of items in the card's list. */
export function listSize(card: ReplyCard): number {
  return (card.list ?? []).reduce((n, g) => n + g.items.length, 0);
}

/**
 * The first `shown` list items under their headings. Selecting a line toggles its details (basis, filing, caveats and
 * its buttons) in place (`inline`), or asks for that notice's own card; either way the card stays one line per notice.
 */
export function listElements(
  card: ReplyCard, shown: number, button: (b: ReplyButton) => CardElement, ids: { next: number }, inline = true,
): CardElement[] {
  const out: CardElement[] = [];
  let left = shown;
  for (const group of card.list ?? []) {
    if (left <= 0) break;
    out.push({ type: 'TextBlock', text: group.heading, weight: 'Bolder', wrap: true, separator: true, spacing: 'Medium' });
    for (const item of group.items.slice(0, left)) {
      left -= 1;
      const detailsId = `breachdeskDetails${++ids.next}`;
      const line: CardElement = { type: 'TextBlock', text: item.text, wrap: true, spacing: 'Small', ...TONE[item.tone ?? 'default'] };
      if (!inline && item.detailsCommand) {
        // Too many notices to carry every detail: selecting a line answers with that notice's own card.
        out.push({ type: 'Container', selectAction: { type: 'Action.Submit', title: item.label ?? item.text, data: { breachdesk: item.detailsCommand } }, items: [line], spacing: 'Small' });
        continue;
      }
      if (!item.details) {
        out.push(line);
        continue;
      }
      const details: CardElement[] = item.details.text
        .split('\n')
        .map((text, i) => ({ type: 'TextBlock', text, wrap: true, size: 'Small', spacing: i === 0 ? 'Small' : 'None' }));
      if (item.details.buttons?.length) details.push({ type: 'ActionSet', actions: item.details.buttons.map(button) });
      out.push(
        { type: 'Container', selectAction: { type: 'Action.ToggleVisibility', title: item.label ?? item.text, targetElements: [detailsId] }, items: [line], spacing: 'Small' },
        { type: 'Container', id: detailsId, isVisible: false, style: 'emphasis', items: details, spacing: 'None' },
      );
    }
  }
  return out;
}

/** The "Show more" action for the items left out, or nothing when every item is shown. */
export function moreAction(card: ReplyCard, shown: number): CardElement | undefined {
  const size = listSize(card);
  if (!card.more || shown >= size) return undefined;
  const from = card.more.offset + shown;
  const left = card.more.total - from;
  return { type: 'Action.Submit', title: card.more.label.replace('{{left}}', String(left)), data: { breachdesk: `${card.more.command} --from ${from}` } };
}

/** Footnotes, numbered, small, once at the end. */
export function footnoteElements(card: ReplyCard): CardElement[] {
  if (!card.footnotes?.length) return [];
  return [
    ...(card.footnotesHeading ? [{ type: 'TextBlock', text: card.footnotesHeading, weight: 'Bolder', size: 'Small', wrap: true, separator: true }] : []),
    ...card.footnotes.map((f, i) => ({ type: 'TextBlock', text: `[${i + 1}] ${f}`, size: 'Small', isSubtle: true, wrap: true, spacing: 'None' })),
  ];
}
