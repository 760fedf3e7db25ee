// The terminal front doors never pass escape sequences or bidi overrides from stored text to the screen.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTerminalNotifier, runTerminalChat } from '../../adapters/terminal/terminal-chat.ts';
import { RAW_CONTROL } from '../fixtures/frontdoor/hostile-text.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');
const NOW = '2025-03-01T12:00:00Z';
const TITLE = 'EHR \u001b[2J\u001b]0;owned\u0007 invoice\u202Efdp.exe z\u200Bw';

function cli(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--data', join(dir, 'store.json'), '--now', NOW, ...args], {
    encoding: 'utf8', cwd: dir, env: { PATH: process.env.PATH, HOME: dir, USER: 'cli-user' }, timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI and terminal safe output', () => {
  it('shows escape sequences and bidi overrides as markers in text, and as \\u escapes (same value) in JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachdesk-cli-safe-'));
    const file = join(dir, 'incident.json');
    writeFileSync(file, JSON.stringify({ ...usHospitalFacts(), title: TITLE }));
    expect(cli(dir, ['import', file]).stdout.trim()).toBe('BR-1');
    const shown = cli(dir, ['show', 'BR-1']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('EHR ␛[2J␛]0;owned␇ invoice[U+202E]fdp.exe z[U+200B]w');
    expect(shown.stdout).not.toMatch(RAW_CONTROL);
    const exported = cli(dir, ['export', 'BR-1', '--format', 'json']);
    expect(exported.stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(exported.stdout).title).toBe(TITLE);
  });

  it('does the same in the interactive terminal chat', async () => {
    const t = createTestBot(NOW, [makeIncident('BR-1', usHospitalFacts({ title: TITLE }))]);
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
    const done = runTerminalChat({ bot: t.bot, actor: { id: 'ana', name: 'ana' }, input, output });
    input.end('show BR-1\n');
    await done;
    expect(written).toContain('invoice[U+202E]fdp.exe');
    expect(written).not.toMatch(RAW_CONTROL);
  });

  it('does the same for reminders printed in the terminal', async () => {
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
    await createTerminalNotifier(output).post({ platform: 'terminal', id: 'terminal' }, { outcome: 'ok', visibility: 'channel', text: `Deadline reminder · BR-1: ${TITLE}` });
    expect(written).toContain('EHR ␛[2J␛]0;owned␇ invoice[U+202E]fdp.exe');
    expect(written).not.toMatch(RAW_CONTROL);
  });
});
