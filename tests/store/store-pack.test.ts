// The start-up pack reads back exactly what was written, whatever the lines' lengths against its 4 MB read buffer:
// lines cut by a chunk boundary, and a line longer than the buffer itself (an incident with a very long history).
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
    const pack = readPack(path);
    expect(pack?.size).toBe(ids.length);
    const wrong = ids.filter((id) => pack!.get(id)?.json !== json(id) || pack!.get(id)?.stamp !== `stamp-${id}`);
    expect(wrong).toEqual([]);
    expect(pack!.get('BR-7')?.mark).toBe('1,2,3,4');
    expect(pack!.get('BR-1500')?.json.length).toBeGreaterThan(9 * MB);
  });
});
