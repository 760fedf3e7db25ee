// With BREACHDESK_DATA pointing at a PostgreSQL server that does not answer, the CLI and `npm start` stop with one
// line naming the server and the problem (password masked), never a stack trace. Needs no server, so it always runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'breachdesk.js');
// Port 1 on the loopback: nothing listens there, the connection is refused at once.
const URL_NO_SERVER = 'postgres://breachdesk:s3cret@127.0.0.1:1/breachdesk';

function run(args: string[]) {
  const home = mkdtempSync(join(tmpdir(), 'breachdesk-pg-unreachable-'));
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8', cwd: home, timeout: 30_000,
    env: { PATH: process.env.PATH, HOME: home, BREACHDESK_DATA: URL_NO_SERVER, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: 'x', SLACK_API_URL: 'http://127.0.0.1:1/api/', PORT: '0' },
  });
  return { code: r.status, stderr: r.stderr };
}

const EXPECTED = 'breachdesk: cannot open the store: postgres://breachdesk:***@127.0.0.1:1/breachdesk: cannot reach the PostgreSQL server at 127.0.0.1:1 (ECONNREFUSED); check that it runs and the host and port are right\n';

describe('an unreachable PostgreSQL server', () => {
  it('stops the one-shot CLI with one line and exit code 1', () => {
    const r = run([BIN, 'list']);
    expect([r.code, r.stderr]).toEqual([1, EXPECTED]);
  });

  it('stops `npm start` with the same line', () => {
    const r = run([join(ROOT, 'bin', 'bot.js')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(EXPECTED);
  });
});
