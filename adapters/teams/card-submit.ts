// Turns an Action.Submit payload back into command text. A forged payload is no stronger than typing the command.
import { SUBMIT_COMMAND_KEY, SUBMIT_REASON_INPUT_KEY } from './render-card.ts';

const MAX_COMMAND_CHARS = 2_000;

/** The command a card click asks for (with ` --reason "…"` when the button needed one), or undefined if not ours. */
export function commandFromSubmit(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const data = value as Record<string, unknown>;
  const command = data[SUBMIT_COMMAND_KEY];
  if (typeof command !== 'string' || !command.trim() || command.length > MAX_COMMAND_CHARS) return undefined;
  const inputId = data[SUBMIT_REASON_INPUT_KEY];
  if (typeof inputId !== 'string') return command.trim();
  const reason = data[inputId];
  // No reason typed: send the command without one so the command itself explains what is missing.
  if (typeof reason !== 'string' || !reason.trim()) return command.trim();
  // Joined to its option (`--reason="…"`, one word for the tokenizer): a reason that starts with "-" or is `--json`
  // stays the reason, never an option of its own.
  return `${command.trim()} --reason=${quoteArgument(reason.replace(/\s+/g, ' ').trim().slice(0, 500))}`;
}

/** Quote text as one argument for commands/tokenize.ts, which has no escapes: pick a quote pair the text lacks. */
export function quoteArgument(text: string): string {
  for (const [open, close] of [['"', '"'], ["'", "'"], ['«', '»'], ['‘', '’']] as const) {
    if (!text.includes(close)) return `${open}${text}${close}`;
  }
  return `«${text.replace(/»/g, '>')}»`;
}
