// Who someone is, as one string: `<platform>:<id>` (`slack:U123`, `teams:<AAD object id>`, `terminal:dana`, `cli:dana`).
import type { Actor } from '../model/incident-schema.ts';

/** The stable key of an actor: its platform and platform id. */
export function actorKey(actor: Pick<Actor, 'platform' | 'id'>): string {
  return `${actor.platform}:${actor.id}`;
}

const LOCAL = new Set(['terminal', 'cli']);

/** True for keys of people at a shell on the store's machine (terminal chat and one-shot CLI). */
export function isLocalKey(key: string): boolean {
  return LOCAL.has(key.slice(0, key.indexOf(':')));
}

/** Two keys name the same person; `terminal:dana` and `cli:dana` are the same local user. */
export function keysMatch(a: string, b: string): boolean {
  if (a === b) return true;
  // Entra object ids are GUIDs: the same id may arrive in either case.
  if (a.startsWith('teams:') && b.startsWith('teams:')) return a.toLowerCase() === b.toLowerCase();
  return isLocalKey(a) && isLocalKey(b) && a.slice(a.indexOf(':') + 1) === b.slice(b.indexOf(':') + 1);
}

/** Longer than any Slack mention with a display name or a key with an Entra object id. */
const MAX_REFERENCE = 200;

const SLACK_MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/;
const KEY = /(?:^|[\s(])((?:slack|teams|terminal|cli):[^\s()<>,]+)/;
const SLACK_ID = /^[UW][A-Z0-9]{6,}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The key a typed user reference names: a Slack mention `<@U123>`, an explicit key (`teams:<id>`), a bare Slack user id
 * or Entra object id; on the terminal/CLI a bare name is that local user. Undefined when it names nobody we can check
 * (a display name like `@Dana` or `Dana (CISO)`).
 */
export function parseUserReference(text: string, platform?: Actor['platform']): string | undefined {
  const word = text.trim();
  // No platform's user id is this long: a longer "key" names nobody and would only grow the record.
  if (word.length > MAX_REFERENCE) return undefined;
  const mention = SLACK_MENTION.exec(word);
  if (mention) return `slack:${mention[1]}`;
  const key = KEY.exec(word);
  if (key) return wellFormedKey(key[1]!);
  if (SLACK_ID.test(word)) return `slack:${word}`;
  if (GUID.test(word)) return `teams:${word.toLowerCase()}`;
  const bare = word.replace(/^@/, '');
  if (platform && LOCAL.has(platform) && /^[\w.-]+$/.test(bare)) return `${platform}:${bare}`;
  return undefined;
}

// What each platform's ids look like: a typed key with anything else in it names nobody (and is not kept as a member).
const KEY_ID: Record<string, RegExp> = {
  slack: /^[UW][A-Z0-9]{1,20}$/,
  teams: GUID,
  terminal: /^[\w.-]{1,64}$/,
  cli: /^[\w.-]{1,64}$/,
};

/** True when the key's id has its platform's form (a key built from free text, such as a CLI `--as`, may not). */
export function isWellFormedKey(key: string): boolean {
  return wellFormedKey(key) !== undefined;
}

/** The key as typed when its id has its platform's form, else undefined. */
function wellFormedKey(key: string): string | undefined {
  const at = key.indexOf(':');
  return KEY_ID[key.slice(0, at)]?.test(key.slice(at + 1)) ? key : undefined;
}
