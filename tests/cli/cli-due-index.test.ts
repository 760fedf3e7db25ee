// One-shot `due` reads the deadline index kept beside the store, and still answers as of its own --now and facts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');

function run(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--data', join(dir, 'store.json'), ...args], {
    encoding: 'utf8', cwd: dir, timeout: 20_000, env: { PATH: process.env.PATH, HOME: dir, USER: 'cli-user' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Discovered 2025-02-20 09:00 CST. 45 CFR 164.404(b): individuals within 60 days → 2025-04-21 (end of day, CDT).
const facts = {
  title: 'Vendor breach', discoveredAt: '2025-02-20T09:00:00-06:00', phiInvolved: true, dataEncrypted: false,
  organization: { name: 'Example Hospital', role: 'covered_entity', country: 'US', timezone: 'America/Chicago' },
  affected: { total: 300, byJurisdiction: { 'US-IN': 300 } },
};
const HIPAA = 'US-HIPAA-164.404-INDIVIDUALS';
const hipaaRow = (out: string) => (JSON.parse(out) as { incident: string; obligation: string; status: string }[]).filter((r) => r.obligation === HIPAA);

describe('one-shot due and the index beside the store', () => {
  it('writes the index, then follows --now and changes made by other runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachdesk-due-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(facts));
    expect(run(dir, ['--now', '2025-03-01T12:00:00Z', 'import', join(dir, 'a.json')]).code).toBe(0);
    expect(run(dir, ['--now', '2025-03-01T12:00:00Z', 'import', join(dir, 'a.json')]).code).toBe(0);
    const first = run(dir, ['--now', '2025-04-20T12:00:00Z', 'due', '--json']);
    expect(first.code).toBe(0);
    expect(hipaaRow(first.stdout).map((r) => `${r.incident} ${r.status}`)).toEqual(['BR-1 due_soon', 'BR-2 due_soon']);
    expect(existsSync(join(dir, 'store.deadlines'))).toBe(true);
    // Later, without any change: overdue from 2025-04-22 00:00 CDT, not the statuses the file was written with.
    expect(hipaaRow(run(dir, ['--now', '2025-04-23T12:00:00Z', 'due', '--json']).stdout).map((r) => r.status)).toEqual(['overdue', 'overdue']);
    // Another run records BR-1's notice: the next `due` no longer lists it.
    expect(run(dir, ['--now', '2025-04-21T12:00:00Z', 'done', 'BR-1', HIPAA]).code).toBe(0);
    expect(hipaaRow(run(dir, ['--now', '2025-04-21T13:00:00Z', 'due', '--json']).stdout).map((r) => r.incident)).toEqual(['BR-2']);
    const text = run(dir, ['--now', '2025-04-21T13:00:00Z', 'due']).stdout;
    expect(text).toMatch(/^Due within 7 days across 2 open incidents/);
    // A line reads like the deadlines view; the obligation id is there only as the handle for `done`.
    expect(text).toMatch(/^BR-2 · 🟠 due soon · each affected individual/m);
    expect(text).toContain(`when sent: \`done BR-2 ${HIPAA}\``);
    expect(text).not.toContain(`done BR-1 ${HIPAA}`);
  });

  it('a damaged index file changes nothing in the answer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachdesk-due-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(facts));
    run(dir, ['--now', '2025-03-01T12:00:00Z', 'import', join(dir, 'a.json')]);
    const before = run(dir, ['--now', '2025-04-20T12:00:00Z', 'due', '--json']).stdout;
    const file = join(dir, 'store.deadlines');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\t\[/g, '\t[[garbage'));
    expect(run(dir, ['--now', '2025-04-20T12:00:00Z', 'due', '--json']).stdout).toBe(before);
    writeFileSync(file, 'not an index');
    expect(run(dir, ['--now', '2025-04-20T12:00:00Z', 'due', '--json']).stdout).toBe(before);
  });
});
