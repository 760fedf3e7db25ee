// Runs a CommonJS bundle (dist/app/bundle/, scripts/ensure-build.mjs) with V8's code cache: the bytecode of the
// functions a run compiled, saved as the first run after a build exits, in the per-user cache folder, and reused while
// the bundle file is the same one (the cache's name carries the Node version and the bundle's size, modification time
// and inode: every build writes a new file; V8 also refuses a cache made by another V8 version or with other flags).
// Hashing the 1.6 MB bundle's content to name it cost 4–7 ms of every command. A cache that cannot be read or written
// only costs the compile it would have saved.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

const WEEK_MS = 7 * 86_400_000;

/** The per-user cache folder ($XDG_CACHE_HOME/breachdesk, else ~/.cache/breachdesk), as for the rule data. */
function cacheFolder(env = process.env) {
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'breachdesk');
}

function readOrUndefined(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Write atomically; drop this folder's code caches unused for a week (other checkouts and versions share it). */
function saveCache(folder, path, data) {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, path);
    const weekAgo = Date.now() - WEEK_MS;
    for (const name of readdirSync(folder)) {
      if (/^[a-z]+-[0-9a-z.-]+\.v8cache$/.test(name) && statSync(join(folder, name)).mtimeMs < weekAgo) rmSync(join(folder, name), { force: true });
    }
  } catch {
    // read-only home, full disk: the next run compiles again
  }
}

/** Load and run `file` (CommonJS) as `require` would, compiled from the code cache `<name>-<file identity>` when usable. */
export function runWithCodeCache(file, name) {
  const source = readFileSync(file, 'utf8');
  const info = statSync(file);
  const key = `${process.version}-${info.size}-${Math.floor(info.mtimeMs)}-${info.ino}`.replace(/[^0-9a-z.-]/gi, '').toLowerCase();
  const folder = cacheFolder();
  const cachePath = join(folder, `${name}-${key}.v8cache`);
  const cachedData = readOrUndefined(cachePath);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
    // import() inside the bundle (pdfkit, pg: left outside it) goes to Node's own loader.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (!cachedData || script.cachedDataRejected) {
    // At exit (synchronous work only), so the cache also holds the functions the run compiled, not only the top level.
    process.once('exit', () => saveCache(folder, cachePath, script.createCachedData()));
  }
  const module = { exports: {}, filename: file };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}
