// Splits command text into arguments the way a shell would, tolerant of chat clients' typography.

// Whitespace that separates words: every \s but the no-break spaces (U+00A0, U+202F, U+2007), which bind the words on
// either side as typed (French "dossier ouvert\u00a0:", "262\u00a0831"); splitting there stored them as plain spaces.
const BREAKS_WORDS = /[^\S\u00a0\u202f\u2007]/;

const OPEN_QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '”': '”', '‘': '’', '’': '’', '«': '»' };

/**
 * Split text into tokens; quotes group words, smart quotes and «» count as quotes, an em dash before a word counts as `--`.
 * A quote mark opens a quoted group only where a word starts (or right after `=`, as in `--reason="…"`): inside a word
 * it is an apostrophe and is kept (`Vendor's`, `l’ARS`), and so is a closing `'` or `’` followed by a letter inside a
 * quoted group (`'it's done'`). A quote that is never closed is kept as typed, not dropped.
 */
export function tokenize(text: string): string[] {
  return tokenizeWithQuotes(text).tokens;
}

// Double quote marks are never apostrophes: one left open is a mistake, not a word.
const DOUBLE_QUOTES = new Set(['"', '“', '”', '«']);

/**
 * The option word (`--until`) that follows a double quote left open, or undefined: in
 * `--for 1d --reason "vendor call --until 2025-04-01` the person meant the rest as the reason, but the open quote is
 * kept as typed and `--until` would be read as an option. The caller refuses such text rather than guess.
 */
export function optionAfterOpenQuote(text: string): string | undefined {
  const { chars, open } = tokenizeWithQuotes(text);
  for (const at of open) {
    if (!DOUBLE_QUOTES.has(chars[at]!)) continue;
    const option = chars.slice(at + 1).join('').split(/\s+/).find((w) => /^(?:--|[—–])[a-z]/.test(w));
    if (option) return option.replace(/^[—–]/, '--').replace(/=.*$/, '');
  }
  return undefined;
}

function tokenizeWithQuotes(text: string): { tokens: string[]; chars: string[]; open: number[] } {
  const chars = [...text.trim()];
  const literal = new Set<number>();
  for (;;) {
    const result = split(chars, literal);
    // A quoted word is text as typed ("—until the vendor calls back" as a reason): only a bare one becomes an option.
    if (result.unclosedAt === undefined) return { tokens: result.tokens.map((t, i) => (result.quoted.has(i) ? t : t.replace(/^[—–](?=[a-z])/, '--'))), chars, open: [...literal] };
    // Mac and mobile keyboards turn "--" into an em or en dash (above); an unclosed quote is an apostrophe after all.
    literal.add(result.unclosedAt);
  }
}

function split(chars: readonly string[], literal: ReadonlySet<number>): { tokens: string[]; quoted: Set<number>; unclosedAt?: number } {
  const tokens: string[] = [];
  // Tokens that begin with a quoted group.
  const quoted = new Set<number>();
  let current = '';
  let inToken = false;
  let closing: string | undefined;
  let openedAt = -1;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (closing !== undefined) {
      // A closing mark that is also an apostrophe, followed by a letter or digit, is an apostrophe: 'it's done'.
      const apostrophe = (closing === "'" || closing === '’') && /[\p{L}\p{N}]/u.test(chars[i + 1] ?? '');
      if ((ch === closing || (closing === '”' && ch === '"')) && !apostrophe) closing = undefined;
      else current += ch;
      continue;
    }
    const close = OPEN_QUOTES[ch];
    if (close !== undefined && !literal.has(i) && (!inToken || current.endsWith('='))) {
      if (!inToken) quoted.add(tokens.length);
      closing = close;
      openedAt = i;
      inToken = true;
      continue;
    }
    if (BREAKS_WORDS.test(ch)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
      continue;
    }
    current += ch;
    inToken = true;
  }
  if (closing !== undefined) return { tokens, quoted, unclosedAt: openedAt };
  if (inToken) tokens.push(current);
  return { tokens, quoted };
}
