// Vitest global setup: every temporary folder a test (or a process it spawns) makes goes under one folder per run,
// removed at the end, so test runs do not pile up stores in the system temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  // Each vitest project runs the global setup too: one folder per run, not one nested inside the other (Chromium's
  // socket path, under it, must stay short).
  if (process.env.BREACHDESK_TESTS_TMPDIR) return () => undefined;
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'breachdesk-tests-'));
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
