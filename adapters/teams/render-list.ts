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
    const heading: CardElement = { type: 'TextBlock', text: group.heading, weight: 'Bolder', wrap: true };
    // A folded group (done, not applicable) is its heading; one click unfolds its lines in place.
    const target = group.collapsed ? [] as CardElement[] : out;
    if (group.collapsed) {
      const foldId = `breachdeskGroup${++ids.next}`;
      out.push(
        { type: 'Container', separator: true, spacing: 'Medium', selectAction: { type: 'Action.ToggleVisibility', title: group.heading, targetElements: [foldId] }, items: [{ ...heading, text: `${group.heading} ▸`, isSubtle: true }] },
        { type: 'Container', id: foldId, isVisible: false, items: target },
      );
    } else {
      out.push({ ...heading, separator: true, spacing: 'Medium' });
    }
    for (const item of group.items.slice(0, left)) {
      left -= 1;
      const detailsId = `breachdeskDetails${++ids.next}`;
      const line: CardElement = { type: 'TextBlock', text: item.text, wrap: true, ...TONE[item.tone ?? 'default'] };
      if (!inline && item.detailsCommand) {
        // Too many notices to carry every detail: selecting a line answers with that notice's own card.
        // No title and default spacing: a 30-notice card must stay under Teams' size limit.
        target.push({ type: 'Container', selectAction: { type: 'Action.Submit', data: { breachdesk: item.detailsCommand } }, items: [line] });
        if (item.buttons?.length) target.push({ type: 'ActionSet', spacing: 'Small', actions: item.buttons.map(button) });
        continue;
      }
      if (!item.details) {
        target.push(line);
        if (item.buttons?.length) target.push({ type: 'ActionSet', spacing: 'Small', actions: item.buttons.map(button) });
        continue;
      }
      const details: CardElement[] = item.details.text
        .split('\n')
        .map((text, i) => ({ type: 'TextBlock', text, wrap: true, size: 'Small', spacing: i === 0 ? 'Small' : 'None' }));
      if (item.details.buttons?.length) details.push({ type: 'ActionSet', actions: item.details.buttons.map(button) });
      target.push(
        { type: 'Container', selectAction: { type: 'Action.ToggleVisibility', title: item.label ?? item.text, targetElements: [detailsId] }, items: [line], spacing: 'Small' },
        { type: 'Container', id: detailsId, isVisible: false, style: 'emphasis', items: details, spacing: 'None' },
        ...(item.buttons?.length ? [{ type: 'ActionSet', spacing: 'Small', actions: item.buttons.map(button) }] : []),
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

/** Footnotes, numbered, small, once at the end, folded under their heading (one click shows them). */
export function footnoteElements(card: ReplyCard, ids: { next: number }): CardElement[] {
  if (!card.footnotes?.length) return [];
  const notes = card.footnotes.map((f, i) => ({ type: 'TextBlock', text: `[${i + 1}] ${f}`, size: 'Small', isSubtle: true, wrap: true, spacing: 'None' }));
  const foldId = `breachdeskNotes${++ids.next}`;
  const heading = `${card.footnotesHeading ?? 'Notes'} (${card.footnotes.length}) ▸`;
  return [
    { type: 'Container', separator: true, selectAction: { type: 'Action.ToggleVisibility', title: heading, targetElements: [foldId] }, items: [{ type: 'TextBlock', text: heading, weight: 'Bolder', size: 'Small', wrap: true }] },
    { type: 'Container', id: foldId, isVisible: false, items: notes },
  ];
}
