// Start-up: an unreachable Slack never crashes it, the identity is retried in the background, settings are checked.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../adapters/http-server.ts';
import { slackConfigFromEnv, startSlack, type SlackHandle } from '../../adapters/slack/index.ts';
import { createTestBot } from '../helpers/test-bot.ts';
import { FAKE_BOT_TOKEN, startFakeSlack, type FakeSlack } from './fake-slack.ts';
import { NOW, TEST_RETRY } from './harness.ts';
import { postToApp, SIGNING_SECRET, slashBody } from './signed-request.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A port nothing listens on: connections are refused, like a Slack that cannot be reached. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('Slack start-up', () => {
  it('starts with the Web API unreachable, logs one clear line, and still answers slash commands', async () => {
    const t = createTestBot(NOW);
    const http = createHttpServer();
    const apiUrl = `http://127.0.0.1:${await deadPort()}/api`;
    const slack = await startSlack({
      bot: t.bot, http, notifierHub: t.notifier, logger: t.logger, seenRequests: t.store,
      config: { botToken: FAKE_BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl },
      tuning: { processBeforeResponse: true, retryConfig: TEST_RETRY, identityRetryDelaysMs: [60_000] },
    });
    const port = await http.listen(0, '127.0.0.1');
    cleanups.push(() => http.close(), () => slack.stop());
    await until(() => t.logger.lines.some((l) => l.includes('unreachable')));
    const lines = t.logger.lines.filter((l) => l.includes('unreachable'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warn Slack Web API unreachable at http:\/\/127\.0\.0\.1:\d+\/api\/ \(auth\.test: .+\); breachdesk keeps running and retries in 60s/);
    const answer = await postToApp(`http://127.0.0.1:${port}/slack/events`, slashBody('list', 'http://127.0.0.1:1/unused'));
    expect(answer.json?.response_type).toBe('ephemeral');
  });

  it('resolves the bot identity once Slack comes back', async () => {
    const fake: FakeSlack = await startFakeSlack();
    fake.down = true;
    const t = createTestBot(NOW);
    const http = createHttpServer();
    const slack: SlackHandle = await startSlack({
      bot: t.bot, http, notifierHub: t.notifier, logger: t.logger, seenRequests: t.store,
      config: { botToken: FAKE_BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl },
      tuning: { retryConfig: TEST_RETRY, identityRetryDelaysMs: [100] },
    });
    cleanups.push(() => fake.close(), () => slack.stop());
    await until(() => t.logger.lines.some((l) => l.includes('unreachable')));
    expect(slack.identity.current().botUserId).toBeUndefined();
    fake.down = false;
    await expect(slack.identity.resolved).resolves.toEqual({ botId: 'BBOT', botUserId: 'UBOT', teamId: 'T0001' });
    expect(t.logger.lines.at(-1)).toContain('Slack connected as breachdesk in Example Hospital');
  });

  it('skips auth.test entirely when the bot ids are configured', async () => {
    const fake = await startFakeSlack();
    const t = createTestBot(NOW);
    const slack = await startSlack({
      bot: t.bot, http: createHttpServer(), notifierHub: t.notifier, logger: t.logger, seenRequests: t.store,
      config: { botToken: FAKE_BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, botId: 'B1', botUserId: 'U1' },
    });
    cleanups.push(() => fake.close(), () => slack.stop());
    await expect(slack.identity.resolved).resolves.toEqual({ botId: 'B1', botUserId: 'U1' });
    expect(fake.callsOf('auth.test')).toEqual([]);
  });

  it('refuses HTTP mode without a signing secret or without the shared server, with a clear message', async () => {
    const t = createTestBot(NOW);
    const base = { bot: t.bot, notifierHub: t.notifier, logger: t.logger, seenRequests: t.store };
    await expect(startSlack({ ...base, http: createHttpServer(), config: { botToken: FAKE_BOT_TOKEN } })).rejects.toThrow(/SLACK_SIGNING_SECRET/);
    await expect(startSlack({ ...base, config: { botToken: FAKE_BOT_TOKEN, signingSecret: SIGNING_SECRET } })).rejects.toThrow(/shared HTTP server/);
  });

  it('builds Socket Mode from SLACK_APP_TOKEN, tries to connect through SLACK_API_URL, and survives the refusal', async () => {
    const fake = await startFakeSlack();
    fake.script('apps.connections.open', { body: { ok: false, error: 'invalid_auth' } });
    const t = createTestBot(NOW);
    const slack = await startSlack({
      bot: t.bot, notifierHub: t.notifier, logger: t.logger, seenRequests: t.store,
      config: { botToken: FAKE_BOT_TOKEN, appToken: 'xapp-1-test', apiUrl: fake.apiUrl },
      tuning: { retryConfig: { retries: 0 }, socketRetryDelaysMs: [60_000] },
    });
    cleanups.push(() => fake.close(), () => slack.stop());
    expect(slack.mode).toBe('socket');
    const [open] = await fake.waitFor('apps.connections.open');
    expect(open?.headers.authorization).toBe('Bearer xapp-1-test');
    await until(() => t.logger.lines.some((l) => l.includes('Socket Mode could not connect')));
  });
});

describe('slackConfigFromEnv', () => {
  it('reads the SLACK_* variables', () => {
    expect(slackConfigFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api/' })).toEqual({
      config: { botToken: 'xoxb-1', signingSecret: 's', apiUrl: 'http://127.0.0.1:9/api/' },
      problems: [],
    });
    expect(slackConfigFromEnv({})).toEqual({ problems: [] });
  });

  it('names each incomplete combination', () => {
    expect(slackConfigFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1' }).problems).toEqual([expect.stringContaining('neither SLACK_SIGNING_SECRET')]);
    expect(slackConfigFromEnv({ SLACK_APP_TOKEN: 'xapp-1' }).problems).toEqual([expect.stringContaining('SLACK_BOT_TOKEN is missing')]);
    expect(slackConfigFromEnv({ SLACK_BOT_TOKEN: 'x', SLACK_APP_TOKEN: 'y', SLACK_API_URL: 'nope' }).problems).toEqual([expect.stringContaining('SLACK_API_URL')]);
  });
});
