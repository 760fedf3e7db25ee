// Outside tester: the replay-id log beside the store (`<name>.incidents.seen`) was rewritten at every start, whatever it
// held: foreign content was silently compacted away, and so was the file when the open then failed on another file.
// An open that fails writes nothing; a file that is not one of ours is refused by name; a torn last line still passes.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileStore } from '../../data/file-store.ts';
import { makeIncident, usHospitalFacts } from '../helpers/incidents.ts';

const LATER = Date.now() + 3_600_000;
const live = (k: string) => `{"k":"${k.padEnd(32, 'a')}","e":${LATER}}\n`;
const expired = (k: string) => `{"k":"${k.padEnd(32, 'b')}","e":${Date.now() - 3_600_000}}\n`;

async function storeWithSeen(content: string): Promise<{ path: string; seen: string }> {
  const path = join(mkdtempSync(join(tmpdir(), 'qa-seen-')), 'store.json');
  const store = await openFileStore(path, new Date());
  // One incident, so that closing writes a pack and the clean-close note a start takes.
  await store.create((id) => makeIncident(id, usHospitalFacts()));
  await store.close();
  const seen = join(path, '..', 'store.incidents.seen');
  writeFileSync(seen, content);
  return { path, seen };
}

describe('the replay-id file beside the store', () => {
  it('is left as it was when the open fails on another file (a damaged preferences file)', async () => {
    const content = `${expired('old')}${live('new')}{"k":"tor`;
    const { path, seen } = await storeWithSeen(content);
    writeFileSync(join(path, '..', 'store.incidents.preferences.json'), '{"users": 5}');
    await expect(openFileStore(path, new Date())).rejects.toThrow(/store\.incidents\.preferences\.json: is not a breachdesk preferences file/);
    expect(readFileSync(seen, 'utf8')).toBe(content);
  });

  it.each([
    ['preferences', 'store.incidents.preferences.json', '{"users": 5}'],
    ['replay-id', 'store.incidents.seen', 'not ours\n'],
  ])('a damaged %s file stops the start before anything of the store is written', async (_what, name, damage) => {
    const { path } = await storeWithSeen(live('new'));
    // What a start writes or removes: the clean-close note (taken) and a temp file a crash left (removed).
    const note = join(path, '..', 'store.incidents.clean');
    const temp = join(path, '..', 'store.incidents', '.BR-1.json.4242.1.tmp');
    writeFileSync(temp, '{}');
    expect(existsSync(note)).toBe(true);
    writeFileSync(join(path, '..', name), damage);
    await expect(openFileStore(path, new Date())).rejects.toThrow(name);
    expect([existsSync(note), existsSync(temp)]).toEqual([true, true]);
  });

  it.each([
    ['root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin\n', 1],
    [`${live('ok')}{"k":"short","e":1}\n`, 2],
    [`${live('ok')}["a JSON list, not ours"]`, 2],
  ])('holding foreign content is refused by name, without quoting it, and never rewritten (%#)', async (content, line) => {
    const { path, seen } = await storeWithSeen(content);
    const opening = openFileStore(path, new Date());
    await expect(opening).rejects.toThrow(`${seen}: is not a breachdesk replay-id file (line ${line} is not one of its entries). The file was left untouched`);
    await expect(opening).rejects.not.toThrow(/root:x|JSON list|short/);
    expect(readFileSync(seen, 'utf8')).toBe(content);
    // The lock was given up: the store opens once the file is moved aside.
    writeFileSync(seen, '');
    await (await openFileStore(path, new Date())).close();
  });

  it('with a torn last line (a crash mid-append) opens, keeps the live ids, and drops the torn and expired ones', async () => {
    for (const torn of ['{', '{"k":"abc', `{"k":"${'c'.repeat(32)}","e":12`, `{"k":"${'c'.repeat(32)}","e":12}`]) {
      const { path, seen } = await storeWithSeen(`${expired('old')}${live('new')}${torn}`);
      const store = await openFileStore(path, new Date());
      await store.close();
      expect(readFileSync(seen, 'utf8')).toBe(live('new'));
    }
  });
});
