// The terminal front door: type a command, read the answer; reminders for linked incidents print as they come due.
import { createInterface } from 'node:readline';
import type { Bot } from '../../commands/bot.ts';
import type { Notifier, RequestActor } from '../../bot/ports.ts';
import type { Reply } from '../../bot/reply.ts';
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
}

/** Read commands until EOF or `exit`; resolves when the user leaves. */
export async function runTerminalChat({ bot, actor, input, output, banner }: TerminalChatOptions): Promise<void> {
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output, terminal: interactive, prompt: 'breachdesk> ' });
  const write = (text: string) => output.write(`${text}\n`);
  if (banner) write(banner);
  // Piped input (scripts, tests) gets answers only; a person at a terminal gets a prompt.
  const prompt = () => interactive && rl.prompt();
  prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (/^(exit|quit|:q)$/i.test(text)) break;
    if (text) write(renderForTerminal(await bot.handle({ text, actor, platform: 'terminal', channel: TERMINAL_CHANNEL })));
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

/** Prints reminders and summaries for the terminal channel. */
export function createTerminalNotifier(output: NodeJS.WritableStream): Notifier {
  let count = 0;
  return {
    platforms: ['terminal'],
    async post(_target, reply) {
      output.write(`\n🔔 ${renderForTerminal(reply)}\nbreachdesk> `);
      return { messageId: `terminal-${++count}` };
    },
  };
}
