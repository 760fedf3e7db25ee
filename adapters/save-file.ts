// Terminal and CLI: a reply's file is written to disk (to `--out` or the current folder) and the reply names the path.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Reply } from '../bot/reply.ts';

/** Write the reply's file, if any, and return the reply with the path it was written to; a failure is said plainly. */
export async function saveReplyFile(reply: Reply, folder = process.cwd()): Promise<Reply> {
  const file = reply.file;
  if (!file) return reply;
  const path = resolve(folder, file.path ?? file.name);
  try {
    // wx unless the user named the path: never overwrite an earlier export by accident.
    await writeFile(path, file.content, { flag: file.path ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' ? 'a file with that name already exists (give --out <path>)' : code ?? (error as Error).message;
    return { ...reply, outcome: 'refused', text: `${reply.text}\nThe file was NOT written to ${path}: ${why}.` };
  }
  return { ...reply, text: `${reply.text}\nWritten to ${path} (${file.content.length} bytes).`, data: reply.data };
}
