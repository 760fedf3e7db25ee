// Terminal and CLI: a reply's file is written to disk (to `--out` or the current folder) and the reply names the path.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Reply } from '../bot/reply.ts';

// The write failures people meet, in words rather than error codes.
const WHY: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'part of the path is not a folder',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
};

/** Write the reply's file, if any, and return the reply with the path it was written to; a failure is said plainly. */
export async function saveReplyFile(reply: Reply, folder = process.cwd()): Promise<Reply> {
  const file = reply.file;
  if (!file) return reply;
  const path = resolve(folder, file.path ?? file.name);
  try {
    // Never overwrite a file, named with --out or not: an earlier export, or any other file at that path, is kept.
    await writeFile(path, file.content, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' ? (file.path ? 'a file already exists there and is kept (give another --out path)' : 'a file with that name already exists (give --out <path>)') : WHY[code ?? ''] ?? 'it could not be written';
    return { ...reply, outcome: 'refused', text: `${reply.text}\nThe file was NOT written to ${path}: ${why}.` };
  }
  return { ...reply, text: `${reply.text}\nWritten to ${path} (${file.content.length} bytes).`, data: reply.data };
}
