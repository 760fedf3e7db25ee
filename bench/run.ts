// `npm run bench`: builds synthetic stores, measures side by side in one run, prints one table.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchBotStartup } from './boot-bot.ts';
import { benchNpmStartWarm, benchOneShotDeadlines, benchOneShotDue } from './cli-oneshot.ts';
import { benchCommandLatency } from './command-latency.ts';
import { benchDueInBot } from './due-index.ts';
import { benchNpmTest } from './npm-test.ts';
import { benchFanout } from './fanout.ts';
import { benchHistory } from './history.ts';
import { benchSchedulerTick } from './scheduler-tick.ts';
import { benchSingleFileWrites, benchStoreWrites } from './store-writes.ts';
import { closeCleanly, createSyntheticStore } from './synthetic.ts';
import { ms, table, type Row } from './stats.ts';

// Every synthetic store and temporary folder of this run goes under one folder, removed when the run ends.
const tempRoot = mkdtempSync(join(tmpdir(), 'breachdesk-bench-run-'));
process.env.TMPDIR = tempRoot; // os.tmpdir() reads it on every call; bench children inherit it
process.on('exit', () => rmSync(tempRoot, { recursive: true, force: true }));

const SIZES = (process.env.BENCH_SIZES ?? '100,10000,100000').split(',').map(Number);
const now = new Date('2026-11-23T12:00:00Z');
const rows: Row[] = [];
const log = (line: string) => process.stderr.write(`${line}\n`);

const stores = new Map<number, string>();
for (const size of SIZES) {
  log(`generating a store of ${size} incidents…`);
  stores.set(size, await createSyntheticStore(size, now));
}

// Command latency through the real Bolt receiver, against a bare ack-only Bolt app in the same run (each server in its own process).
for (const size of SIZES) {
  log(`command latency at ${size}…`);
  const l = await benchCommandLatency(stores.get(size)!);
  const goal = 1.2 * l.bare.p99 + 5;
  const big = size === Math.max(...SIZES);
  rows.push({ measure: 'Signed `/breach deadlines BR-n` (p50 / p99)', size: String(size), result: `${ms(l.ours.p50)} / ${ms(l.ours.p99)} ms (×${(l.ours.p50 / l.bare.p50).toFixed(1)} / ×${(l.ours.p99 / l.bare.p99).toFixed(1)} bare)`, goal: `p50 ≤ 2 × bare = ${ms(2 * l.bare.p50)} ms; p99 ≤ 1.2 × bare + 5 ms = ${ms(goal)} ms`, met: big ? l.ours.p50 <= 2 * l.bare.p50 && l.ours.p99 <= goal : null });
  rows.push({ measure: 'Baseline: bare Bolt app, ack only (p50 / p99)', size: String(size), result: `${ms(l.bare.p50)} / ${ms(l.bare.p99)} ms`, goal: 'comparison', met: null });
}

// One-shot CLI: `deadlines` on the smallest store against a bare node, `due` against `show` at 10,000 (or the nearest size).
{
  const size = Math.min(...SIZES);
  log(`one-shot deadlines at ${size}…`);
  const d = benchOneShotDeadlines(stores.get(size)!, now);
  rows.push({ measure: 'One-shot CLI `breachdesk deadlines BR-1` (median wall)', size: String(size), result: `${ms(d.deadlinesMs)} ms`, goal: '≤ 300 ms', met: d.deadlinesMs <= 300 });
  rows.push({ measure: 'Baseline: `node -e 0` (median wall)', size: '—', result: `${ms(d.bareMs)} ms`, goal: 'comparison', met: null });
  if (d.withMachineEnv) {
    const m = d.withMachineEnv;
    rows.push({ measure: 'The same two with this machine’s NODE_EXTRA_CA_CERTS (read at every Node start): `deadlines BR-1` / `node -e 0`', size: String(size), result: `${ms(m.deadlinesMs)} / ${ms(m.bareMs)} ms`, goal: 'comparison', met: null });
  }
}
{
  const size = SIZES.includes(10_000) ? 10_000 : SIZES.filter((s) => s <= 10_000).at(-1) ?? Math.min(...SIZES);
  log(`one-shot due vs show at ${size} (the first due fills the index beside the store)…`);
  benchOneShotDue(stores.get(size)!, now); // fills the index file, as any earlier run of the bot or the CLI leaves it
  const d = benchOneShotDue(stores.get(size)!, now);
  rows.push({ measure: 'One-shot CLI `breachdesk due --within 7d` (median wall; index beside the store)', size: String(size), result: `${ms(d.dueMs)} ms (×${(d.dueMs / d.showMs).toFixed(2)} show)`, goal: `≤ 1.2 × show = ${ms(1.2 * d.showMs)} ms`, met: d.dueMs <= 1.2 * d.showMs });
  rows.push({ measure: 'Baseline: one-shot CLI `breachdesk show BR-1` (median wall)', size: String(size), result: `${ms(d.showMs)} ms`, goal: 'comparison', met: null });
}

