// Builds dist/app only when a source is newer than the last build, so `npm start` and `npx breachdesk` start at once.
// Usage: node scripts/ensure-build.mjs [--force]. Exits non-zero (with tsc's own messages) when the build fails.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'app');
const stamp = join(out, '.build-stamp');
const SOURCES = ['bot', 'commands', 'adapters', 'data'];
/** Data read at run time (rule data, filing guidance, response plans, holiday table), copied beside the compiled code. */
export const DATA_DIRS = ['rules', 'filing', 'plans', 'holidays'];
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];

/** Newest modification time among the files the build reads. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of SOURCES) if (existsSync(join(root, dir))) walk(join(root, dir));
  for (const file of CONFIGS) if (existsSync(join(root, file))) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  return newest;
}

/** True when dist/app is missing or older than a source. */
export function buildIsStale() {
  return !existsSync(stamp) || statSync(stamp).mtimeMs < newestSource();
}

/** Compile with tsc (incremental) and copy the data folders; returns tsc's exit status. */
export function build() {
  const started = Date.now();
  // A build from scratch: files of deleted sources must not linger in dist/app.
  // tsc's incremental state goes with it: kept, it would emit only the sources changed since, into an empty folder.
  const buildInfo = join(root, 'dist', '.tsbuildinfo');
  if (!existsSync(stamp)) {
    rmSync(out, { recursive: true, force: true });
    rmSync(buildInfo, { force: true });
  }
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [tsc, '-p', join(root, 'tsconfig.build.json'), '--incremental', '--tsBuildInfoFile', buildInfo];
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) return result.status ?? 1;
  for (const dir of DATA_DIRS) {
    rmSync(join(out, 'data', dir), { recursive: true, force: true });
    if (existsSync(join(root, 'data', dir))) cpSync(join(root, 'data', dir), join(out, 'data', dir), { recursive: true });
  }
  writeFileSync(stamp, `${new Date().toISOString()} ${Date.now() - started} ms\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const force = process.argv.includes('--force');
  process.exitCode = force || buildIsStale() ? build() : 0;
}
