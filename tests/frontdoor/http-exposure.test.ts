// What the HTTP server shows to whoever reaches it, and where it listens by default.
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../adapters/config.ts';
import { createHttpServer, type HttpServer } from '../../adapters/http-server.ts';
import { startHarness, type SlackHarness } from '../slack/harness.ts';

let server: HttpServer | undefined;
let h: SlackHarness | undefined;
afterEach(async () => {
  await server?.close();
  await h?.close();
  server = h = undefined;
});

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };
const hostOf = (env: Record<string, string>) => {
  const loaded = loadConfig({ HOME: '/tmp/breachdesk-host-test', ...env });
  return 'config' in loaded ? loaded.config.listenHost : loaded.problems;
};

describe('GET /healthz', () => {
  it('says only ok, with Slack mounted beside it, and nothing else for an unknown path', async () => {
    h = await startHarness();
    const base = h.eventsUrl.replace('/slack/events', '');
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('{"ok":true}');
    const unknown = await fetch(`${base}/admin`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe('{"error":"not found"}');
    expect(unknown.headers.get('x-powered-by')).toBeNull();
  });

  it('says not ok (503) when the bot is not healthy', async () => {
    server = createHttpServer(() => false);
    const port = await server.listen(0, '127.0.0.1');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect([health.status, await health.text()]).toEqual([503, '{"ok":false}']);
  });
});

describe('HOST', () => {
  it.each([
    ['no platform configured', {}, '127.0.0.1'],
    ['Slack over HTTP', SLACK, '0.0.0.0'],
    ['Slack in Socket Mode (nothing must reach us)', { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }, '127.0.0.1'],
    ['Teams with an app id', { MICROSOFT_APP_ID: '00000000-0000-4000-8000-0000000000b1', MICROSOFT_APP_PASSWORD: 'p' }, '0.0.0.0'],
    ['anonymous Teams, even beside Slack', { ...SLACK, BREACHDESK_TEAMS_ANONYMOUS: '1' }, '127.0.0.1'],
    ['an explicit HOST', { ...SLACK, HOST: '10.0.0.7' }, '10.0.0.7'],
  ])('defaults for %s', (_what, env, expected) => {
    expect(hostOf(env)).toBe(expected);
  });

  it('refuses a non-loopback HOST with anonymous Teams, in one line', () => {
    expect(hostOf({ BREACHDESK_TEAMS_ANONYMOUS: '1', HOST: '0.0.0.0' })).toEqual([
      'HOST=0.0.0.0 is not allowed with BREACHDESK_TEAMS_ANONYMOUS=1: the unauthenticated Teams endpoint listens on 127.0.0.1 only',
    ]);
  });
});
