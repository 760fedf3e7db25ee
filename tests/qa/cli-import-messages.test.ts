// Outside tester: `npx breachdesk import` with wrong input, through the real bin. Every answer is a plain sentence with
// the usage (exit 2), no zod wording, no errno code, and no store file is created.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');

function run(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--data', join(dir, 'store.json'), '--now', '2025-03-01T12:00:00Z', ...args], {
    encoding: 'utf8', cwd: dir, env: { PATH: process.env.PATH, HOME: dir, USER: 'cli-user' }, timeout: 30_000,
  });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

const RAW = /Invalid input|Invalid option|Too small|Too big|ENOENT|EISDIR|received (number|string)|\|"/;

describe('import refusals in words', () => {
  it('names each wrong field in plain words, with the usage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-import-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({
      title: 12,
      organization: { name: 'H', role: 'hospital', country: 'US', timezone: 'America/Chicago' },
      discoveredAt: '2025-02-20T09:00:00-06:00',
      affected: { total: -5, byJurisdiction: { 'US-TX': '300' } },
      dataCategories: 'name', phiInvolved: 'yes', dataEncrypted: false,
    }));
    const r = run(dir, ['import', 'bad.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain('title: should be text in quotes, not 12');
    expect(r.stderr).toContain('organization.role: "hospital" is not one of: covered_entity, business_associate, controller, processor, phr_vendor');
    expect(r.stderr).toContain('affected.total: -5 is too small: the least allowed is 0');
    expect(r.stderr).toContain('phiInvolved: should be true or false, not "yes"');
    expect(r.stderr).toContain('Usage: import');
    expect(existsSync(join(dir, 'store.json')) ? run(dir, ['list', '--all']).stdout : '').not.toMatch(/BR-1/);
  });

  it('says a missing file is missing, and reads pasted JSON that is not an object as JSON, not as a file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-import-'));
    const missing = run(dir, ['import', 'nothere.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Cannot import "nothere\.json": there is no such file\./);
    expect(missing.stderr).toContain('Usage: import');
    const list = run(dir, ['import', '[1,2]']);
    expect(list.code).toBe(2);
    expect(list.stderr).toContain('expected one JSON object describing the incident');
    expect(`${missing.stderr}${list.stderr}`).not.toMatch(RAW);
  });
});

describe('import warnings', () => {
  it('prints the id alone on stdout and the warnings on stderr (they were dropped)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-import-'));
    writeFileSync(join(dir, 'xx.json'), JSON.stringify({
      title: 'Legacy EHR vendor breach',
      organization: { name: 'Example Hospital', role: 'covered_entity', country: 'US', timezone: 'America/Chicago' },
      discoveredAt: '2025-02-20T09:00:00-06:00',
      affected: { total: 300, byJurisdiction: { 'US-XX': 300 } },
      dataCategories: ['name'], phiInvolved: true, dataEncrypted: false,
    }));
    const r = run(dir, ['import', 'xx.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('BR-1\n');
    expect(r.stderr).toContain('Warning: Affected residents: US-XX is not a US state or territory code');
  });
});
