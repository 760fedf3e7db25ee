// A store named with `--data` is the user's own: the demo's organization and language never leak into it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');

function run(home: string, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: home,
    env: { PATH: process.env.PATH, HOME: home, USER: 'dpo' },
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('one-shot CLI on a store given with --data', () => {
  it('asks for the organization instead of filling in the demo one', () => {
    const home = mkdtempSync(join(tmpdir(), 'breachdesk-own-'));
    const data = join(home, 'store.json');
    // No BREACHDESK_ORG_NAME is set, so there is no organization to assume: the opener is asked for it.
    const opened = run(home, ['--data', data, '--now', '2025-02-21T10:00:00Z', 'new', 'Lost laptop']);
    expect(opened.code).toBe(2);
    expect(opened.stderr).toContain('--org');
    expect(run(home, ['--data', data, 'list']).stdout).not.toContain('Example Regional Medical Center');
  });

  it('answers list in French when every incident of the store is French', () => {
    const home = mkdtempSync(join(tmpdir(), 'breachdesk-own-'));
    const data = join(home, 'store.json');
    const opened = run(home, ['--data', data, '--now', '2025-02-21T10:00:00+01:00', 'new', 'Compte volé', '--discovered', '20/02/2025 09:00', '--org', 'CH Test', '--role', 'controller', '--country', 'FR', '--tz', 'Europe/Paris', '--affected', '758 912']);
    expect(opened.code).toBe(0);
    const listed = run(home, ['--data', data, '--now', '2025-02-21T10:00:00+01:00', 'list']);
    expect(listed.stdout).toMatch(/758\s912 personnes concernées/);
  });
});
