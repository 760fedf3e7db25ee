// Vitest global setup: every temporary folder a test (or a process it spawns) makes goes under one folder per run,
// removed at the end, so test runs do not pile up stores in the system temp folder.
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the run's folder goes: the in-memory /dev/shm when there is one, else the system temp folder. On tmpfs an
 * fsync returns at once, so the test time does not depend on how busy the disk is (under a full parallel run, the
 * CLI tests' durable writes waited seconds behind other suites' flushes); the code writes and flushes exactly as on
 * disk. BREACHDESK_TESTS_ON_DISK=1 keeps everything on disk.
 */
function tempBase(): string {
  if (process.env.BREACHDESK_TESTS_ON_DISK === '1') return tmpdir();
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

export default function setup(): () => void {
  // Each vitest project runs the global setup too: one folder per run, not one nested inside the other (Chromium's
  // socket path, under it, must stay short).
  if (process.env.BREACHDESK_TESTS_TMPDIR) return () => undefined;
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tempBase(), 'breachdesk-tests-'));
  // os.tmpdir() reads TMPDIR on every call, and test workers and their children inherit it.
  process.env.TMPDIR = root;
  process.env.BREACHDESK_TESTS_TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    delete process.env.BREACHDESK_TESTS_TMPDIR;
    rmSync(root, { recursive: true, force: true });
  };
}
