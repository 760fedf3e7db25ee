// A lowdb adapter that writes atomically (unique temp file + rename) and fsyncs before resolving.
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { jsonErrorPlace, jsonPlaceWords } from '../bot/json-place.ts';
import { StoreCorruptError } from './store-errors.ts';

let sequence = 0;

/** JSON file adapter: `read` names the file on bad JSON; `write` is durable once it resolves. */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(readonly path: string, private readonly validate: (raw: unknown) => T = (raw) => raw as T) {}

  /** The parsed file, or null when it does not exist. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreCorruptError(this.path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      // The parser's message quotes the file's first characters (`/etc/passwd` given as the store showed `root:x:0:0`):
      // a foreign file's content is never repeated, only where the JSON went wrong.
      const place = jsonErrorPlace(error, text);
      throw new StoreCorruptError(this.path, `is not valid JSON (${jsonPlaceWords(place === 'unknown' ? (unlikeJson(text) ?? place) : place)})`);
    }
    return this.validate(raw);
  }

  /** Write to a unique temp file, fsync it, rename over the target, fsync the folder. */
  async write(data: T): Promise<void> {
    const dir = dirname(this.path);
    const temp = join(dir, `.${basename(this.path)}.${process.pid}.${++sequence}.tmp`);
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(data));
      await handle.sync();
    } catch (error) {
      await handle.close();
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await handle.close();
    await rename(temp, this.path);
    await syncDirectory(dir);
  }
}

/** Where a text that cannot begin a JSON value begins (Node's parser names the token, not its place, for these). */
function unlikeJson(text: string): { line: number; column: number } | undefined {
  const start = text.search(/\S/);
  if (start < 0 || /[[{"\-\d]|t|f|n/.test(text[start]!)) return undefined;
  const before = text.slice(0, start);
  return { line: before.split('\n').length, column: start - before.lastIndexOf('\n') };
}

/** fsync a directory so a rename inside it survives power loss. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
