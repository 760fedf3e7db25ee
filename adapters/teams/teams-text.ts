// User text for Teams: shown as typed, never a markdown link (whose label can hide its target) or a mention.
import { visibleText } from '../safe-text.ts';

// [label](target) and ![alt](target): Teams renders both in cards and messages. Nested brackets are rare; the inner
// pair is what markdown would link, so the repeat catches `[[a](b)](c)` too.
const MARKDOWN_LINK = /(!?)\[([^\][]*)\]\(\s*([^()\s]*(?:\([^()]*\)[^()\s]*)*)(?:\s+["'][^"']*["'])?\s*\)/g;
// <at>…</at> only notifies with a matching mention entity, which breachdesk never sends; shown as @name regardless.
const AT_MENTION = /<at\b[^>]*>([\s\S]*?)<\/at>/gi;

/** Visible control characters, links written out as `label (target)`, mentions as plain `@name`. */
export function teamsText(text: string): string {
  let out = visibleText(text);
  if (out.includes('](')) {
    for (let previous = ''; previous !== out; ) {
      previous = out;
      out = out.replace(MARKDOWN_LINK, (_m, bang: string, label: string, target: string) => `${bang}${label} (${target || 'no address'})`.replace(/\]\(/g, '] ('));
    }
    // Whatever still looks like `](` cannot be half of a link once it is split.
    out = out.replace(/\]\(/g, '] (');
  }
  if (/<at\b/i.test(out)) out = out.replace(AT_MENTION, (_m, name: string) => `@${name}`);
  return out;
}
