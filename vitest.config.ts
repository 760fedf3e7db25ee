import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Much test time is spent waiting (child processes, fsync, local HTTP round trips): one worker per core (vitest's
// default is one fewer, a single worker on a 2-core machine). More than that starved the spawned CLIs on a loaded machine.
const workers = Number(process.env.BREACHDESK_TEST_WORKERS) || availableParallelism();
// Suites of the core alone (no servers, no environment changes): their files share a worker's loaded modules instead of
// each importing zod, the rules and the engine afresh, which was about half of their time.
const SHARED = ['commands', 'deadlines', 'scheduler', 'guidance', 'store', 'domain', 'access', 'i18n', 'privacy'].map((dir) => `tests/${dir}/**/*.test.ts`);
// Reads and writes the deadline index file as a process does: the process-wide table of shared obligation templates
// must be a fresh process's, not one other suites have filled (one fills it on purpose).
const OWN_PROCESS = ['tests/store/deadline-index-file.test.ts'];
// The front doors over their SDKs (Bolt, botbuilder) with local fake servers, each test its own app and ports, and no
// environment changes: they share loaded modules too (importing Bolt and botbuilder afresh was most of each file's time).
const SHARED_FRONT_DOORS = ['slack', 'teams', 'frontdoor', 'record', 'architecture'].map((dir) => `tests/${dir}/**/*.test.ts`);

export default defineConfig({
  test: {
    globalSetup: ['tests/setup/temp-root.ts', 'tests/setup/compiled-build.ts', 'tests/setup/postgres.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    maxWorkers: workers,
    projects: [
      { extends: true, test: { name: 'core', include: SHARED, exclude: OWN_PROCESS, isolate: false } },
      { extends: true, test: { name: 'front doors', include: SHARED_FRONT_DOORS, isolate: false } },
      { extends: true, test: { name: 'processes', include: ['tests/**/*.test.ts'], exclude: [...SHARED, ...SHARED_FRONT_DOORS] } },
      { extends: true, test: { name: 'own process', include: OWN_PROCESS } },
    ],
  },
});
