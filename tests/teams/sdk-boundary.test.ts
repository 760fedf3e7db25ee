// The Microsoft SDK stays inside adapters/teams, so moving to the Microsoft 365 Agents SDK is one folder's work.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ALLOWED = ['adapters/teams/', 'tests/teams/'];
const SDK_IMPORT = /from\s+['"](botbuilder[^'"]*|botframework-[^'"]+|@microsoft\/agents-[^'"]+)['"]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'dist') return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.(ts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

describe('Teams SDK boundary', () => {
  it('imports botbuilder / botframework only from adapters/teams', () => {
    const offenders = sourceFiles(root)
      .map((file) => relative(root, file).split('\\').join('/'))
      .filter((file) => !ALLOWED.some((prefix) => file.startsWith(prefix)))
      .filter((file) => SDK_IMPORT.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps the test suite off the SDK too: tests drive it over HTTP only', () => {
    const offenders = sourceFiles(join(root, 'tests/teams'))
      .filter((file) => !file.endsWith('sdk-boundary.test.ts'))
      .filter((file) => SDK_IMPORT.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
