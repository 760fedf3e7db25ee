// One damaged incident file through the real one-shot CLI: `list` names it as damaged, commands on it are refused with
// a plain sentence (exit 1), and every other incident still works.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileStore } from '../../data/file-store.ts';
import { makeIncident, usHospitalFacts } from '../helpers/incidents.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');
const NOW = '2025-03-01T12:00:00Z';

function run(data: string, command: string[]) {
  const home = mkdtempSync(join(tmpdir(), 'breachdesk-cli-home-'));
  const r = spawnSync(process.execPath, [BIN, '--data', data, '--now', NOW, ...command], { encoding: 'utf8', cwd: home, env: { PATH: process.env.PATH, HOME: home, USER: 'cli-user' }, timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a damaged incident file', () => {
  it('is listed as damaged and refused by name; the others keep working', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'breachdesk-damaged-')), 'store.json');
    const store = await openFileStore(data, new Date(NOW));
    for (const title of ['Stolen laptop', 'Misdirected fax']) await store.create((id) => makeIncident(id, usHospitalFacts({ title })));
    await store.close();
    const file = join(data, '..', 'store.incidents', 'BR-2.json');
    writeFileSync(file, '{"id": "BR-2", "title": "Misdirected fax", "organ');

    const list = run(data, ['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('BR-1  [triage]  Stolen laptop');
    expect(list.stdout).toMatch(/BR-2 {2}\[damaged\] {2}cannot be read: .*BR-2\.json is not valid JSON/);

    const show = run(data, ['show', 'BR-2']);
    expect(show.code).toBe(1);
    expect(show.stderr).toMatch(/BR-2 cannot be used: its stored record is damaged/);
    expect(show.stderr).not.toMatch(/\n\s+at /); // no stack trace

    expect(run(data, ['set', 'BR-1', 'status', 'investigating']).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('{"id": "BR-2", "title": "Misdirected fax", "organ');
  });
});
