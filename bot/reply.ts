// The platform-neutral reply every command returns; each adapter has one pure renderer from it.
import { t, type Lang } from './i18n/index.ts';

/** A label/value pair shown side by side. */
export interface ReplyField {
  label: string;
  value: string;
}

/** A button carries a command: a click is just another request with this text. */
export interface ReplyButton {
  label: string;
  command: string;
  style?: 'primary' | 'danger';
  /** The platform must ask for a reason (snooze) and append it as `--reason "<text>"`. */
  needsReason?: boolean;
}

/** A block of content inside a card. */
export interface ReplySection {
  heading?: string;
  text?: string;
  fields?: ReplyField[];
  buttons?: ReplyButton[];
}

/** How loud a list line is; renderers map it to a colour (Teams) or leave it to the line's icon (Slack, text). */
export type ReplyTone = 'attention' | 'warning' | 'good' | 'accent' | 'default' | 'subtle';

/** One line of a compact list, with its details one click away. */
export interface ReplyListItem {
  text: string;
  tone?: ReplyTone;
  /** Short name for pickers (Slack's details menu), e.g. the recipient. */
  label?: string;
  /** Shown on demand: Teams expands it in the card; Slack runs `detailsCommand` and opens the answer in a modal. */
  details?: { text: string; buttons?: ReplyButton[] };
  detailsCommand?: string;
  /** Shown right under the line (the next few notices to send). */
  buttons?: ReplyButton[];
}

/** A heading and its lines (e.g. the notices due on one day). */
export interface ReplyListGroup {
  heading: string;
  items: ReplyListItem[];
  /** Folded by default (done, not applicable): one click opens it where the platform can (Teams), one summary line elsewhere. */
  collapsed?: boolean;
}

/** Structured content for platforms that render cards. */
export interface ReplyCard {
  title: string;
  subtitle?: string;
  fields?: ReplyField[];
  /** A compact grouped list shown before the sections; every item must stay reachable (page with `more`). */
  list?: ReplyListGroup[];
  /** Label of the details picker for `list` (Slack). */
  listDetailsLabel?: string;
  /** When a platform cannot show every list item: the button label (with `{{left}}`) and the command, to which ` --from <n>` is appended. */
  more?: { label: string; command: string; offset: number; total: number };
  sections?: ReplySection[];
  buttons?: ReplyButton[];
  /** Notes shared by several items, numbered, shown once at the end. */
  footnotes?: string[];
  footnotesHeading?: string;
  footer?: string;
}

/** A file that goes with a reply (an export): Slack uploads it, Teams offers it, the terminal and CLI write it. */
export interface ReplyFile {
  /** File name, e.g. `BR-1-record-2025-03-01.pdf`. */
  name: string;
  /** IANA media type, e.g. `application/pdf`. */
  mediaType: string;
  /** The whole file; never shortened. */
  content: Uint8Array;
  /** Title shown with the file in chat. */
  title: string;
  /** private: to the asker only (Slack DM with the bot, Teams 1:1 chat); channel: shared where the request came from. */
  share: 'private' | 'channel';
  /** Where the terminal or CLI writes it (`--out`); otherwise the current folder. */
  path?: string;
}

/** What a command answers. */
export interface Reply {
  /** 'ok'; 'refused' (the command ran but declined); 'usage' (bad arguments). */
  outcome: 'ok' | 'refused' | 'usage';
  /** Plain-text rendering, always present (terminal output and chat fallback). */
  text: string;
  card?: ReplyCard;
  /** private: only the asker sees it (Slack ephemeral); channel: posted on purpose. */
  visibility: 'private' | 'channel';
  /** Machine-readable result for `--json`. */
  data?: unknown;
  /** The text is the `--json` output (JSON of `data`): renderers show it as code without parsing it to find out. */
  json?: true;
  /** A file delivered with the reply. */
  file?: ReplyFile;
  /** The language the answer is written in, when the command chose one: surfaces write their own words in it. */
  lang?: Lang;
}

/** A successful private reply. */
export function ok(text: string, extra: Partial<Omit<Reply, 'outcome' | 'text'>> = {}): Reply {
  return { outcome: 'ok', text, visibility: 'private', ...extra };
}

/** A refusal: the request was understood but cannot be done. */
export function refused(text: string): Reply {
  return { outcome: 'refused', text, visibility: 'private' };
}

/** A usage error: wrong arguments, with the correct usage (labels in `lang`). */
export function usage(problem: string, usageLine: string, example?: string, lang: Lang = 'en'): Reply {
  const lines = [problem, t(lang, 'errors.usage', { usage: usageLine })];
  if (example) lines.push(t(lang, 'errors.example', { example }));
  return { outcome: 'usage', text: lines.join('\n'), visibility: 'private' };
}
