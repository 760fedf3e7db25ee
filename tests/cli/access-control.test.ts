// The one-shot CLI's access rules: every local user is an admin by default (a shell on the store's machine can read its
// files anyway); once BREACHDESK_ADMINS names local users, other local users are refused like anyone else (exit 1).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTEMPTS } from '../helpers/access-attempts.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');
const NOW = '2025-03-01T12:00:00Z';
const facts = {
  title: 'Legacy EHR vendor breach',
  organization: { name: 'Example Hospital', role: 'covered_entity', country: 'US', timezone: 'America/Chicago' },
  discoveredAt: '2025-02-20T09:00:00-06:00',
  affected: { total: 1200, byJurisdiction: { 'US-IN': 1200 } },
  phiInvolved: true,
};

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'breachdesk-cli-access-'));
  const data = join(dir, 'store.json');
  const run = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [BIN, '--data', data, '--now', NOW, ...args], {
      encoding: 'utf8', cwd: dir, env: { PATH: process.env.PATH, HOME: dir, USER: 'cli-user', ...env }, timeout: 20_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const file = join(dir, 'incident.json');
  writeFileSync(file, JSON.stringify(facts));
  return { run, file };
}

describe('CLI access control', () => {
  it('lets any local user work when BREACHDESK_ADMINS names no local user (the demo default)', () => {
    const { run, file } = setup();
    expect(run(['--as', 'dana', 'import', file], { BREACHDESK_ADMINS: 'slack:U0ADMIN001' })).toMatchObject({ code: 0, stdout: 'BR-1\n' });
    expect(run(['--as', 'someone-else', 'show', 'BR-1'], { BREACHDESK_ADMINS: 'slack:U0ADMIN001' }).code).toBe(0);
  });

  it('refuses a local user who is not named once local admins are named, and logs it; the opener and the admin succeed', () => {
    const { run, file } = setup();
    const env = { BREACHDESK_ADMINS: 'alice' };
    expect(run(['--as', 'dana', 'import', file], env).stdout).toBe('BR-1\n');
    // Each run is a fresh process (about 1 s): a read, an export and a change stand for the rest (tests/slack covers all).
    const chunk = ATTEMPTS.filter((a) => ['show', 'export', 'set'].includes(a.command));
    for (const { command, words } of chunk) {
      const r = run(['--as', 'intern', ...words], env);
      expect(r.code, command).toBe(1);
      expect(r.stderr, command).toMatch(/BR-1 is restricted to its response team; ask cli:dana, who opened it, or an admin to add you/);
    }
    // dana opened it: a member.
    expect(run(['--as', 'dana', 'log', 'BR-1', 'Board', 'briefed'], env).code).toBe(0);
    const log = run(['--as', 'alice', 'access', 'BR-1'], env);
    expect(log.code).toBe(0);
    expect(log.stdout.match(/refused/g)).toHaveLength(chunk.length);
    expect(log.stdout).toContain('intern (cli:intern)');
    expect(run(['--as', 'dana', 'access', 'BR-1'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('is for breachdesk admins') });
  }, 60_000);

  it('restricts who may open incidents with BREACHDESK_OPENERS', () => {
    const { run, file } = setup();
    const env = { BREACHDESK_ADMINS: 'alice', BREACHDESK_OPENERS: 'dana' };
    expect(run(['--as', 'intern', 'import', file], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('Opening incidents is limited to the people named in BREACHDESK_OPENERS') });
    expect(run(['--as', 'dana', 'import', file], env).code).toBe(0);
  });

  it('refuses patient identifiers in free text without echoing them, or stores a redacted copy in redact mode', () => {
    const { run, file } = setup();
    run(['import', file]);
    const refused = run(['log', 'BR-1', 'Row', '4', 'had', 'MRN:', '00482913']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/looks like it contains a medical record or patient number/);
    expect(refused.stderr).not.toContain('00482913');
    expect(run(['log', 'BR-1', 'Row', '4', 'had', 'MRN:', '00482913'], { BREACHDESK_PHI_GUARD: 'redact' }).code).toBe(0);
    const exported = JSON.parse(run(['--json', 'export', 'BR-1']).stdout);
    expect(exported.timeline.map((e: { text: string }) => e.text)).toContain('Row 4 had MRN: [redacted patient number]');
    expect(JSON.stringify(exported)).not.toContain('00482913');
  }, 30_000);

  it('refuses an import whose free text holds a patient identifier, creating nothing', () => {
    const { run } = setup();
    const dir = mkdtempSync(join(tmpdir(), 'breachdesk-cli-phi-'));
    const file = join(dir, 'phi.json');
    writeFileSync(file, JSON.stringify({ ...facts, lawEnforcementDelays: [{ form: 'oral', agency: 'FBI', official: 'SA Roe, cell 312-555-0148', statedAt: '2025-02-25T10:00:00-06:00' }] }));
    const r = run(['import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/lawEnforcementDelays\[0\]\.official looks like it contains an individual's phone number/);
    expect(run(['list', '--all']).stdout).toMatch(/No incidents/);
  });
});
