// French typography as a reader checks it: a no-break space before the high punctuation (U+00A0 before ":", the narrow
// U+202F before ";", "?" and "!") and inside « guillemets », so no chat client wraps a colon onto a line of its own.

/** The no-break space French wants before each high punctuation mark. */
export const SPACE_BEFORE: Record<string, string> = { ':': '\u00a0', ';': '\u202f', '?': '\u202f', '!': '\u202f' };

// What is not French prose and keeps its own punctuation; each is blanked (same length, a run of letters) before checking.
const NOT_PROSE: RegExp[] = [
  /```[\s\S]*?```/g, // code blocks
  /`[^`\n]*`/g, // code spans: commands, flags, ids
  /<(?:https?:|mailto:)[^|>\s]*/g, // the address of a Slack link <https://…|label> (the label stays prose)
  /\b(?:https?|mailto):[^\s<>|)\]]*/g, // bare addresses
  /<[!@#][^>]*>/g, // Slack mentions and specials: <!here>, <@U123>
  /\{\{[^}]*\}\}|\{[\w.]+\}/g, // placeholders: {{count}}, {jurisdiction}
  /\d:\d/g, // times, ISO instants and offsets: 09:00, 2025-02-20T09:00-06:00
  /::/g, // scope operators, IPv6
  /(?<![\w\u00a0\u202f]):[a-z0-9_+-]+:(?!\w)/g, // Slack emoji shortcodes: :warning:
  /"[\w-]+":/g, // a JSON member quoted in a sentence: "format": "…"
  /&(?:[a-z]+|#\d+);/g, // entities in Slack text: &lt;id&gt;
];

/** Each place in `text` where French typography is wrong, as "…context…" with the fault named; none when it is right; `asWritten` passages are skipped. */
export function frenchTypographyProblems(text: string, asWritten: readonly string[] = []): string[] {
  let prose = text;
  // Passages quoted as written, e.g. legal citations ("CSP art. L.1111-8-2; D.1111-16-2"), which rules keep verbatim.
  for (const quoted of asWritten) if (quoted) prose = prose.split(quoted).join(quoted.replace(/[^\n]/g, 'x'));
  for (const pattern of NOT_PROSE) prose = prose.replace(pattern, (m) => m.replace(/[^\n]/g, 'x'));
  const problems: string[] = [];
  const around = (i: number) => JSON.stringify(text.slice(Math.max(0, i - 25), i + 5));
  for (let i = 0; i < prose.length; i++) {
    const c = prose[i]!;
    const before = prose[i - 1];
    const want = SPACE_BEFORE[c];
    if (want !== undefined) {
      // "?!", "…?", a mark that opens a fragment glued after a placeholder's value, and a mark inside a word
      // (teams:<id>, a platform-qualified id) are not checked here.
      if (before === undefined || /[?!…]/.test(before)) continue;
      if (/[\p{L}\p{N}]/u.test(before) && /[^\s)\].,]/.test(prose[i + 1] ?? ' ')) continue;
      if (before === want) {
        if (/\s/.test(prose[i - 2] ?? '')) problems.push(`space before the no-break space before "${c}" in ${around(i)}`);
        continue;
      }
      const got = before === ' ' ? 'a plain space' : before === '\u00a0' ? 'U+00A0' : before === '\u202f' ? 'U+202F' : before === '\n' ? 'a line break' : `"${before}"`;
      problems.push(`${got} before "${c}" (wants ${want === '\u00a0' ? 'U+00A0' : 'U+202F'}) in ${around(i)}`);
    } else if (c === '«' && prose[i + 1] !== '\u00a0') {
      problems.push(`no U+00A0 after "«" in ${around(i)}`);
    } else if (c === '»' && before !== '\u00a0') {
      problems.push(`no U+00A0 before "»" in ${around(i)}`);
    }
  }
  return problems;
}

/** Every string in a nested object or array, with its path (`deadlines.title`, `steps.2.detail.fr`). */
export function stringsIn(node: unknown, path = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[path, node]];
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => stringsIn(v, path ? `${path}.${k}` : k));
}
