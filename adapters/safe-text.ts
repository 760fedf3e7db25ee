// User text is shown, never obeyed: terminal escapes, bidi overrides, zero-width and other invisible characters become visible.
import type { Reply, ReplyButton, ReplyField, ReplySection } from '../bot/reply.ts';

// C0 controls except tab and line feed, DEL and C1 (0x9B is a one-byte CSI), soft hyphen, Arabic letter mark, Mongolian
// vowel separator, zero-width and directional marks, bidi embeddings/overrides/isolates, invisible operators, BOM,
// interlinear annotations, and the Unicode tag block (invisible "ASCII smuggling" characters). A lone CR returns the
// cursor and can hide a line behind another in a terminal.
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]|\r(?!\n)/gu;
const ANY_INVISIBLE = new RegExp(INVISIBLE.source, 'u');
const LINE_SEPARATORS = /\r\n|[\u2028\u2029\u0085]/g;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** The text with every invisible or control character shown as a visible marker (␛, ␀, [U+202E]); newlines and tabs kept. */
export function visibleText(text: string): string {
  if (!ANY_INVISIBLE.test(text) && !/[\r\u2028\u2029\u0085]/.test(text)) return text;
  return text.replace(LINE_SEPARATORS, '\n').replace(INVISIBLE, (char, offset: number, whole: string) => {
    if (char === '\u200D' && joinsEmoji(whole, offset)) return char;
    return marker(char);
  });
}

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
                      ...(i.details ? { details: { text: map(i.details.text), ...(i.details.buttons ? { buttons: i.details.buttons.map(button) } : {}) } } : {}),
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

// A zero-width joiner between two pictographs builds one emoji (👩‍⚕️); anywhere else it only hides things.
function joinsEmoji(text: string, offset: number): boolean {
  const before = [...text.slice(Math.max(0, offset - 3), offset).replace(/\uFE0F$/, '')].at(-1) ?? '';
  const after = [...text.slice(offset + 1, offset + 3)][0] ?? '';
  return PICTOGRAPH.test(before) && PICTOGRAPH.test(after);
}

function marker(char: string): string {
  const code = char.codePointAt(0)!;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code); // ␀ … ␟ (␛ for ESC, ␍ for CR)
  if (code === 0x7f) return '␡';
  return `[U+${code.toString(16).toUpperCase().padStart(4, '0')}]`;
}

function unitEscapes(char: string): string {
  let out = '';
  for (let i = 0; i < char.length; i++) out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}
