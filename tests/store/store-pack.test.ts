// The start-up pack reads back exactly what was written, whatever the lines' lengths against its 4 MB read buffer:
// lines cut by a chunk boundary, and a line longer than the buffer itself (an incident with a very long history). Its
// index gives each text's place in the file, read from the open pack when needed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPack, writePack } from '../../data/store-pack.ts';

const MB = 1024 * 1024;

describe('the start-up pack', () => {
  it('gives back every line when lines straddle the read buffer and one is longer than it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'breachdesk-pack-')), 'store.incidents.pack');
    // 3,000 lines of about 3 KB (about 9 MB: two chunk boundaries fall inside lines), one of 9 MB (twice the buffer),
    // and a line with non-ASCII text (multi-byte characters may be cut by a boundary too).
    const ids = Array.from({ length: 3002 }, (_, k) => `BR-${k + 1}`);
    const json = (id: string) => {
      const n = Number(id.slice(3));
      if (n === 1500) return JSON.stringify({ id, notes: 'x'.repeat(9 * MB) });
      if (n === 3002) return JSON.stringify({ id, title: 'Fuite de données · hôpital 🏥 '.repeat(200) });
      return JSON.stringify({ id, text: `${n}`.repeat(1 + ((n * 37) % 900)) });
    };
    await writePack(path, ids, (id) => ({ json: json(id), stamp: `stamp-${id}`, ...(id === 'BR-7' ? { mark: '1,2,3,4' } : {}) }));
    const pack = readPack(path)!;
    // The index holds stamps and marks; each JSON text is read back from the open file at its recorded place.
    const text = (id: string) => {
      const line = pack.lines.get(id);
      return line && pack.file.read(line.at, line.bytes);
    };
    try {
      expect(pack.lines.size).toBe(ids.length);
      const wrong = ids.filter((id) => text(id) !== json(id) || pack.lines.get(id)?.stamp !== `stamp-${id}`);
      expect(wrong).toEqual([]);
      expect(pack.lines.get('BR-7')?.mark).toBe('1,2,3,4');
      expect(text('BR-1500')!.length).toBeGreaterThan(9 * MB);
      // Read again after the longest one (the scratch buffer grew): still each its own text.
      expect(text('BR-3002')).toBe(json('BR-3002'));
      expect(text('BR-2')).toBe(json('BR-2'));
    } finally {
      pack.file.close();
    }
    expect(() => pack.file.read(pack.lines.get('BR-2')!.at, 3)).toThrow(/closed/);
  });
});
