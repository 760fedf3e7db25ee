// Outside tester: a foreign or hand-edited store manifest whose incident folder is a path ("../elsewhere") made the
// one-shot CLI write incident files outside the store's folder. Refused by name now, the manifest left as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');

describe('a store manifest that points outside its folder', () => {
  it.each(['../outside', '..', 'a/b'])('is refused by name with incidentsDir %j; nothing is written elsewhere', (incidentsDir) => {
    const root = mkdtempSync(join(tmpdir(), 'qa-foreign-'));
    const sub = join(root, 'sub');
    mkdirSync(sub);
    const manifest = JSON.stringify({ format: 'breachdesk-store', schemaVersion: 1, createdAt: '2025-03-01T12:00:00.000Z', incidentsDir });
    const file = join(sub, 'store.json');
    writeFileSync(file, manifest);
    // A home of its own: the CLI may keep caches there, which are not the store's business.
    const home = mkdtempSync(join(tmpdir(), 'qa-foreign-home-'));
    const r = spawnSync(process.execPath, [BIN, '--data', file, '--now', '2025-03-01T12:00:00Z', 'new', 'Stolen laptop'], { encoding: 'utf8', cwd: home, env: { PATH: process.env.PATH, HOME: home }, timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}: has an invalid manifest (incidentsDir: must be a folder name beside the store file, not a path)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(file, 'utf8')).toBe(manifest);
    expect(readdirSync(root)).toEqual(['sub']);
    expect(existsSync(join(root, 'outside'))).toBe(false);
  });
});
