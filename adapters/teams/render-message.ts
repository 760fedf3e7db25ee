// Pure renderer from the neutral Reply to the fields of a Teams message activity (card or formatted text).
import type { Reply } from '../../bot/reply.ts';
import { ADAPTIVE_CARD_CONTENT_TYPE, MAX_CARD_CHARS, replyToCard } from './render-card.ts';
import { teamsText } from './teams-text.ts';

/** The platform fields of one outgoing Teams message (the SDK adds addressing). */
export interface TeamsMessage {
  type: 'message';
  text?: string;
  textFormat?: 'xml';
  /** Shown in notifications and the chat list for card messages. */
  summary?: string;
  attachments?: { contentType: string; content: unknown }[];
}

/** A card message when the reply has a card, else its text as simple HTML that keeps line breaks and `code`. */
export function replyToTeamsMessage(reply: Reply): TeamsMessage {
  const card = replyToCard(reply);
  if (card) {
    return { type: 'message', summary: teamsText(reply.card!.title), attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] };
  }
  return { type: 'message', text: fitText(reply.text), textFormat: 'xml' };
}

// Same size budget as cards: cut long answers (export) visibly instead of having Teams refuse the message.
function fitText(text: string): string {
  let xml = textToTeamsXml(text);
  for (let keep = text.length; xml.length > MAX_CARD_CHARS; ) {
    keep = Math.floor(keep * 0.8);
    xml = textToTeamsXml(`${text.slice(0, keep)}\n… (cut: Teams messages are limited to about 40 KB; the terminal shows the full text)`);
  }
  return xml;
}

/** Escape text for a Teams `xml` message: line breaks and leading spaces survive, backtick spans become code; no user link or mention. */
export function textToTeamsXml(text: string): string {
  return teamsText(text)
    .split('\n')
    .map((line) => {
      const escaped = line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const coded = escaped.replace(/`([^`]+)`/g, '<code>$1</code>');
      return coded.replace(/^ +/, (spaces) => '&nbsp;'.repeat(spaces.length));
    })
    .join('<br>');
}
