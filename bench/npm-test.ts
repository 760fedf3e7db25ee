// `npm test` (typecheck + every test) wall time, with the typecheck alone beside it (the part no test setting changes).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

function timed(command: string, args: string[]): { ms: number; ok: boolean; tail: string } {
  const t = performance.now();
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // Vitest's summary is the end of stdout; what tests log on stderr (expected errors) comes after it and is not the summary.
  return { ms: performance.now() - t, ok: r.status === 0, tail: r.stdout.trim().split('\n').slice(-8).join('\n') };
}

/** One `npm test` and one `tsc --noEmit`, and whether the tests passed. */
export function benchNpmTest(): { testMs: number; typecheckMs: number; passed: boolean; summary: string } {
  const typecheck = timed(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', join(ROOT, 'tsconfig.json')]);
  const test = timed('npm', ['test', '--silent']);
  const summary = /Tests\s+(.*)/.exec(test.tail.replace(/\x1b\[[0-9;]*m/g, ''))?.[1]?.trim() ?? test.tail;
  return { testMs: test.ms, typecheckMs: typecheck.ms, passed: test.ok, summary };
}
