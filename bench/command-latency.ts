// Slash-command latency over real HTTP: breachdesk's `/breach deadlines BR-n` against a bare Bolt app that only acks.
// Both servers run in their own child process (bench/latency-server.ts), as the bot runs in production; this process
// is only the client (Slack's side) and the fake Slack Web API.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { SLACK_EVENTS_PATH } from '../adapters/slack/index.ts';
import { startFakeSlack, type FakeSlack } from '../tests/slack/fake-slack.ts';
import { signatureHeaders, slashBody } from '../tests/slack/signed-request.ts';
import { percentile } from './stats.ts';

/** p50 / p99 in milliseconds, send → full response body. */
export interface LatencySummary {
  p50: number;
  p99: number;
}

/** Ours (the full bot behind Bolt) and the floor (Bolt alone, ack only), measured side by side. */
export interface CommandLatencyResult {
  ours: LatencySummary;
  bare: LatencySummary;
}

const BLOCK = 50;
const SETTLE_MS = 2000;
const BLOCK_PAUSE_MS = 250;

/**
 * Sequential signed `/breach deadlines BR-<k>` requests to breachdesk's Slack front door (processBeforeResponse, so the
 * response carries the answer) and the same bodies to a bare Bolt app whose handler only acks, alternating in blocks of 50.
 */
export async function benchCommandLatency(storePath: string, options: { requests?: number; warmup?: number; count?: number } = {}): Promise<CommandLatencyResult> {
  const requests = options.requests ?? 1000;
  const warmup = options.warmup ?? 100;
  // A postgres:// store gives its size; a file store is counted from its folder.
  if (options.count === undefined && !existsSync(storePath)) throw new Error(`command latency: no store at ${storePath}`);
  const count = options.count ?? incidentCount(storePath);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const fake: FakeSlack = await startFakeSlack();
  const children: Server[] = [];
  try {
    const oursServer = await startServer(['ours', fake.apiUrl, storePath]);
    children.push(oursServer);
    const bareServer = await startServer(['bare', fake.apiUrl]);
    children.push(bareServer);
    const oursUrl = new URL(`http://127.0.0.1:${oursServer.port}${SLACK_EVENTS_PATH}`);
    const bareUrl = new URL(`http://127.0.0.1:${bareServer.port}${SLACK_EVENTS_PATH}`);

    // The same bodies for both: pseudo-random incidents across the whole store.
    const ids = incidentIds(count, warmup + requests);
    const bodies = ids.map((k) => slashBody(`deadlines BR-${k}`, fake.responseUrl()));

    // The answer must really be the deadlines of that incident, not an error or an empty ack.
    const first = await post(agent, oursUrl, bodies[0]!);
    if (first.status !== 200 || !first.text.includes(`BR-${ids[0]!}`) || !/45 CFR|deadlines at/.test(first.text)) {
      throw new Error(`command latency: the first answer is not a deadlines reply (HTTP ${first.status}): ${first.text.slice(0, 300)}`);
    }

    // Let both servers finish their start-up work (background sweeping, compilation) before anything is timed.
    await new Promise((done) => setTimeout(done, SETTLE_MS));
    const ours: number[] = [];
    const bare: number[] = [];
    // Warm-up for both (JIT, sockets, caches), not counted.
    for (let i = 0; i < warmup; i++) {
      await timed(agent, oursUrl, bodies[i]!);
      await timed(agent, bareUrl, bodies[i]!);
    }
    // Alternate in blocks so machine noise lands on both series alike; a short pause between blocks lets one server's
    // background work (concurrent GC threads) end before the other is timed: on 2 cores it would otherwise land there.
    const pause = () => new Promise((done) => setTimeout(done, BLOCK_PAUSE_MS));
    for (let start = 0; start < requests; start += BLOCK) {
      const end = Math.min(requests, start + BLOCK);
      for (let i = start; i < end; i++) ours.push(await timed(agent, oursUrl, bodies[warmup + i]!));
      await pause();
      for (let i = start; i < end; i++) bare.push(await timed(agent, bareUrl, bodies[warmup + i]!));
      await pause();
    }
    const errors = children.flatMap((c) => c.errors);
    if (errors.length > 0) throw new Error(`command latency: errors while measuring: ${errors.slice(0, 3).join('; ')}`);
    return {
      ours: { p50: percentile(ours, 50), p99: percentile(ours, 99) },
      bare: { p50: percentile(bare, 50), p99: percentile(bare, 99) },
    };
  } finally {
    agent.destroy();
    for (const child of children) await child.stop();
    await fake.close();
  }
}

interface Server {
  port: number;
  /** Lines the server wrote to stderr (its logged errors). */
  errors: string[];
  stop(): Promise<void>;
}

/** Spawn bench/latency-server.ts and wait until it prints its port. */
function startServer(args: string[]): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'latency-server.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => errors.push(line));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); // a bench child: nothing to keep
    await exited;
  };
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ port: (JSON.parse(line) as { port: number }).port, errors, stop }));
    void exited.then(() => reject(new Error(`command latency: the ${args[0]} server exited before listening: ${errors.join(' ')}`)));
  });
}

/** How many incidents the store holds, from its folder listing (the server child is the one that loads the store). */
function incidentCount(storePath: string): number {
  const manifest = JSON.parse(readFileSync(storePath, 'utf8')) as { incidentsDir?: string };
  const files = readdirSync(join(dirname(storePath), manifest.incidentsDir ?? '')).filter((f) => /^BR-\d+\.json$/.test(f));
  if (files.length === 0) throw new Error(`command latency: the store at ${storePath} has no incidents`);
  return files.length;
}

/** `n` incident numbers in 1..count, spread pseudo-randomly (fixed seed: the same sequence every run). */
function incidentIds(count: number, n: number): number[] {
  let seed = 0x2545f491;
  return Array.from({ length: n }, () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed % count) + 1;
  });
}

/** Wall time from sending a freshly signed request to the last byte of the response. */
async function timed(agent: Agent, url: URL, body: string): Promise<number> {
  const headers = signatureHeaders(body);
  const t = performance.now();
  const answer = await post(agent, url, body, headers);
  const elapsed = performance.now() - t;
  if (answer.status !== 200) throw new Error(`command latency: ${url.port} answered HTTP ${answer.status}: ${answer.text.slice(0, 200)}`);
  return elapsed;
}

/** POST a signed slash-command body over the keep-alive agent. */
function post(agent: Agent, url: URL, body: string, headers = signatureHeaders(body)): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
