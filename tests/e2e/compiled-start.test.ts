// `npm start` runs the compiled, bundled bot: a build from scratch must succeed and its terminal front door must answer.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleEntries, DATA_DIRS } from '../../scripts/ensure-build.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
// Inside the repository (dist/ is ignored by git), so the compiled files find node_modules.
const OUT = join(ROOT, 'dist', `test-build-${process.pid}`);

describe('the compiled bot', () => {
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it('builds with tsc and esbuild and answers in the terminal, rules and demo data included', { timeout: 120_000 }, () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', OUT], { stdio: 'pipe' });
    for (const dir of DATA_DIRS) if (existsSync(join(ROOT, 'data', dir))) cpSync(join(ROOT, 'data', dir), join(OUT, 'data', dir), { recursive: true });
    bundleEntries(OUT);
    const home = mkdtempSync(join(tmpdir(), 'breachdesk-compiled-'));
    const run = spawnSync(process.execPath, [join(OUT, 'bundle', 'bot.cjs')], {
      cwd: home, input: 'list\ndeadlines BR-1\nexit\n', encoding: 'utf8', timeout: 60_000,
      env: { PATH: process.env.PATH, HOME: home },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('created with two demo incidents');
    expect(run.stdout).toMatch(/BR-1 {2}\[investigating\] {2}EHR vendor breach/);
    expect(run.stdout).toContain('each affected individual');
    expect(run.stdout).toContain('[US-HIPAA-164.404-INDIVIDUALS]');
  });
});