// `due` in the running bot over the deadline index, at the largest size.
{
  const size = Math.max(...SIZES);
  log(`due in the bot at ${size} (filling the index first runs the engine over every open incident)…`);
  const d = await benchDueInBot(stores.get(size)!, now);
  rows.push({ measure: `\`due --within 7d\` in the running bot, index filled (p50 / p99; soonest ${d.lines - 2} lines listed)`, size: String(size), result: `${ms(d.due.p50)} / ${ms(d.due.p99)} ms`, goal: 'p99 < 100 ms', met: d.due.p99 < 100 });
  rows.push({ measure: 'Baseline: `help` in the same bot (p50 / p99)', size: String(size), result: `${ms(d.help.p50)} / ${ms(d.help.p99)} ms`, goal: 'comparison', met: null });
  rows.push({ measure: 'Baseline: the first `due`, filling the index (the engine over every open incident, as every `due` did before)', size: String(size), result: `${(d.fillMs / 1000).toFixed(1)} s`, goal: 'reported', met: null });
}

// Store writes: breachdesk's per-incident files vs one lowdb file rewritten per write.
const writes = new Map<number, Awaited<ReturnType<typeof benchStoreWrites>>>();
for (const size of SIZES) {
  log(`store writes at ${size}…`);
  writes.set(size, await benchStoreWrites(stores.get(size)!, now));
}
const smallest = writes.get(SIZES[0]!)!;
for (const size of SIZES) {
  const w = writes.get(size)!;
  const ratio = w.medianMs / smallest.medianMs;
  rows.push({ measure: 'Durable timeline append (median / p99)', size: String(size), result: `${ms(w.medianMs)} / ${ms(w.p99Ms)} ms (×${ratio.toFixed(2)} vs ${SIZES[0]})`, goal: `≤ 2× the cost at ${SIZES[0]}`, met: ratio <= 2 });
  rows.push({ measure: 'Longest event-loop stall during appends', size: String(size), result: `${ms(w.maxStallMs)} ms`, goal: '≤ 20 ms', met: w.maxStallMs <= 20 });
}
for (const size of SIZES) {
  log(`single-file lowdb baseline at ${size}…`);
  const single = await benchSingleFileWrites(size, now, size >= 100_000 ? 3 : 20);
  const ours = writes.get(size)!;
  rows.push({ measure: 'Baseline: single-file lowdb append (median)', size: String(size), result: `${ms(single.medianMs)} ms, stall ${ms(single.maxStallMs)} ms (×${(single.medianMs / ours.medianMs).toFixed(1)} ours)`, goal: 'comparison', met: null });
}

// Start-up and memory, each in a fresh process (the pack present, as after a normal restart: closed cleanly first,
// since the rows before kill their processes).
for (const size of SIZES) {
  log(`start-up at ${size}…`);
  await closeCleanly(stores.get(size)!);
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'startup-child.ts'), stores.get(size)!], { encoding: 'utf8' });
  const r = JSON.parse(out) as { readyMs: number; sinceProcessStartMs: number; rssMb: number; count: number; rssAfterListMb: number };
  if (r.count !== size) throw new Error(`start-up child saw ${r.count} incidents, expected ${size}`);
  const big = size === Math.max(...SIZES);
  rows.push({ measure: 'Start-up: store ready (process start → ready)', size: String(size), result: `${ms(r.readyMs)} ms (${ms(r.sinceProcessStartMs)} ms)`, goal: big ? '≤ 3 s' : '—', met: big ? r.sinceProcessStartMs <= 3000 : null });
  rows.push({ measure: 'Resident memory when ready (after listing every incident once)', size: String(size), result: `${r.rssMb.toFixed(0)} MB (${r.rssAfterListMb.toFixed(0)} MB)`, goal: big ? '≤ 400 MB' : '—', met: big ? r.rssMb <= 400 : null });
}

