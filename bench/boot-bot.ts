// The whole bot at start-up: what `npm start` runs (the compiled entry), with Slack (HTTP mode) and Teams configured,
// until it listens.
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

/** Milliseconds from spawning the process until "listening on port", and its resident memory then. */
export function benchBotStartup(storePath: string): Promise<{ readyMs: number; rssMb: number }> {
  execSync('npm run build --silent', { cwd: ROOT, stdio: 'ignore' });
  const home = mkdtempSync(join(tmpdir(), 'breachdesk-boot-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', join(ROOT, 'dist', 'app', 'adapters', 'main.js')], {
    cwd: home,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH, HOME: home, BREACHDESK_DATA: storePath, PORT: '0', BREACHDESK_LOG_LEVEL: 'info',
      // Slack's API is unreachable on purpose: start-up must not wait for it.
      SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench', SLACK_API_URL: 'http://127.0.0.1:9/api/', BREACHDESK_TEAMS_ANONYMOUS: '1',
    },
  });
  return new Promise((resolve, reject) => {
    let log = '';
    let ready: { readyMs: number; rssMb: number } | undefined;
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (ready || !log.includes('listening on port')) return;
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024;
      ready = { readyMs: performance.now() - started, rssMb: rss };
      child.kill('SIGTERM');
    });
    child.once('exit', (code) => (ready ? resolve(ready) : reject(new Error(`the bot exited (${code}) before listening:\n${log}`))));
  });
}
