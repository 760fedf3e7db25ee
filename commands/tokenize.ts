// Splits command text into arguments the way a shell would, tolerant of chat clients' typography.

const OPEN_QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '”': '”', '‘': '’', '’': '’', '«': '»' };

/** Split text into tokens; quotes group words, smart quotes and «» count as quotes, an em dash before a word counts as `--`. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let closing: string | undefined;
  for (const ch of text.trim()) {
    if (closing !== undefined) {
      if (ch === closing || (closing === '”' && ch === '"')) closing = undefined;
      else current += ch;
      continue;
    }
    const close = OPEN_QUOTES[ch];
    if (close !== undefined) {
      closing = close;
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
  if (inToken) tokens.push(current);
  // Mac and mobile keyboards turn "--" into an em or en dash; Slack passes it through as typed.
  return tokens.map((t) => t.replace(/^[—–](?=[a-z])/, '--'));
}
