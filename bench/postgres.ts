// `npm run bench:postgres`: the PostgreSQL store beside the file store on the same synthetic incidents: a signed
// `/breach deadlines BR-n` through the real Bolt receiver, the cost of one durable timeline append, and PostgreSQL
// reads and writes of one incident with a short and a long history.
// Needs a server: BENCH_POSTGRES (default postgres://postgres@127.0.0.1:5432/postgres); a scratch database is made and dropped.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openFileStore } from '../data/file-store.ts';
import { copyStore } from '../data/postgres/copy-store.ts';
import { openPostgresStore } from '../data/postgres/postgres-store.ts';
import { benchCommandLatency } from './command-latency.ts';
import { measure } from './store-writes.ts';
import { createSyntheticStore, syntheticIncident } from './synthetic.ts';
import { ms, table, type Row } from './stats.ts';

const tempRoot = mkdtempSync(join(tmpdir(), 'breachdesk-bench-pg-'));
process.env.TMPDIR = tempRoot;
process.on('exit', () => rmSync(tempRoot, { recursive: true, force: true }));

const ADMIN = process.env.BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SIZES = (process.env.BENCH_SIZES ?? '100,10000').split(',').map(Number);
const now = new Date('2026-11-23T12:00:00Z');
const actor = { id: 'U1', name: 'bench', platform: 'cli' as const };
const log = (line: string) => process.stderr.write(`${line}\n`);
const rows: Row[] = [];

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

for (const size of SIZES) {
  log(`store of ${size} incidents, copied into PostgreSQL…`);
  const filePath = await createSyntheticStore(size, now);
  const dbName = `breachdesk_bench_${size}_${process.pid}`;
  await admin(`CREATE DATABASE ${dbName}`);
  const url = Object.assign(new URL(ADMIN), { pathname: `/${dbName}` }).toString();
  try {
    const source = await openFileStore(filePath, now);
    const target = await openPostgresStore(url, { listen: false });
    const copy = await copyStore(source, target);
    await Promise.all([source.close(), target.close()]);
    if (copy.problems.length) throw new Error(`copy into PostgreSQL failed: ${copy.problems[0]}`);

    for (const [name, dataPath] of [['file', filePath], ['PostgreSQL', url]] as const) {
      log(`command latency, ${name} store, ${size}…`);
      const l = await benchCommandLatency(dataPath, { count: size, requests: 500, warmup: 50 });
      rows.push({ measure: `Signed \`/breach deadlines BR-n\`, ${name} store (p50 / p99; bare Bolt ${ms(l.bare.p50)} / ${ms(l.bare.p99)})`, size: String(size), result: `${ms(l.ours.p50)} / ${ms(l.ours.p99)} ms`, goal: 'reported', met: null });
    }
    for (const name of ['file', 'PostgreSQL'] as const) {
      log(`timeline appends, ${name} store, ${size}…`);
      const store = name === 'file' ? await openFileStore(filePath, now) : await openPostgresStore(url, { listen: false });
      try {
        const w = await measure((i) => store.appendTimeline('BR-1', { at: now.toISOString(), actor, action: 'note', text: `bench ${i}` }), 200);
        rows.push({ measure: `Durable timeline append, ${name} store (median / p99)`, size: String(size), result: `${ms(w.medianMs)} / ${ms(w.p99Ms)} ms; stall ${ms(w.maxStallMs)} ms`, goal: 'reported', met: null });
      } finally {
        await store.close();
      }
    }
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

// History length: one incident with 10 and with 10,000 timeline entries (get and update read the whole history).
{
  log('history length on PostgreSQL…');
  const dbName = `breachdesk_bench_history_${process.pid}`;
  await admin(`CREATE DATABASE ${dbName}`);
  try {
    const store = await openPostgresStore(Object.assign(new URL(ADMIN), { pathname: `/${dbName}` }).toString(), { listen: false });
    for (const entries of [10, 10_000]) {
      const incident = await store.create((id) => ({ ...syntheticIncident(1, now), id, timeline: Array.from({ length: entries }, (_, k) => ({ at: now.toISOString(), actor, action: 'note', text: `note ${k}: forensics update` })) }));
      const get = await measure(() => store.get(incident.id), 50, 5);
      const update = await measure((i) => store.update(incident.id, (c) => ({ ...c, status: i % 2 ? 'investigating' : 'notifying' })), 50, 5);
      rows.push({ measure: `PostgreSQL get / update of one incident with ${entries} timeline entries (median)`, size: '1', result: `${ms(get.medianMs)} / ${ms(update.medianMs)} ms`, goal: 'reported', met: null });
    }
    await store.close();
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

process.stdout.write(`\nbreachdesk PostgreSQL vs file store, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}\n\n`);
process.stdout.write(`${table(rows)}\n`);
