// The whole bot at start-up: what `npm start` runs (bin/bot.js: the bundled bot from V8's code cache), with Slack (HTTP
// mode) and Teams configured, until it listens; after one untimed start, as a restarted installation has its cache.
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

/** Start-up of the whole bot: time until it listens and memory then (median of three starts), the peak while the scheduler plans every
 * incident, and the memory once that is done. */
export interface BotStartup {
  readyMs: number;
  rssMb: number;
  planMs: number;
  peakRssMb: number;
  settledRssMb: number;
}

function rssOf(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024;
  } catch {
    return Number.NaN; // the process has just exited
  }
}

/** Spawn what `npm start` runs on `storePath`, in `home`. */
function spawnBot(storePath: string, home: string) {
  return spawn(process.execPath, [join(ROOT, 'bin', 'bot.js')], {
    cwd: home,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH, HOME: home, BREACHDESK_DATA: storePath, PORT: '0', BREACHDESK_LOG_LEVEL: 'info',
      // Slack's API is unreachable on purpose: start-up must not wait for it.
      SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench', SLACK_API_URL: 'http://127.0.0.1:9/api/', BREACHDESK_TEAMS_ANONYMOUS: '1',
    },
  });
}

/** One start until listening, then a normal stop: its time and memory then (it also leaves the caches in `home`). */
function startUntilListening(storePath: string, home: string): Promise<{ readyMs: number; rssMb: number }> {
  const started = performance.now();
  const child = spawnBot(storePath, home);
  let log = '';
  let ready: { readyMs: number; rssMb: number } | undefined;
  child.stderr!.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    if (ready || !log.includes('listening on port')) return;
    ready = { readyMs: performance.now() - started, rssMb: rssOf(child.pid!) };
    child.kill('SIGTERM');
  });
  return new Promise((resolve, reject) => child.once('exit', () => (ready ? resolve(ready) : reject(new Error(`the bot did not start:\n${log}`)))));
}

/**
 * The bundled bot on `storePath`: one untimed start (the code cache), then the median of three starts until listening,
 * then a fourth start watched until the scheduler has planned every incident.
 */
export async function benchBotStartup(storePath: string): Promise<BotStartup> {
  execSync('npm run build --silent', { cwd: ROOT, stdio: 'ignore' });
  const home = mkdtempSync(join(tmpdir(), 'breachdesk-boot-'));
  await startUntilListening(storePath, home);
  const starts: Array<{ readyMs: number; rssMb: number }> = [];
  for (let i = 0; i < 3; i++) starts.push(await startUntilListening(storePath, home));
  const median = { readyMs: starts.map((x) => x.readyMs).sort((a, b) => a - b)[1]!, rssMb: starts.map((x) => x.rssMb).sort((a, b) => a - b)[1]! };
  const started = performance.now();
  const child = spawnBot(storePath, home);
  return new Promise((resolve, reject) => {
    let log = '';
    let ready: { readyMs: number; rssMb: number } | undefined;
    let peak = 0;
    let result: BotStartup | undefined;
    let last = Number.NaN;
    const sampler = setInterval(() => {
      if (!ready || result) return;
      const rss = rssOf(child.pid!);
      if (Number.isFinite(rss)) last = rss;
      peak = Math.max(peak, rss || 0);
    }, 250);
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (!ready && log.includes('listening on port')) ready = { readyMs: performance.now() - started, rssMb: rssOf(child.pid!) };
      if (ready && !result && log.includes('scheduler: planned')) {
        const planMs = performance.now() - started - ready.readyMs;
        // Let the collector run once the planning garbage is gone, as it would in a bot left running.
        setTimeout(() => {
          // The last sample stands in when /proc cannot be read at this instant (seen once in a full run).
          const settled = rssOf(child.pid!);
          result = { ...median, planMs, peakRssMb: Math.max(peak, ready!.rssMb), settledRssMb: Number.isFinite(settled) ? settled : last };
          child.kill('SIGTERM');
        }, 5000);
      }
    });
    child.once('exit', (code) => {
      clearInterval(sampler);
      if (result) resolve(result);
      else reject(new Error(`the bot exited (${code}) before it had planned every incident:\n${log}`));
    });
  });
}
