import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Most test time is spent waiting (child processes, fsync, local HTTP round trips), not computing: one worker more
// than the cores (vitest's default is one fewer, a single worker on a 2-core machine) keeps the cores busy.
const workers = Number(process.env.BREACHDESK_TEST_WORKERS) || availableParallelism() + 1;

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/temp-root.ts', 'tests/setup/compiled-build.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    maxWorkers: workers,
  },
});
