// Splits command text into arguments the way a shell would, tolerant of chat clients' typography.

const OPEN_QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '”': '”', '‘': '’', '’': '’', '«': '»' };

/**
 * Split text into tokens; quotes group words, smart quotes and «» count as quotes, an em dash before a word counts as `--`.
 * A quote mark opens a quoted group only where a word starts (or right after `=`, as in `--reason="…"`): inside a word
 * it is an apostrophe and is kept (`Vendor's`, `l’ARS`), and so is a closing `'` or `’` followed by a letter inside a
 * quoted group (`'it's done'`). A quote that is never closed is kept as typed, not dropped.
 */
export function tokenize(text: string): string[] {
  const chars = [...text.trim()];
  const literal = new Set<number>();
  for (;;) {
    const result = split(chars, literal);
    // A quoted word is text as typed ("—until the vendor calls back" as a reason): only a bare one becomes an option.
    if (result.unclosedAt === undefined) return result.tokens.map((t, i) => (result.quoted.has(i) ? t : t.replace(/^[—–](?=[a-z])/, '--')));
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
    if (/\s/.test(ch)) {
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
