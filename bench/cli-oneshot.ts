// One-shot processes as a user or a script runs them, wall time from spawn to exit: the compiled CLI's `deadlines` and
// `due` against `node -e 0` and `show`, and `npm start` (build up to date) until it listens.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from './stats.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'breachdesk.js');

/**
 * The environment of the one-shot runs: this one without NODE_EXTRA_CA_CERTS. Node reads and parses that file of
 * certificates at every start (about 85 ms on this machine, where it names the system's whole CA bundle, against
 * about 40 ms for the rest of `node -e 0`); the goals were set against a bare Node start without it. The rows measured
 * with it are printed beside (`withMachineEnv`).
 */
export function oneShotEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** Median wall time (ms) of `runs` spawns of node with `args`, after one untimed run (the build check, OS caches). */
export function medianWall(args: string[], runs = 7, cwd = ROOT, env: NodeJS.ProcessEnv = oneShotEnv()): number {
  const once = () => {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
    return performance.now() - t;
  };
  once();
  return percentile(Array.from({ length: runs }, once), 50);
}

/** One-shot figures measured again in this process's own environment, when it sets NODE_EXTRA_CA_CERTS. */
export interface MachineEnvFigures {
  deadlinesMs: number;
  bareMs: number;
}

/** `breachdesk deadlines BR-1` on `storePath` against a bare `node -e 0` (and both again with NODE_EXTRA_CA_CERTS, if set). */
export function benchOneShotDeadlines(storePath: string, now: Date): { deadlinesMs: number; bareMs: number; withMachineEnv?: MachineEnvFigures } {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
  const cli = (...words: string[]) => [BIN, '--data', storePath, '--now', now.toISOString(), ...words];
  const measure = (env: NodeJS.ProcessEnv) => {
    // Alternated, so machine noise lands on both alike.
    const deadlines: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 5; i++) {
      deadlines.push(medianWall(cli('deadlines', 'BR-1'), 3, ROOT, env));
      bare.push(medianWall(['-e', '0'], 3, ROOT, env));
    }
    return { deadlinesMs: percentile(deadlines, 50), bareMs: percentile(bare, 50) };
  };
  const clean = measure(oneShotEnv());
  return process.env.NODE_EXTRA_CA_CERTS ? { ...clean, withMachineEnv: measure(process.env) } : clean;
}

/** `breachdesk due --within 7d` against `breachdesk show BR-1` on the same store (the index file already beside it). */
export function benchOneShotDue(storePath: string, now: Date): { dueMs: number; showMs: number } {
  const cli = (...words: string[]) => [BIN, '--data', storePath, '--now', now.toISOString(), ...words];
  const due: number[] = [];
  const show: number[] = [];
  // 9 × 3 runs (the other one-shot rows take 5 × 3): the two are within a fifth of each other, and with 5 × 3 the
  // ratio of the medians moved by ±0.1 between full runs on this shared machine.
  for (let i = 0; i < 9; i++) {
    due.push(medianWall(cli('due', '--within', '7d'), 3));
    show.push(medianWall(cli('show', 'BR-1'), 3));
  }
  return { dueMs: percentile(due, 50), showMs: percentile(show, 50) };
}

/** `npm start` with the build up to date, until the bot listens (Slack and Teams configured), against `node -e 0`. */
export async function benchNpmStartWarm(storePath: string): Promise<{ startMs: number; bareMs: number }> {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
  const home = mkdtempSync(join(tmpdir(), 'breachdesk-start-'));
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const t = performance.now();
      const child = spawn('npm', ['start', '--silent', '--prefix', ROOT], {
        cwd: home, stdio: ['ignore', 'ignore', 'pipe'], detached: true,
        env: {
          PATH: process.env.PATH, HOME: home, BREACHDESK_DATA: storePath, PORT: '0', BREACHDESK_LOG_LEVEL: 'info',
          SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench', SLACK_API_URL: 'http://127.0.0.1:9/api/', BREACHDESK_TEAMS_ANONYMOUS: '1',
        },
      });
      let log = '';
      let took: number | undefined;
      child.stderr!.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (took === undefined && log.includes('listening on port')) {
          took = performance.now() - t;
          process.kill(-child.pid!, 'SIGTERM'); // npm and the bot it started: the group this bench made
        }
      });
      child.once('exit', () => {
        if (took === undefined) return reject(new Error(`npm start exited before listening:\n${log}`));
        // The bot (npm's child) releases the store lock as it stops: wait until the whole group has exited.
        const gone = () => {
          try {
            process.kill(-child.pid!, 0);
            setTimeout(gone, 50);
          } catch {
            resolve(took!);
          }
        };
        gone();
      });
    });
  await once();
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(await once());
  return { startMs: percentile(runs, 50), bareMs: medianWall(['-e', '0'], 5) };
}