// The whole bot (tsx, Slack and Teams SDKs, store, HTTP server) at the largest size.
{
  const size = Math.max(...SIZES);
  log(`whole-bot start-up at ${size}…`);
  await closeCleanly(stores.get(size)!);
  const b = await benchBotStartup(stores.get(size)!);
  rows.push({ measure: 'Start-up: whole bot (npm start) with Slack and Teams, until listening', size: String(size), result: `${ms(b.readyMs)} ms, ${b.rssMb.toFixed(0)} MB resident`, goal: '≤ 3 s, ≤ 400 MB', met: b.readyMs <= 3000 && b.rssMb <= 400 });
  rows.push({ measure: 'Whole bot: scheduler plans every incident after start-up (peak memory; memory after)', size: String(size), result: `${(b.planMs / 1000).toFixed(1)} s (peak ${b.peakRssMb.toFixed(0)} MB; then ${b.settledRssMb.toFixed(0)} MB)`, goal: 'peak ≤ 400 MB', met: b.peakRssMb <= 400 });
}

// The scheduler over the largest size: full re-plan, idle ticks, a tick after 100 incidents changed.
{
  const size = Math.max(...SIZES);
  log(`scheduler ticks at ${size}…`);
  const t = await benchSchedulerTick(size, now);
  rows.push({ measure: `Scheduler tick, nothing changed (p50 / p99; ${t.obligationsPerIncident.toFixed(1)} obligations per incident)`, size: String(size), result: `${ms(t.idleTick.p50)} / ${ms(t.idleTick.p99)} ms`, goal: '≤ 5 ms', met: t.idleTick.p99 <= 5 });
  rows.push({ measure: `Scheduler tick after ${t.changedTick.changed} incidents changed`, size: String(size), result: `${ms(t.changedTick.ms)} ms`, goal: '—', met: null });
  rows.push({ measure: 'Scheduler full re-plan (start-up; yields every 8 ms)', size: String(size), result: `${(t.rebuildMs / 1000).toFixed(1)} s`, goal: 'reported', met: null });
}

// One incident's history: get and update cost at 10 and 10,000 history entries (the journal keeps them apart).
{
  log('history cost…');
  const small = await benchHistory(10, now);
  const large = await benchHistory(10_000, now);
  for (const [what, a, b] of [['get', small.getMs, large.getMs], ['update (one timeline entry appended, durable)', small.updateMs, large.updateMs]] as const) {
    rows.push({ measure: `Incident ${what}, median: 10 vs 10,000 history entries`, size: '1', result: `${ms(a)} ms vs ${ms(b)} ms (×${(b / a).toFixed(2)})`, goal: 'at 10,000 ≤ 1.5× the cost at 10 + 0.2 ms', met: b <= 1.5 * a + 0.2 });
  }
  rows.push({ measure: 'Incident first read after opening (history parsed once): 10 vs 10,000 entries', size: '1', result: `${ms(small.firstGetMs)} ms vs ${ms(large.firstGetMs)} ms`, goal: 'reported', met: null });
}

// 1,000 reminders due at once against a fake Slack that answers 429 beyond 50 posts a second.
{
  log('reminder fan-out…');
  const f = await benchFanout();
  rows.push({ measure: 'Fan-out: 1,000 reminders due at once, Slack limited to 50/s', size: '500', result: `${(f.totalMs / 1000).toFixed(1)} s; ${f.delivered} delivered, ${f.duplicates} doubled, ${f.rateLimited} × 429`, goal: '≤ 25 s, all delivered, none doubled', met: f.totalMs <= 25_000 && f.delivered === 1000 && f.duplicates === 0 });
}

// `npm start` with the build up to date, and `npm test` (skipped with BENCH_SKIP_TESTS=1).
{
  const size = Math.max(...SIZES);
  log(`npm start (warm) at ${size}…`);
  const s = await benchNpmStartWarm(stores.get(size)!);
  rows.push({ measure: '`npm start`, build up to date, until listening (Slack and Teams configured; median of 3)', size: String(size), result: `${ms(s.startMs)} ms`, goal: '≤ 3 s', met: s.startMs <= 3000 });
  rows.push({ measure: 'Baseline: `node -e 0` (median wall)', size: '—', result: `${ms(s.bareMs)} ms`, goal: 'comparison', met: null });
}
if (process.env.BENCH_SKIP_TESTS !== '1') {
  log('npm test…');
  const t = benchNpmTest();
  rows.push({ measure: `\`npm test\` (typecheck + every test; ${t.passed ? t.summary : 'FAILED'})`, size: '—', result: `${(t.testMs / 1000).toFixed(1)} s`, goal: '< 100 s, all passing', met: t.passed && t.testMs < 100_000 });
  rows.push({ measure: 'Baseline: the typecheck alone (`tsc --noEmit`)', size: '—', result: `${(t.typecheckMs / 1000).toFixed(1)} s`, goal: 'comparison', met: null });
}

process.stdout.write(`\nbreachdesk benchmarks, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB\n\n`);
process.stdout.write(`${table(rows)}\n`);
