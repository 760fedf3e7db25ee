// User text is shown, never obeyed: terminal escapes, bidi overrides, zero-width and other invisible characters become visible.
import { withLazyText } from '../bot/lazy-text.ts';
import type { Reply, ReplyButton, ReplyField, ReplyListItem, ReplySection } from '../bot/reply.ts';
import { ANY_INVISIBLE, INVISIBLE, visibleText } from '../bot/views/visible-text.ts';

// The markers themselves live in the core: exported records show them too.
export { visibleText };

/** JSON text (as JSON.stringify writes it) with the same characters written as \u escapes: the same value, safe on a screen. */
export function escapeInvisibleInJson(json: string): string {
  if (!ANY_INVISIBLE.test(json) && !/[\u2028\u2029\u0085]/.test(json)) return json;
  return json.replace(new RegExp(`${INVISIBLE.source}|[\\u2028\\u2029\\u0085]`, 'gu'), (char) =>
    [...char].map((c) => unitEscapes(c)).join(''),
  );
}

/** Text for a terminal or a pipe: JSON answers keep their value (escapes), everything else gets visible markers. */
export function terminalText(text: string): string {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      JSON.parse(text);
      return escapeInvisibleInJson(text);
    } catch {
      // Not JSON after all: shown as text.
    }
  }
  return visibleText(text);
}

/** A copy of the reply with `map` applied to every text a person reads (button commands are data and stay as they are). */
export function mapReplyText(reply: Reply, map: (text: string) => string): Reply {
  const field = (f: ReplyField): ReplyField => ({ label: map(f.label), value: map(f.value) });
  const button = (b: ReplyButton): ReplyButton => ({ ...b, label: map(b.label) });
  const section = (s: ReplySection): ReplySection => ({
    ...s,
    ...(s.heading !== undefined ? { heading: map(s.heading) } : {}),
    ...(s.text !== undefined ? { text: map(s.text) } : {}),
    ...(s.fields ? { fields: s.fields.map(field) } : {}),
    ...(s.buttons ? { buttons: s.buttons.map(button) } : {}),
  });
  // Details are made when first read (bot/lazy-text.ts), and mapped only then: Slack never reads them.
  const mappedDetails = (d: NonNullable<ReplyListItem['details']>) =>
    withLazyText({ text: '', ...(d.buttons ? { buttons: d.buttons.map(button) } : {}) }, 'text', () => map(d.text));
  const card = reply.card;
  return {
    ...reply,
    text: map(reply.text),
    ...(card
      ? {
          card: {
            ...card,
            title: map(card.title),
            ...(card.subtitle !== undefined ? { subtitle: map(card.subtitle) } : {}),
            ...(card.fields ? { fields: card.fields.map(field) } : {}),
            ...(card.sections ? { sections: card.sections.map(section) } : {}),
            ...(card.buttons ? { buttons: card.buttons.map(button) } : {}),
            ...(card.footer !== undefined ? { footer: map(card.footer) } : {}),
            ...(card.list
              ? {
                  list: card.list.map((g) => ({
                    ...g,
                    heading: map(g.heading),
                    items: g.items.map((i) => ({
                      ...i,
                      text: map(i.text),
                      ...(i.label !== undefined ? { label: map(i.label) } : {}),
                      ...(i.details ? { details: mappedDetails(i.details) } : {}),
                      ...(i.buttons ? { buttons: i.buttons.map(button) } : {}),
                    })),
                  })),
                }
              : {}),
            ...(card.footnotes ? { footnotes: card.footnotes.map(map) } : {}),
            ...(card.footnotesHeading !== undefined ? { footnotesHeading: map(card.footnotesHeading) } : {}),
          },
        }
      : {}),
  };
}

function unitEscapes(char: string): string {
  let out = '';
  for (let i = 0; i < char.length; i++) out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}
