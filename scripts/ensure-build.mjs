// Builds dist/app only when a source is newer than the last build, so `npm start` and `npx breachdesk` start at once.
// Usage: node scripts/ensure-build.mjs [--force]. Exits non-zero (with tsc's own messages) when the build fails.
import { createRequire } from 'node:module';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'app');
const stamp = join(out, '.build-stamp');
const SOURCES = ['bot', 'commands', 'adapters', 'data'];
/** Data read at run time (rule data, filing guidance, response plans, holiday and zone tables), copied beside the compiled code. */
export const DATA_DIRS = ['rules', 'filing', 'plans', 'holidays', 'zones'];
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
/**
 * The entry points run as bundles, one folder below dist/app as bot/app-root.ts expects: `cli` (bin/breachdesk.js,
 * the one-shot CLI) and `bot` (bin/bot.js, what `npm start` runs).
 */
const ENTRIES = { cli: join('adapters', 'cli', 'main.js'), bot: join('adapters', 'main.js') };
// Loaded on first use only (pdf export, PostgreSQL, business-day calendars, the logger, the Teams zip), and reading
// files beside their own code: left in node_modules. Everything else (300 to 1,500 modules) goes into the bundle.
const UNBUNDLED = ['pdfkit', 'pg', 'date-holidays', 'pino', 'pino-pretty', 'yazl'];

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

/** True when dist/app or one of its bundles is missing, or older than a source. */
export function buildIsStale() {
  if (!existsSync(stamp) || Object.keys(ENTRIES).some((name) => !existsSync(join(out, 'bundle', `${name}.cjs`)))) return true;
  return statSync(stamp).mtimeMs < newestSource();
}

/** Compile with tsc (incremental), copy the data folders and bundle the entry points; returns tsc's exit status. */
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
  // Loaded here: every `npx breachdesk` imports this file for buildIsStale, and child_process costs a few ms to load.
  const { spawnSync } = createRequire(import.meta.url)('node:child_process');
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) return result.status ?? 1;
  for (const dir of DATA_DIRS) {
    rmSync(join(out, 'data', dir), { recursive: true, force: true });
    if (existsSync(join(root, 'data', dir))) cpSync(join(root, 'data', dir), join(out, 'data', dir), { recursive: true });
  }
  bundleEntries();
  writeFileSync(stamp, `${new Date().toISOString()} ${Date.now() - started} ms\n`);
  return 0;
}

/**
 * Bundle each entry point of the compiled `appDir` (default dist/app) with esbuild into one CommonJS file, which
 * bin/code-cache.js runs with V8's code cache: one file compiled from cache instead of hundreds of modules resolved and
 * compiled (about 0.2 s of a CLI command, 0.5 s of the bot's start). `<name>.meta.json` beside it lists what went in.
 */
export function bundleEntries(appDir = out) {
  const esbuild = createRequire(import.meta.url)('esbuild');
  const bundleDir = join(appDir, 'bundle');
  rmSync(bundleDir, { recursive: true, force: true });
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const result = esbuild.buildSync({
      entryPoints: [join(appDir, entry)],
      outfile: join(bundleDir, `${name}.cjs`),
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      external: UNBUNDLED,
      // CommonJS has no import.meta: each module's URL becomes the bundle's (bot/app-root.ts builds every path from it).
      define: { 'import.meta.url': '__bundle_url' },
      banner: { js: "const __bundle_url = require('node:url').pathToFileURL(__filename).href;" },
      metafile: true,
      logLevel: 'warning',
    });
    writeFileSync(join(bundleDir, `${name}.meta.json`), JSON.stringify(result.metafile));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const force = process.argv.includes('--force');
  process.exitCode = force || buildIsStale() ? build() : 0;
}
