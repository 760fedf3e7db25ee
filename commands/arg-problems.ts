// Argument problems in plain words: a zod issue becomes a sentence naming the argument, what was typed and the limit.
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

// zod's own wording starts like this; a message a command wrote itself is kept as it is.
const LIBRARY_WORDING = /^(Invalid|Too (big|small)|Expected|Unrecognized)/;

const n = (x: number | bigint) => Number(x).toLocaleString('en-US');

/** `--status` for an option, `title` for a positional, as the user typed it. */
function argName(issue: Issue, options: ReadonlySet<string>): string {
  const name = issue.path.map(String).join('.');
  return options.has(name) ? `--${name}` : name || 'the arguments';
}

/** One plain sentence for a failed argument; `input` is what was typed, `options` the command's option names. */
export function describeIssue(issue: Issue, input: Record<string, unknown>, options: ReadonlySet<string>): string {
  const name = argName(issue, options);
  const raw = input[String(issue.path[0])];
  const typed = typeof raw === 'string' ? `"${raw}"` : String(raw);
  if (issue.code === 'invalid_type' && raw === undefined) return issue.message.startsWith('Missing') ? issue.message : `Missing ${name}.`;
  // A schema's "Missing …" message covers all its issues in zod; for a value that was typed it would be wrong.
  const ownWords = !LIBRARY_WORDING.test(issue.message) && !issue.message.startsWith('Missing');
  if (ownWords) return raw === undefined ? `${name}: ${issue.message}` : `${name} ${typed}: ${issue.message}`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int' || issue.expected === 'number') return `${name} ${typed} is not a whole number.`;
      return `${name} ${typed} is not valid here.`;
    case 'invalid_value':
      return `${name} ${typed} is not one of: ${issue.values.map(String).join(', ')}.`;
    case 'too_big':
      if (issue.origin === 'string') return `${name} is ${n(String(raw ?? '').trim().length)} characters; the limit is ${n(issue.maximum)}.`;
      return `${name} ${typed} is above the limit of ${n(issue.maximum)}.`;
    case 'too_small':
      if (issue.origin === 'string') return `${name} is empty.`;
      return Number(issue.minimum) === 0 ? `${name} ${typed} cannot be negative.` : `${name} ${typed} is below the minimum of ${n(issue.minimum)}.`;
    default:
      return `${name} ${typed} is not valid here.`;
  }
}
