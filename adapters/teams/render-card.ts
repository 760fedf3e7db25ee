// Pure renderer from the neutral Reply to an Adaptive Card (schema 1.5, the newest Teams renders) plus its text fallback.
import type { Reply, ReplyButton, ReplyCard, ReplyField, ReplySection } from '../../bot/reply.ts';
import { t, type Lang } from '../../bot/i18n/index.ts';
import { footnoteElements, listElements, listSize, moreAction } from './render-list.ts';
import { mapReplyText } from '../safe-text.ts';
import { teamsText } from './teams-text.ts';

/** An Adaptive Card as JSON. */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: '1.5'; body: CardElement[]; actions?: CardElement[] } & Record<string, unknown>;
type CardElement = Record<string, unknown>;

/** Attachment content type Teams expects for Adaptive Cards. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Key of the command in every Action.Submit's data: the click comes back as `value.breachdesk`. */
export const SUBMIT_COMMAND_KEY = 'breachdesk';
/** Set in the data of buttons that need a reason; names the Input.Text holding it. */
export const SUBMIT_REASON_INPUT_KEY = 'breachdeskReasonInput';
/** Sections shown before the card says the rest was left out. */
export const MAX_SECTIONS = 25;
/** Teams refuses messages over 40 KB counted as UTF-16, i.e. about 20,000 characters; keep the card well below. */
export const MAX_CARD_CHARS = 18_000;

const MAX_FIELDS = 30;
const MAX_LINES = 40;
// Characters of one section's text; the card as a whole is held to MAX_CARD_CHARS by dropping whole sections.
const MAX_TEXT_CHARS = 8_000;
// About one line of a full-width card: a section with a longer line gets space between its lines.
const WRAPPING_LINE = 120;
const MAX_FALLBACK_CHARS = 2_000;

/** The card for a reply that has one (user text never becomes a link or mention); replies without a card are sent as text. */
export function replyToCard(original: Reply): AdaptiveCardJson | undefined {
  if (!original.card) return undefined;
  const reply = mapReplyText(original, teamsText);
  if (!reply.card) return undefined;
  const sections = reply.card.sections ?? [];
  // A list never loses an item silently: fewer items per card, the rest one "Show more" click away.
  // Details inline when everything fits with them; else each line opens its own card; else pages.
  const allSections = Math.min(sections.length, MAX_SECTIONS);
  const size = listSize(reply.card);
  if (size > 0) {
    const inline = buildCard(reply, reply.card, allSections, size, true);
    if (JSON.stringify(inline).length <= MAX_CARD_CHARS) return inline;
  }
  for (let items = size; items >= 1; items--) {
    const card = buildCard(reply, reply.card, allSections, items, false);
    if (JSON.stringify(card).length <= MAX_CARD_CHARS) return card;
  }
  // Shrink until the serialized card fits: dropping whole sections keeps what is shown intact.
  for (let shown = Math.min(sections.length, MAX_SECTIONS); ; shown--) {
    const card = buildCard(reply, reply.card, shown, Math.min(1, listSize(reply.card)));
    if (JSON.stringify(card).length <= MAX_CARD_CHARS || shown === 0) return fitFields(card);
  }
}

/** Plain text for clients that cannot render the card and for notifications. */
export function replyToFallbackText(reply: Reply): string {
  return truncate(teamsText(reply.text), MAX_FALLBACK_CHARS);
}

