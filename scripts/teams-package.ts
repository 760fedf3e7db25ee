// `npm run teams:package`: builds dist/breachdesk-teams.zip (manifest + icons) to sideload into Teams.
// `npm run teams:package -- icons` redraws teams-app/color.png and outline.png.
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ZipFile } from 'yazl';
import { colorIconPng, outlineIconPng } from '../adapters/teams/icons.ts';
import { buildManifest, teamsCommandList } from '../adapters/teams/manifest.ts';
import { allCommandSpecs } from '../commands/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A fixed timestamp makes the zip byte-identical for the same inputs.
const MTIME = new Date('2025-01-01T00:00:00Z');

/** A refusal to build, with the fix in the message. */
export class TeamsPackageError extends Error {
  override name = 'TeamsPackageError';
}

/** Where the package was written and what its manifest says. */
export interface TeamsPackage {
  file: string;
  manifest: Record<string, unknown>;
}

/** Build the app package; `appId` is MICROSOFT_APP_ID (required, a GUID). */
export async function buildTeamsPackage(options: { appId: string | undefined; outFile?: string; root?: string }): Promise<TeamsPackage> {
  const appId = options.appId?.trim();
  if (!appId) {
    throw new TeamsPackageError('MICROSOFT_APP_ID is not set: the Teams package needs your Azure Bot\'s Microsoft App ID (see adapters/teams/INSTALL.md). Example: MICROSOFT_APP_ID=<guid> npm run teams:package');
  }
  if (!GUID.test(appId)) throw new TeamsPackageError(`MICROSOFT_APP_ID="${appId}" is not a GUID; copy the Microsoft App ID from the Azure Bot's Configuration page.`);
  const root = options.root ?? ROOT;
  const template = JSON.parse(await readFile(join(root, 'teams-app', 'manifest.template.json'), 'utf8')) as unknown;
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  const manifest = buildManifest(template, { appId, version, commands: teamsCommandList(allCommandSpecs()) });

  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json', { mtime: MTIME });
  for (const icon of ['color.png', 'outline.png']) zip.addBuffer(await readFile(join(root, 'teams-app', icon)), icon, { mtime: MTIME });
  zip.end();
  const file = resolve(options.outFile ?? join(root, 'dist', 'breachdesk-teams.zip'));
  await mkdir(dirname(file), { recursive: true });
  await pipeline(zip.outputStream, createWriteStream(file));
  return { file, manifest };
}

/** Redraw the two icons into `<root>/teams-app`. */
export async function writeTeamsIcons(root = ROOT): Promise<string[]> {
  const files = [join(root, 'teams-app', 'color.png'), join(root, 'teams-app', 'outline.png')];
  await writeFile(files[0]!, colorIconPng());
  await writeFile(files[1]!, outlineIconPng());
  return files;
}

async function main(args: string[]): Promise<number> {
  try {
    if (args[0] === 'icons') {
      for (const file of await writeTeamsIcons()) console.log(`wrote ${file}`);
      return 0;
    }
    const { file, manifest } = await buildTeamsPackage({ appId: process.env.MICROSOFT_APP_ID });
    const commands = (manifest.bots as { commandLists: { commands: { title: string }[] }[] }[])[0]!.commandLists[0]!.commands;
    console.log(`wrote ${file} (app ${manifest.id}, version ${manifest.version}; commands: ${commands.map((c) => c.title).join(', ')})`);
    console.log('Upload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.');
    return 0;
  } catch (error) {
    console.error(error instanceof TeamsPackageError ? error.message : error);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
