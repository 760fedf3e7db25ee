// The terminal front door: type a command, read the answer; reminders for linked incidents print as they come due.
import { clearLine, createInterface, cursorTo, type Interface } from 'node:readline';
import type { Bot } from '../../commands/bot.ts';
import type { Notifier, RequestActor } from '../../bot/ports.ts';
import type { Reply } from '../../bot/reply.ts';
import { saveReplyFile } from '../save-file.ts';
import { terminalText } from '../safe-text.ts';

/** The terminal's single channel id (what `link` records). */
export const TERMINAL_CHANNEL = { platform: 'terminal' as const, id: 'terminal', name: 'terminal' };

/** Options for the interactive chat. */
export interface TerminalChatOptions {
  bot: Bot;
  actor: RequestActor;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  banner?: string;
  /** Where reminders print; attached to this chat's line editor so they appear above the prompt. */
  printer?: TerminalPrinter;
}

/** Prints text that arrives on its own (reminders) without breaking the line the user is typing. */
export interface TerminalPrinter {
  print(text: string): void;
  /** The chat's readline, once it runs: the printer redraws its prompt and the half-typed line after each message. */
  attach(rl: Interface | undefined, interactive: boolean): void;
}

/** A printer over `output`: plain lines until a chat attaches, then above the prompt. */
export function createTerminalPrinter(output: NodeJS.WritableStream): TerminalPrinter {
  let line: { rl: Interface; interactive: boolean } | undefined;
  return {
    print(text) {
      if (!line?.interactive) {
        output.write(`\n${text}\n`);
        return;
      }
      // Wipe the prompt line, print the message, then redraw the prompt with what the user had typed, cursor kept.
      clearLine(output, 0);
      cursorTo(output, 0);
      output.write(`${text}\n`);
      line.rl.prompt(true);
    },
    attach(rl, interactive) {
      line = rl ? { rl, interactive } : undefined;
    },
  };
}

/** Read commands until EOF or `exit`; resolves when the user leaves. */
export async function runTerminalChat({ bot, actor, input, output, banner, printer }: TerminalChatOptions): Promise<void> {
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output, terminal: interactive, prompt: 'breachdesk> ' });
  printer?.attach(rl, interactive);
  rl.once('close', () => printer?.attach(undefined, false));
  const write = (text: string) => output.write(`${text}\n`);
  if (banner) write(banner);
  // Piped input (scripts, tests) gets answers only; a person at a terminal gets a prompt.
  const prompt = () => interactive && rl.prompt();
  prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (/^(exit|quit|:q)$/i.test(text)) break;
    if (text) write(renderForTerminal(await saveReplyFile(await bot.handle({ text, actor, platform: 'terminal', channel: TERMINAL_CHANNEL }))));
    prompt();
  }
  rl.close();
}

/** Plain text for a terminal, with the buttons' commands shown as hints; escape sequences and invisible characters shown, not obeyed. */
export function renderForTerminal(reply: Reply): string {
  const buttons = [...(reply.card?.buttons ?? [])].map((b) => b.command);
  // Replies that already spell out their actions (reminders) need no second list.
  const hint = buttons.length && !buttons.every((c) => reply.text.includes(c)) ? `\n  → ${buttons.slice(0, 4).join('  |  ')}` : '';
  return `${terminalText(reply.text)}${reply.outcome === 'ok' ? terminalText(hint) : ''}`;
}

/** Prints reminders and summaries for the terminal channel (through the chat's printer when there is one). */
export function createTerminalNotifier(output: NodeJS.WritableStream | TerminalPrinter): Notifier {
  let count = 0;
  const printer = 'print' in output ? output : createTerminalPrinter(output);
  return {
    platforms: ['terminal'],
    async post(_target, reply) {
      printer.print(`🔔 ${renderForTerminal(reply)}`);
      return { messageId: `terminal-${++count}` };
    },
  };
}
