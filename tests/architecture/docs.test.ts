// The README and .env.example document every command and every setting the code knows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCommandSpecs } from '../../commands/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const envExample = readFileSync(join(ROOT, '.env.example'), 'utf8');
const configSource = readFileSync(join(ROOT, 'adapters', 'config.ts'), 'utf8');
const settings = [...configSource.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);

describe('documentation', () => {
  it('knows the settings it checks', () => {
    expect(settings).toEqual(expect.arrayContaining(['BREACHDESK_DATA', 'PORT', 'SLACK_BOT_TOKEN', 'MICROSOFT_APP_ID']));
  });

  it.each(settings)('%s is documented in README.md and .env.example', (name) => {
    expect(readme).toContain(name);
    expect(envExample).toMatch(new RegExp(`^${name}=`, 'm'));
  });

  it('the README lists every command', () => {
    const missing = allCommandSpecs().filter((s) => !readme.includes(`| \`${s.name}`) && !readme.includes(`/ \`${s.name} `));
    expect(missing.map((s) => s.name)).toEqual([]);
  });
});
