// Reminders arriving while someone types: printed above the prompt, and the half-typed line is redrawn intact.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTerminalNotifier, createTerminalPrinter, runTerminalChat } from '../../adapters/terminal/terminal-chat.ts';
import { createTestBot } from '../helpers/test-bot.ts';

describe('terminal printer', () => {
  it('prints a reminder above the prompt and keeps what the user was typing', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
    let screen = '';
    output.on('data', (chunk: Buffer) => (screen += chunk.toString()));
    const { bot } = createTestBot();
    const printer = createTerminalPrinter(output);
    const chat = runTerminalChat({ bot, actor: { id: 'u', name: 'u' }, input, output, banner: 'welcome', printer });
    input.write('deadl');
    await new Promise((resolve) => setImmediate(resolve));
    await createTerminalNotifier(printer).post({ platform: 'terminal', id: 'terminal' }, { outcome: 'ok', visibility: 'channel', text: 'Deadline reminder · BR-1' });
    const after = screen.slice(screen.lastIndexOf('Deadline reminder'));
    // The message ends its own line; then the prompt is drawn again with the typed letters.
    expect(after).toMatch(/^Deadline reminder · BR-1\n/);
    expect(after).toContain('breachdesk> deadl');
    expect(screen.indexOf('welcome')).toBe(0);
    input.end();
    await chat;
  });
});
