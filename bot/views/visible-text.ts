// Invisible and control characters made visible: what every reader of user text sees (chat answers, exports).

// C0 controls except tab and line feed, DEL and C1 (0x9B is a one-byte CSI), soft hyphen, Arabic letter mark, Mongolian
// vowel separator, zero-width and directional marks, bidi embeddings/overrides/isolates, invisible operators, BOM,
// interlinear annotations, and the Unicode tag block (invisible "ASCII smuggling" characters). A lone CR returns the
// cursor and can hide a line behind another in a terminal.
export const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]|\r(?!\n)/gu;
export const ANY_INVISIBLE = new RegExp(INVISIBLE.source, 'u');
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
