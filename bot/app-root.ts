// Where the running code and its data folders are: the folder holding bot/ and data/ (the repository from source,
// dist/app when compiled). Every path to shipped data or code goes through here, because in the CLI's and the bot's
// bundles (dist/app/bundle/, one folder deep like this file) every module shares the bundle's import.meta.url.
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

/** The application folder: the repository, or dist/app. */
export const APP_ROOT = join(here, '..', '..');

/** The extension of the application's modules on disk: `.ts` from source, `.js` compiled (the bundle is built from them). */
export const CODE_EXT = extname(here) === '.ts' ? '.ts' : '.js';

/** A path under the application folder, such as `appPath('data', 'rules')`. */
export function appPath(...parts: string[]): string {
  return join(APP_ROOT, ...parts);
}