function buildCard(reply: Reply, card: ReplyCard, shownSections: number, shownItems = 0, inline = true): AdaptiveCardJson {
  const sections = card.sections ?? [];
  const ids: { next: number; lang: Lang } = { next: 0, lang: reply.lang ?? 'en' };
  const body: CardElement[] = [
    { type: 'TextBlock', text: card.title, size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
  ];
  if (card.subtitle) body.push({ type: 'TextBlock', text: card.subtitle, isSubtle: true, spacing: 'None', wrap: true });
  body.push(...factSet(card.fields));
  // The next actions come first, then the list: what to do now, then everything owed.
  for (const section of sections.slice(0, shownSections)) body.push(sectionContainer(section, ids));
  body.push(...listElements(card, shownItems, (b) => buttonAction(b, ids), ids, inline));
  const more = moreAction(card, shownItems);
  if (shownSections < sections.length) {
    const hidden = sections.length - shownSections;
    body.push({
      type: 'TextBlock', wrap: true, weight: 'Bolder', color: 'Warning', separator: true,
      text: t(reply.lang ?? 'en', 'surface.teamsHidden', { count: hidden }),
    });
  }
  body.push(...footnoteElements(card, ids));
  if (card.footer) body.push({ type: 'TextBlock', text: card.footer, isSubtle: true, size: 'Small', wrap: true, separator: true });
  const actions = [...(more ? [more] : []), ...(card.buttons ?? []).map((b) => buttonAction(b, ids))];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: replyToFallbackText(reply),
    msteams: { width: 'Full' },
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

function sectionContainer(section: ReplySection, ids: { next: number; lang: Lang }): CardElement {
  const items: CardElement[] = [];
  if (section.heading) items.push({ type: 'TextBlock', text: section.heading, weight: 'Bolder', wrap: true });
  items.push(...textLines(section.text, ids.lang));
  items.push(...factSet(section.fields));
  if (section.buttons?.length) items.push({ type: 'ActionSet', actions: section.buttons.map((b) => buttonAction(b, ids)) });
  if (items.length === 0) items.push({ type: 'TextBlock', text: ' ', wrap: true });
  return { type: 'Container', separator: true, spacing: 'Medium', items };
}

// One TextBlock per line: renderers disagree on single newlines inside a TextBlock.
// A text too long is cut between lines (a line alone too long, after a word), and the card says how many lines it left out.
function textLines(text: string | undefined, lang: Lang): CardElement[] {
  if (!text?.trim()) return [];
  const lines = text.split('\n');
  const shown: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (shown.length === MAX_LINES || (shown.length > 0 && used + line.length > MAX_TEXT_CHARS)) break;
    shown.push(line.length > MAX_TEXT_CHARS ? truncateAtWord(line, MAX_TEXT_CHARS) : line);
    used += line.length + 1;
  }
  if (lines.length > shown.length) shown.push(t(lang, 'surface.moreLines', { count: lines.length - shown.length }));
  // Lines that wrap (a question with its basis) would run together into one wall of text: a little space marks where each starts.
  const wraps = shown.some((line) => line.length > WRAPPING_LINE);
  return shown.map((line, i) => ({ type: 'TextBlock', text: line.trim() ? line : ' ', wrap: true, spacing: i === 0 || wraps ? 'Small' : 'None' }));
}

function factSet(fields: ReplyField[] | undefined): CardElement[] {
  if (!fields?.length) return [];
  const facts = fields.slice(0, MAX_FIELDS).map((f) => ({ title: truncate(f.label, 100), value: truncate(f.value || '—', 1_000) }));
  const out: CardElement[] = [{ type: 'FactSet', facts }];
  if (fields.length > MAX_FIELDS) out.push({ type: 'TextBlock', text: `…${fields.length - MAX_FIELDS} more fields not shown`, isSubtle: true, wrap: true });
  return out;
}

function buttonAction(button: ReplyButton, ids: { next: number; lang: Lang }): CardElement {
  const style = button.style === 'primary' ? { style: 'positive' } : button.style === 'danger' ? { style: 'destructive' } : {};
  if (!button.needsReason) {
    return { type: 'Action.Submit', title: button.label, data: { [SUBMIT_COMMAND_KEY]: button.command }, ...style };
  }
  // Input ids must be unique across the whole card, and Teams submits every input of the card: name ours in the data.
  const inputId = `breachdeskReason${++ids.next}`;
  return {
    type: 'Action.ShowCard',
    title: button.label,
    card: {
      type: 'AdaptiveCard',
      body: [{
        type: 'Input.Text', id: inputId, label: t(ids.lang, 'form.cardReason'), placeholder: t(ids.lang, 'form.cardReasonPlaceholder'),
        isRequired: true, errorMessage: t(ids.lang, 'form.cardReasonMissing'), maxLength: 500,
      }],
      actions: [{
        type: 'Action.Submit', title: button.label, ...style,
        data: { [SUBMIT_COMMAND_KEY]: button.command, [SUBMIT_REASON_INPUT_KEY]: inputId },
      }],
    },
  };
}

// Last resort for a card whose fields alone are too big: shorten every fact value.
function fitFields(card: AdaptiveCardJson): AdaptiveCardJson {
  let json = JSON.stringify(card);
  for (let limit = 400; json.length > MAX_CARD_CHARS && limit >= 25; limit = Math.floor(limit / 2)) {
    card = JSON.parse(json, (key, value) => (key === 'value' && typeof value === 'string' ? truncate(value, limit) : value)) as AdaptiveCardJson;
    json = JSON.stringify(card);
  }
  return card;
}

function truncateAtWord(text: string, max: number): string {
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space >= max * 0.8 ? cut.slice(0, space) : cut}…`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
