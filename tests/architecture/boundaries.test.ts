// The core (bot/, commands/) must not import a chat SDK, lowdb or express: adapters and stores implement its ports.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const FORBIDDEN = /^(@slack\/|@microsoft\/|botbuilder|botframework-|lowdb|steno|express)/;
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports. */
export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe('architecture boundary', () => {
  it('finds imports in every form the scanner must catch', () => {
    const sample = `import { App } from '@slack/bolt';\nimport type { X } from "lowdb";\nconst m = await import('botbuilder');\nimport 'express';\nexport { y } from './local.ts';`;
    expect(importsOf(sample)).toEqual(['@slack/bolt', 'lowdb', 'botbuilder', 'express', './local.ts']);
  });

  it.each(['bot', 'commands'])('%s/ imports no chat SDK, lowdb or express', (dir) => {
    const offenders = sourceFiles(join(ROOT, dir)).flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((spec) => FORBIDDEN.test(spec) || /(^|\/)adapters\//.test(spec) || /\/data\/(file-store|durable-json-file|store-lock)/.test(spec))
        .map((spec) => `${relative(ROOT, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
