// The one-shot CLI as scripts use it: the real bin, real store files, exit codes 0/1/2.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');
const NOW = '2025-03-01T12:00:00Z';

function tempDir() {
  return mkdtempSync(join(tmpdir(), 'breachdesk-cli-'));
}

function run(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const home = tempDir();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: home,
    input: options.input ?? '',
    env: { PATH: process.env.PATH, HOME: home, USER: 'cli-user', ...options.env },
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const importFile = (dir: string, body: unknown) => {
  const file = join(dir, 'incident.json');
  writeFileSync(file, JSON.stringify(body));
  return file;
};

const facts = {
  title: 'Legacy EHR vendor breach',
  organization: { name: 'Example Hospital', role: 'covered_entity', country: 'US', timezone: 'America/Chicago' },
  discoveredAt: '2025-02-20T09:00:00-06:00',
  affected: { total: 262831, byJurisdiction: { 'US-IN': 262000, 'US-TX': 300 } },
  phiInvolved: true,
  dataEncrypted: false,
};

describe('one-shot CLI', () => {
  it('imports a file, prints only the new id, and shows it back', () => {
    const dir = tempDir();
    const data = join(dir, 'store.json');
    const imported = run(['--data', data, '--now', NOW, 'import', importFile(dir, facts)]);
    expect(imported).toMatchObject({ code: 0, stdout: 'BR-1\n' });
    const shown = run(['--data', data, '--now', NOW, 'show', 'BR-1']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Legacy EHR vendor breach');
    expect(shown.stdout).toContain('US-IN 262,000');
  });

  it('records --as and --now on the timeline', () => {
    const dir = tempDir();
    const data = join(dir, 'store.json');
    run(['--data', data, '--now', NOW, 'import', importFile(dir, facts)]);
    expect(run(['--data', data, '--now', '2025-03-02T10:00:00Z', '--as', 'dana', 'log', 'BR-1', 'Board', 'briefed']).code).toBe(0);
    const exported = JSON.parse(run(['--data', data, '--json', 'export', 'BR-1']).stdout);
    expect(exported.timeline.at(-1)).toMatchObject({ at: '2025-03-02T10:00:00.000Z', actor: { name: 'dana', platform: 'cli' }, text: 'Board briefed' });
  });

  it('exit 1 with the message on stderr when the command is refused', () => {
    const r = run(['--data', join(tempDir(), 'store.json'), 'show', 'BR-7']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain('No incident BR-7');
  });

  it('exit 2 with the usage on bad command usage and on bad CLI options', () => {
    const bad = run(['--data', join(tempDir(), 'store.json'), 'show']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Usage: show <id>');
    const badNow = run(['--now', 'yesterday', 'list']);
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toContain('--now needs an ISO-8601 instant');
  });

  it('--json prints machine-readable output', () => {
    const dir = tempDir();
    const data = join(dir, 'store.json');
    expect(JSON.parse(run(['--data', data, '--json', 'import', importFile(dir, facts)]).stdout)).toEqual({ id: 'BR-1' });
    expect(JSON.parse(run(['--data', data, 'list', '--json']).stdout)).toEqual([
      { id: 'BR-1', title: 'Legacy EHR vendor breach', status: 'triage', organization: 'Example Hospital', affected: 262831 },
    ]);
  });

  it('a corrupt store: one clear line naming the file, exit 1, file unchanged', () => {
    const data = join(tempDir(), 'store.json');
    writeFileSync(data, '{"format": "breachdesk-st');
    const r = run(['--data', data, 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(data);
    expect(r.stderr).toContain('is not valid JSON');
    expect(readFileSync(data, 'utf8')).toBe('{"format": "breachdesk-st');
  });

  it('a store path in a folder that does not exist (a typo): one line naming the folder, exit 1, nothing created', () => {
    const base = tempDir();
    const data = join(base, 'incidnets', 'store.json');
    for (const r of [run(['--data', data, 'list']), run(['list'], { env: { BREACHDESK_DATA: data } })]) {
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toEqual([
        `breachdesk: the store ${data} cannot be opened: its folder ${join(base, 'incidnets')} does not exist. Check the path, or create the folder first (mkdir -p ${join(base, 'incidnets')}).`,
      ]);
      expect(existsSync(join(base, 'incidnets'))).toBe(false);
    }
    // In a folder that exists, a new store is started as before.
    expect(run(['--data', join(base, 'store.json'), 'list']).code).toBe(0);
  });

  it('an import with problems names them and creates nothing', () => {
    const dir = tempDir();
    const data = join(dir, 'store.json');
    const r = run(['--data', data, 'import', importFile(dir, { ...facts, discoveredAt: undefined, severity: 'high' })]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown field: severity');
    expect(r.stderr).toContain('missing required field: discoveredAt');
    expect(run(['--data', data, '--json', 'list']).stdout.trim()).toBe('[]');
  });

  it('invalid settings stop it with one line per problem', () => {
    const r = run(['list'], { env: { BREACHDESK_TIMEZONE: 'Mars/Olympus', SLACK_BOT_TOKEN: 'xoxb-1' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/BREACHDESK_TIMEZONE is not an IANA time zone/);
  });

  it('with no command opens the terminal chat, which answers help, list and show', () => {
    const dir = tempDir();
    const data = join(dir, 'store.json');
    run(['--data', data, '--now', NOW, 'import', importFile(dir, facts)]);
    const r = run(['--data', data, '--now', NOW], { input: 'help\nlist\nshow BR-1\nexit\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('breachdesk commands');
    expect(r.stdout).toMatch(/BR-1 {2}\[triage\] {2}Legacy EHR vendor breach/);
    expect(r.stdout).toContain('Discovered: 2025-02-20 09:00 CST');
  });

  it('answers an over-long note with its length and the limit, as bad usage (exit 2), and records nothing', () => {
    const dir = tempDir();
    const data = join(dir, 'store.json');
    expect(run(['--data', data, '--now', NOW, 'import', importFile(dir, facts)]).code).toBe(0);
    const long = run(['--data', data, '--now', NOW, 'log', 'BR-1', 'x'.repeat(4001)]);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('The note is 4,001 characters; the limit is 4,000.');
    expect(run(['--data', data, '--now', NOW, '--json', 'show', 'BR-1']).stdout).not.toContain('xxxx');
  });

  it('exits quietly when its output pipe closes before it writes (piped into `head`)', async () => {
    const home = tempDir();
    const child = spawn(process.execPath, [BIN, '--data', join(home, 'store.json'), '--now', NOW, 'help'], {
      cwd: home, env: { PATH: process.env.PATH, HOME: home, USER: 'cli-user' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader goes away at once, as `head` does after its lines: every write of the CLI meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'close')) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('refuses to import a device such as /dev/zero in one sentence, without reading it', () => {
    const dir = tempDir();
    const r = run(['--data', join(dir, 'store.json'), 'import', '/dev/zero']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Cannot import /dev/zero: it is not a regular file');
    expect(r.stderr).not.toContain('Invalid string length');
  });
});
