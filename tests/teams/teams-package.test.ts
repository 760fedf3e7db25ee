// The Teams app package: manifest from the template and the command registry, plus the committed icons.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colorIconPng, outlineIconPng } from '../../adapters/teams/icons.ts';
import { teamsCommandList } from '../../adapters/teams/manifest.ts';
import { allCommandSpecs } from '../../commands/index.ts';
import { buildTeamsPackage, TeamsPackageError } from '../../scripts/teams-package.ts';
import { readPng, readZip } from './helpers/read-zip.ts';

const APP_ID = '00000000-0000-4000-8000-0000000000b1';
const root = fileURLToPath(new URL('../../', import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'breachdesk-teams-pkg-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('teams:package', () => {
  it('builds a zip whose manifest carries the app id and the registry commands', async () => {
    const { file } = await buildTeamsPackage({ appId: APP_ID, outFile: join(dir, 'app.zip') });
    const entries = readZip(await readFile(file));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.17);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.version).toBe(JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).version);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    const [bot] = manifest.bots;
    expect(bot.botId).toBe(APP_ID);
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    const commands = bot.commandLists[0].commands as { title: string; description: string }[];
    expect(commands).toEqual(teamsCommandList(allCommandSpecs()));
    const names = new Set(allCommandSpecs().map((s) => s.name));
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.length).toBeLessThanOrEqual(10);
    for (const c of commands) {
      expect(names.has(c.title), c.title).toBe(true);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
  });

  it.each([[undefined], [''], ['my-bot']])('refuses app id %j with a clear error', async (appId) => {
    await expect(buildTeamsPackage({ appId, outFile: join(dir, 'x.zip') })).rejects.toThrow(TeamsPackageError);
    await expect(buildTeamsPackage({ appId, outFile: join(dir, 'x.zip') })).rejects.toThrow(/MICROSOFT_APP_ID/);
  });

  it('exits 1 with the message when run without MICROSOFT_APP_ID', async () => {
    const env = { ...process.env, MICROSOFT_APP_ID: '' };
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', join(root, 'scripts/teams-package.ts')], { env, cwd: root });
    const error = await run.then(() => undefined, (e: { code: number; stderr: string }) => e);
    expect(error?.code).toBe(1);
    expect(error?.stderr).toMatch(/MICROSOFT_APP_ID is not set/);
  });

  it('ships the committed icons at the sizes Teams requires, drawn by icons.ts', async () => {
    const color = readPng(await readFile(join(root, 'teams-app/color.png')));
    const outline = readPng(await readFile(join(root, 'teams-app/outline.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(color.rgba.equals(readPng(colorIconPng()).rgba)).toBe(true);
    expect(outline.rgba.equals(readPng(outlineIconPng()).rgba)).toBe(true);
    let transparent = 0;
    for (let i = 0; i < outline.rgba.length; i += 4) {
      if (outline.rgba[i + 3] === 0) transparent++;
      else expect([...outline.rgba.subarray(i, i + 3)]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(100);
  });
});

describe('teamsCommandList', () => {
  it('keeps Teams limits: preferred commands first, at most 10, titles and descriptions clipped', () => {
    const specs = [
      { name: 'import', summary: 'terminal only' },
      ...Array.from({ length: 12 }, (_, i) => ({ name: `cmd${i}`, summary: 'x'.repeat(200) })),
      { name: 'show', summary: 'Show one' },
      { name: 'help', summary: 'Help' },
    ];
    const list = teamsCommandList(specs);
    expect(list).toHaveLength(10);
    expect(list.slice(0, 2).map((c) => c.title)).toEqual(['help', 'show']);
    expect(list.map((c) => c.title)).not.toContain('import');
    expect(list[2]!.description).toHaveLength(128);
    expect(list[2]!.description.endsWith('…')).toBe(true);
  });
});
