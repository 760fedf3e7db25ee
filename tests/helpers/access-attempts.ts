// Every incident command, with arguments that would succeed for a team member: the access tests run them through each
// front door as an outsider (all refused), a member and an admin.
import { allCommandSpecs } from '../../commands/index.ts';

/** An open obligation of the usHospitalFacts incident at 2025-03-01 (HIPAA individual notice: due 2025-04-21, 60 days after 2025-02-20). */
export const OPEN_OBLIGATION = 'US-HIPAA-164.404-INDIVIDUALS';

/** One attempt per restricted command, in an order a member can run them all successfully. */
export const ATTEMPTS: { command: string; words: string[] }[] = [
  { command: 'show', words: ['show', 'BR-1'] },
  { command: 'deadlines', words: ['deadlines', 'BR-1'] },
  { command: 'export', words: ['export', 'BR-1', '--format', 'md'] },
  { command: 'summary', words: ['summary', 'BR-1'] },
  { command: 'members', words: ['members', 'BR-1'] },
  { command: 'draft', words: ['draft', 'BR-1', OPEN_OBLIGATION] },
  { command: 'next', words: ['next', 'BR-1'] },
  { command: 'task', words: ['task', 'add', 'BR-1', 'Call', 'the', 'foundation'] },
  { command: 'clock', words: ['clock', 'add', 'BR-1', '--to', 'Cyber insurer', '--within', '48h', '--basis', 'Policy section 7.2'] },
  { command: 'set', words: ['set', 'BR-1', 'status', 'investigating'] },
  { command: 'log', words: ['log', 'BR-1', 'Board', 'briefed'] },
  { command: 'snooze', words: ['snooze', 'BR-1', OPEN_OBLIGATION, '--for', '1d', '--reason', 'letters at the mail house'] },
  { command: 'ack', words: ['ack', 'BR-1', OPEN_OBLIGATION] },
  { command: 'done', words: ['done', 'BR-1', OPEN_OBLIGATION] },
  { command: 'delay', words: ['delay', 'BR-1', '--oral', '--agency', 'FBI', '--official', 'SA Example'] },
  { command: 'assess', words: ['assess', 'BR-1', '--nature', 'names', '--person', 'unknown', '--acquired', 'yes', '--mitigation', 'none', '--conclusion', 'breach'] },
  { command: 'link', words: ['link', 'BR-1'] },
  { command: 'unlink', words: ['unlink', 'BR-1'] },
  { command: 'member', words: ['member', 'add', 'BR-1', 'slack:U0NEWBIE01'] },
  { command: 'access', words: ['access', 'BR-1'] },
  { command: 'verify', words: ['verify', 'BR-1'] },
];

/** As chat text (quoted where a word has spaces). */
export const asText = (words: string[]) => words.map((w) => (/\s/.test(w) ? `"${w}"` : w)).join(' ');

/** Commands that need more than `public`: the attempts must cover every one of them. */
export const restrictedCommands = () => allCommandSpecs().filter((s) => s.permission !== 'public' && s.permission !== 'open').map((s) => s.name);

/** Without the incident's access log (and the chain record, whose head covers it): what an outsider's attempt must leave exactly as it was. */
export function withoutAccessLog(json: string): unknown {
  return (JSON.parse(json) as Record<string, unknown>[]).map(({ accessLog: _log, chain: _chain, ...rest }) => rest);
}
