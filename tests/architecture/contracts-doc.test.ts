// docs/contracts.md is the contract people read: its import example must import, and it must name every contract key.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTRACT_KEYS } from '../../bot/deadlines/types.ts';
import { parseImport } from '../../data/import-format.ts';

const doc = readFileSync(new URL('../../docs/contracts.md', import.meta.url), 'utf8');
const blocks = [...doc.matchAll(/```jsonc\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/\s\/\/.*$/gm, ''));

describe('docs/contracts.md', () => {
  it('its import example is accepted by the importer as written', () => {
    const result = parseImport(blocks[0]!);
    expect(result).toMatchObject({ ok: true });
  });

  it('its deadlines --json example has exactly the contract keys, in order', () => {
    expect(Object.keys(JSON.parse(blocks[1]!))).toEqual([...CONTRACT_KEYS]);
  });

  it('is linked from the README', () => {
    expect(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).toContain('](docs/contracts.md)');
  });
});
