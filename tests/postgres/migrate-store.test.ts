// `breachdesk migrate-store --from <store.json> --to postgres://…` through the real bin: every incident copied with
// its whole history, verified; a non-empty target, a missing source and bad usage are refused in one line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery, TimelineEntry } from '../../bot/model/incident-schema.ts';
import { copyStore } from '../../data/postgres/copy-store.ts';
import { openPostgresStore } from '../../data/postgres/postgres-store.ts';
import { openFileStore } from '../../data/file-store.ts';
import { makeIncident, usHospitalFacts } from '../helpers/incidents.ts';
import { freshDatabase, postgresUrl } from './databases.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');
const actor = { id: 'U1', name: 'Sam', platform: 'slack' as const };
const note = (text: string): TimelineEntry => ({ at: '2025-03-01T12:00:00Z', actor, action: 'note', text });
const delivery = (n: number): Delivery => ({
  key: `k${n}`, obligation: 'US-HIPAA-164.404-INDIVIDUALS', step: 'before:P7D', dueAt: '2025-04-21T04:59:59.999Z',
  channel: 'slack:C1', outcome: 'delivered', at: '2025-04-14T13:00:00Z', late: false, messageId: `17400.${n}`,
});

function cli(args: string[]) {
  const home = mkdtempSync(join(tmpdir(), 'breachdesk-migrate-home-'));
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: home, env: { PATH: process.env.PATH, HOME: home }, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function fileStoreWithHistory(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'breachdesk-migrate-')), 'store.json');
  const store = await openFileStore(path, new Date('2025-03-01T12:00:00Z'));
  for (let n = 1; n <= 3; n++) await store.create((id) => makeIncident(id, usHospitalFacts({ title: `incident ${n}` })));
  for (let n = 0; n < 5; n++) await store.appendTimeline('BR-2', note(`note ${n}`));
  await store.update('BR-2', (c) => ({ ...c, status: 'notifying', deliveries: [delivery(1), delivery(2)] }));
  await store.update('BR-1', (c) => ({ ...c, accessLog: [{ at: '2025-03-01T12:05:00Z', kind: 'read' as const, command: 'show', actor }] }));
  await store.update('BR-3', (c) => ({ ...c, status: 'closed' }));
  await store.close();
  return path;
}

describe.runIf(postgresUrl)('migrate-store', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeEach(async () => {
    db = await freshDatabase();
  });
  afterEach(async () => {
    await db.drop();
  });

  it('copies every incident with its full history and says what it verified', async () => {
    const from = await fileStoreWithHistory();
    const r = cli(['migrate-store', '--from', from, '--to', db.url]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Copied 3 incidents (5 timeline entries, 2 deliveries, 1 access-log entries)');
    expect(r.stdout).toMatch(/Verified: .*chain heads match/);
    const [source, target] = [await openFileStore(from, new Date()), await openPostgresStore(db.url, { listen: false })];
    try {
      expect(await target.ids()).toEqual(['BR-1', 'BR-2', 'BR-3']);
      for (const id of await source.ids()) expect(await target.get(id)).toEqual(await source.get(id));
      // The next incident continues the numbering.
      expect((await target.create((id) => makeIncident(id, usHospitalFacts()))).id).toBe('BR-4');
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('refuses a database that already holds incidents, a missing source and bad usage', async () => {
    const from = await fileStoreWithHistory();
    expect(cli(['migrate-store', '--from', from, '--to', db.url]).code).toBe(0);
    const again = cli(['migrate-store', '--from', from, '--to', db.url]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds 3 incident\(s\); migrate-store copies into an empty database only\n$/);
    const missing = cli(['migrate-store', '--from', '/nowhere/store.json', '--to', db.url]);
    expect([missing.code, missing.stderr]).toEqual([1, 'breachdesk: migrate-store: there is no store at /nowhere/store.json\n']);
    const usage = cli(['migrate-store', '--from', from]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('migrate-store needs --to postgres://');
    expect(cli(['migrate-store', '--from', from, '--to', '/tmp/other.json']).stderr).toContain('--to must be a postgres:// URL');
  });

  it('reports a copy that does not read back as the source', async () => {
    const from = await fileStoreWithHistory();
    const [source, target] = [await openFileStore(from, new Date()), await openPostgresStore(db.url, { listen: false })];
    try {
      // A target that loses the last timeline entry of BR-2 on the way back.
      const lossy = { ...target, get: async (id: string) => {
        const got = await target.get(id);
        return got && id === 'BR-2' ? { ...got, timeline: got.timeline.slice(0, -1) } : got;
      } };
      const report = await copyStore(source, lossy);
      expect(report.problems).toEqual([
        'BR-2: timeline has 5 entries in the source but 4 in the database',
        expect.stringMatching(/^BR-2: the chain head differs/),
        'BR-2: the copied record differs from the source',
      ]);
    } finally {
      await source.close();
      await target.close();
    }
  });
});
