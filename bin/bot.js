#!/usr/bin/env node
// What `npm start` runs once scripts/ensure-build.mjs has found the build current: the bundled bot, compiled from V8's
// code cache (bin/code-cache.js). `npm run start:dev` runs the same bot from the TypeScript sources.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from './code-cache.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
runWithCodeCache(join(root, 'dist', 'app', 'bundle', 'bot.cjs'), 'bot');
