// Exports from the one-shot CLI: a PDF is written to a file the answer names; JSON goes to stdout for scripts (or to
// --out); a bad signing key stops it with one line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');
const NOW = '2025-03-01T12:00:00Z';
const facts = {
  title: 'Legacy EHR vendor breach',
  organization: { name: 'Example Hospital', role: 'covered_entity', country: 'US', timezone: 'America/Chicago' },
  discoveredAt: '2025-02-20T09:00:00-06:00',
  affected: { total: 1200, byJurisdiction: { 'US-IN': 1200 } },
  phiInvolved: true,
};

function run(cwd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, '--data', join(cwd, 'store.json'), '--now', NOW, ...args], {
    encoding: 'utf8', cwd, env: { PATH: process.env.PATH, HOME: cwd, USER: 'cli-user', ...env }, timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function storeWithIncident(): string {
  const dir = mkdtempSync(join(tmpdir(), 'breachdesk-cli-export-'));
  writeFileSync(join(dir, 'incident.json'), JSON.stringify(facts));
  expect(run(dir, ['import', join(dir, 'incident.json')]).stdout).toBe('BR-1\n');
  return dir;
}

describe('CLI export', () => {
  it('writes the PDF in the current folder and names the path; --out chooses it; JSON goes to stdout', () => {
    const dir = storeWithIncident();
    const pdf = run(dir, ['export', 'BR-1', '--format', 'pdf']);
    expect(pdf.code).toBe(0);
    const path = join(dir, 'BR-1-record-2025-03-01.pdf');
    expect(pdf.stdout).toContain(`Written to ${path}`);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    // A second export the same day does not overwrite the first silently.
    const again = run(dir, ['export', 'BR-1', '--format', 'pdf']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists (give --out <path>)');
    const out = run(dir, ['export', 'BR-1', '--format', 'md', '--out', 'record.md']);
    expect(out.stdout).toContain(`Written to ${join(dir, 'record.md')}`);
    expect(readFileSync(join(dir, 'record.md'), 'utf8')).toMatch(/^# BR-1: Legacy EHR vendor breach/);
    // --out onto an existing file (an earlier export, or any other file) keeps it and says so.
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    const onto = run(dir, ['export', 'BR-1', '--format', 'md', '--out', 'notes.txt']);
    expect(onto.code).toBe(1);
    expect(onto.stderr).toContain('a file already exists there and is kept');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
    const nowhere = run(dir, ['export', 'BR-1', '--format', 'md', '--out', join(dir, 'no-such-folder', 'r.md')]);
    expect(nowhere.stderr).toContain('its folder does not exist');
    const json = run(dir, ['export', 'BR-1', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ format: 'breachdesk-incident', id: 'BR-1' });
    writeFileSync(join(dir, 'export.json'), json.stdout);
    const verified = run(dir, ['verify-export', join(dir, 'export.json')]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/Signature: none[\s\S]*Chain: intact, head [0-9a-f]{64}/);
    expect(existsSync(join(dir, 'BR-1-record-2025-03-01.json'))).toBe(false);
  });

  it('a signing key that is not Ed25519 stops it with one line', () => {
    const dir = storeWithIncident();
    const r = run(dir, ['list'], { BREACHDESK_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\\nnot a key\\n-----END PRIVATE KEY-----' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('breachdesk: setting BREACHDESK_SIGNING_KEY is not a PEM private key (generate one with: openssl genpkey -algorithm ed25519)');
  });
});
