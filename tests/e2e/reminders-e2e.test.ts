// End to end: the real `npm start` process posts a due GDPR reminder once to a Slack channel and once to a Teams
// conversation (local fakes of both APIs), and a restart sends no duplicate.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFileStore } from '../../data/file-store.ts';
import { seedGdprStore } from './gdpr-seed.ts';
import { FAKE_BOT_TOKEN, startFakeSlack, type FakeSlack } from '../slack/fake-slack.ts';
import { startFakeConnector, type FakeConnector } from '../teams/helpers/fake-connector.ts';

const ROOT = join(import.meta.dirname, '..', '..');
// What `npm start` runs once its build check passes: the bundled bot (the test setup builds it).
const MAIN = join(ROOT, 'bin', 'bot.js');
// Reminders are headed by their recipient (EU-GDPR-33-SA: the supervisory authority).
const REMINDER = 'Deadline reminder · BR-1 · competent supervisory authority';
const TEAMS_CONVERSATION = '19:incident-br-1@thread.tacv2';

let slack: FakeSlack;
let teams: FakeConnector;
let dataPath: string;

async function seedStore(): Promise<void> {
  await seedGdprStore(dataPath, (at) => [
    { platform: 'slack', id: 'C0INCIDENT', linkedAt: at, linkedBy: 'dpo' },
    {
      platform: 'teams', id: TEAMS_CONVERSATION, linkedAt: at, linkedBy: 'dpo',
      reference: { channelId: 'msteams', serviceUrl: teams.serviceUrl, conversation: { id: TEAMS_CONVERSATION, isGroup: true }, bot: { id: '28:breachdesk', name: 'breachdesk' } },
    },
  ]);
}

const botLog: string[] = [];

function startBot(): ChildProcess {
  const home = mkdtempSync(join(tmpdir(), 'breachdesk-e2e-home-'));
  const child = spawn(process.execPath, [MAIN], {
    cwd: home,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH, HOME: home,
      BREACHDESK_DATA: dataPath, BREACHDESK_TICK_SECONDS: '1', PORT: '0', BREACHDESK_LOG_LEVEL: 'debug', // debug: each completed tick is logged
      SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: 'e2e-secret', SLACK_API_URL: slack.apiUrl,
      BREACHDESK_TEAMS_ANONYMOUS: '1',
    },
  });
  child.stderr!.on('data', (chunk: Buffer) => botLog.push(chunk.toString()));
  return child;
}

async function stopBot(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Scheduler ticks completed so far, by every bot started in this file (debug log lines). */
const ticks = () => botLog.join('').split('scheduler: tick done').length - 1;
const slackReminders = () => slack.callsOf('chat.postMessage').filter((c) => String(c.body.text).includes(REMINDER));
const teamsReminders = () => teams.captured.filter((a) => JSON.stringify(a.body).includes(REMINDER));

async function until(condition: () => boolean, ms = 40_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for the bot; its log:\n${botLog.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('reminders end to end', () => {
  beforeAll(async () => {
    slack = await startFakeSlack();
    teams = await startFakeConnector();
    dataPath = join(mkdtempSync(join(tmpdir(), 'breachdesk-e2e-')), 'store.json');
    await seedStore();
  });
  afterAll(async () => {
    await slack.close();
    await teams.close();
  });

  it('posts exactly one reminder to each linked channel, and none again after a restart', { timeout: 90_000 }, async () => {
    const first = startBot();
    try {
      await until(() => slackReminders().length > 0 && teamsReminders().length > 0);
      // Three more completed ticks must not repeat it.
      const ticked = ticks();
      await until(() => ticks() >= ticked + 3);
    } finally {
      await stopBot(first);
    }
    expect(slackReminders()).toHaveLength(1);
    expect(slackReminders()[0]!.body.channel).toBe('C0INCIDENT');
    expect(teamsReminders()).toHaveLength(1);
    expect(teamsReminders()[0]!.conversationId).toBe(TEAMS_CONVERSATION);

    const second = startBot();
    try {
      // Wait until the restarted bot has completed three ticks of its own (the first one plans every incident).
      const ticked = ticks();
      await until(() => ticks() >= ticked + 3);
    } finally {
      await stopBot(second);
    }
    expect(slackReminders()).toHaveLength(1);
    expect(teamsReminders()).toHaveLength(1);

    const store = await openFileStore(dataPath, new Date());
    const deliveries = (await store.get('BR-1'))!.deliveries.filter((d) => d.obligation === 'EU-GDPR-33-SA' && d.outcome === 'delivered');
    await store.close();
    expect(deliveries.map((d) => d.channel).sort()).toEqual(['slack:C0INCIDENT', `teams:${TEAMS_CONVERSATION}`]);
  });
});
