// Text helpers for Slack: escaping for mrkdwn (no user text is ever a live token), undoing Slack's escaping of typed text, and visible truncation.

const SPECIAL = /[&<>]/;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// The only live token breachdesk itself writes: one user's mention (an escalation), never a broadcast or a group.
const USER_MENTION = /^<@([UW][A-Z0-9]{2,})(?:\|[^<>]*)?>$/;

/**
 * Escape &, < and > for mrkdwn, so user text never becomes a mention (`<@U…>`), a broadcast (`<!here>`, `<!channel>`,
 * `<!everyone>`, `<!subteam^…>`), a channel link or a link whose label hides its target: they show as typed.
 * `mentions` lists the single-user mentions (`<@U123>`) the reply means to notify; they alone stay live.
 */
export function escapeMrkdwn(text: string, mentions: readonly string[] = []): string {
  // Most texts have nothing to escape: no copy (replies run to many kilobytes).
  if (!SPECIAL.test(text)) return text;
  let out = escapeAll(text);
  for (const mention of mentions) {
    const id = USER_MENTION.exec(mention)?.[1];
    if (id) out = out.split(escapeAll(mention)).join(`<@${id}>`);
  }
  return out;
}

function escapeAll(text: string): string {
  return text.replace(/[&<>]/g, (c) => ENTITY[c]!);
}

/** Slack sends &, < and > in typed text as entities; the store should hold what the user typed. */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** At most `max` UTF-16 units, ending with `suffix` when cut; never splits a surrogate pair or an &entity;. */
export function clip(text: string, max: number, suffix = '…'): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - suffix.length));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  return cut + suffix;
}

/** Split text into chunks of at most `max` units, preferring line breaks; long lines are cut hard. */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current) chunks.push(current);
    current = line;
    while (current.length > max) {
      let head = current.slice(0, max);
      if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
      head = head.replace(/&[a-z]{0,4}$/, '') || head;
      // A long line breaks after a word when one ends near the limit, not inside the word.
      const space = head.lastIndexOf(' ');
      if (space >= max * 0.8) head = head.slice(0, space + 1);
      chunks.push(head);
      current = current.slice(head.length);
    }
  }
  if (current || chunks.length === 0) chunks.push(current);
  return chunks;
}
