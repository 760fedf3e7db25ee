// Layers import one way (model/ports → engine, domain, views → scheduler, commands → adapters; data/ only bot/),
// and the core (bot/, commands/) imports no chat SDK, lowdb or express: adapters and stores implement its ports.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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

  it.each(LAYER_RULES)('$from imports nothing from $forbidden', ({ from, forbidden }) => {
    expect(layerOffenders(from, forbidden)).toEqual([]);
  });

  it('data/ imports only bot/ (the model and the port it implements) besides itself and packages', () => {
    const offenders = localImports('data').filter(({ target }) => !target.startsWith('bot/') && !target.startsWith('data/'));
    expect(offenders.map(describeImport)).toEqual([]);
  });

  it('adapters do not reach into the bot’s dependencies (they use the Bot interface)', () => {
    const offenders = sourceFiles(join(ROOT, 'adapters')).filter((file) => /\bbot\.deps\b|\.deps\.(registry|store|config|rules|clock)\b/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('only bot/domain/change.ts changes incidents (store update, create, appendTimeline) outside the stores', () => {
    const allowed = new Set(['bot/domain/change.ts']);
    const writers = ['bot', 'commands', 'adapters']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((file) => STORE_WRITE.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file).split('\\').join('/'))
      .filter((file) => !allowed.has(file));
    expect(writers).toEqual([]);
  });

  it('the layer check resolves relative paths (a planted upward import is caught)', () => {
    expect(resolveTarget(join(ROOT, 'bot', 'domain', 'x.ts'), '../scheduler/plan.ts')).toBe('bot/scheduler/plan.ts');
    expect(resolveTarget(join(ROOT, 'data', 'x.ts'), '../commands/shared.ts')).toBe('commands/shared.ts');
    expect(['await ctx.store.update(id, f)', 'runtime.store.create(build)', 'store.appendTimeline(id, e)'].every((c) => STORE_WRITE.test(c))).toBe(true);
    expect(STORE_WRITE.test('index.update(x); store.get(id)')).toBe(false);
  });
});

// A call that writes an incident through the store port (`store.update(`, `ctx.store.create(`, `runtime.store.appendTimeline(`).
const STORE_WRITE = /\bstore\.(update|create|appendTimeline)\(/;

// Each rule: files under `from` import nothing under any of `forbidden` (paths relative to the repository root).
const LAYER_RULES: Array<{ from: string; forbidden: string[] }> = [
  { from: 'bot', forbidden: ['commands/', 'adapters/', 'data/'] },
  { from: 'commands', forbidden: ['adapters/'] },
  { from: 'data', forbidden: ['commands/', 'adapters/'] },
  ...['bot/model', 'bot/ports.ts', 'bot/reply.ts', 'bot/errors.ts'].map((from) => ({
    from,
    forbidden: ['bot/deadlines/', 'bot/domain/', 'bot/views/', 'bot/scheduler/'],
  })),
  { from: 'bot/deadlines', forbidden: ['bot/domain/', 'bot/views/', 'bot/scheduler/'] },
  { from: 'bot/domain', forbidden: ['bot/scheduler/'] },
  { from: 'bot/views', forbidden: ['bot/domain/', 'bot/scheduler/'] },
];

/** The repository path a relative specifier of `file` points at (undefined for packages). */
function resolveTarget(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return relative(ROOT, resolve(dirname(file), spec)).split('\\').join('/');
}

function localImports(from: string): Array<{ file: string; spec: string; target: string }> {
  const path = join(ROOT, from);
  const files = statSync(path).isDirectory() ? sourceFiles(path) : [path];
  return files.flatMap((file) =>
    importsOf(readFileSync(file, 'utf8')).flatMap((spec) => {
      const target = resolveTarget(file, spec);
      return target === undefined ? [] : [{ file, spec, target }];
    }),
  );
}

function layerOffenders(from: string, forbidden: readonly string[]): string[] {
  return localImports(from).filter(({ target }) => forbidden.some((f) => target === f || target.startsWith(f))).map(describeImport);
}

function describeImport({ file, spec }: { file: string; spec: string }): string {
  return `${relative(ROOT, file)} imports ${spec}`;
}
