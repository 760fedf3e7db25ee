// Outside tester: a non-JSON file given as the store (`--data /etc/passwd`) was refused with the parser's message, which
// quotes the file's first characters ("root:x:0:0"), and a foreign JSON file's "format" value was quoted too. The file
// is named with what is wrong and where; its content is never repeated.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileStore } from '../../data/file-store.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');
const PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';

function cli(file: string, home: string) {
  return spawnSync(process.execPath, [BIN, '--data', file, '--now', '2025-03-01T12:00:00Z', 'list'], { encoding: 'utf8', cwd: home, env: { PATH: process.env.PATH, HOME: home }, timeout: 30_000 });
}

describe('a foreign file opened as part of the store', () => {
  it('a password file as the store is named, with the place, and not quoted; it is left as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-foreign-content-'));
    const file = join(dir, 'passwd');
    writeFileSync(file, PASSWD);
    const r = cli(file, dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}: is not valid JSON (error at line 1, column 1). The file was left untouched`);
    expect(r.stderr).not.toMatch(/root|bash|daemon/);
    expect(readFileSync(file, 'utf8')).toBe(PASSWD);
  });

  it('a foreign JSON file\'s "format" value is not quoted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-foreign-content-'));
    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ format: 'acme-payroll SSN export', rows: 3 }));
    const r = cli(file, dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}: is not a breachdesk store (its "format" is not "breachdesk-store")`);
    expect(r.stderr).not.toMatch(/acme|payroll|SSN/);
  });

  it('a store file beside it that is not JSON (the preferences) is named without its content', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'qa-foreign-content-')), 'store.json');
    await (await openFileStore(path, new Date())).close();
    const preferences = join(path, '..', 'store.incidents.preferences.json');
    writeFileSync(preferences, '{"users": {"slack:U1": {"lang": "en"}}, patient Jane Roe');
    const opening = openFileStore(path, new Date());
    await expect(opening).rejects.toThrow(`${preferences}: is not valid JSON (error at line 1, column 41)`);
    await expect(opening).rejects.not.toThrow(/Jane|patient/);
  });
});
