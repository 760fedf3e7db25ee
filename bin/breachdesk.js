#!/usr/bin/env node
// `npx breachdesk …`: runs the compiled, bundled CLI, building dist/app first only when a source is newer than the last build.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'app', 'bundle', 'cli.cjs');
// A clone has the sources and the build script; an installed package may ship dist/app alone.
if (existsSync(join(root, 'scripts', 'ensure-build.mjs')) && existsSync(join(root, 'node_modules', 'typescript'))) {
  const { buildIsStale, build } = await import('../scripts/ensure-build.mjs');
  if (buildIsStale()) {
    process.stderr.write('breachdesk: compiling (first run after a change)…\n');
    const status = build();
    if (status !== 0) process.exit(status);
  }
}
const { runWithCodeCache } = await import('./code-cache.js');
runWithCodeCache(bundle, 'cli');
