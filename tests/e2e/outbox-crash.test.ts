// Crash between post and record: the real bot process is SIGKILLed after the fake Slack accepted a reminder but before
// the bot heard back. The restart finds the durable intent and posts once more, marked as a possible repeat (README:
// guarantees).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFileStore } from '../../data/file-store.ts';
import { seedGdprStore } from './gdpr-seed.ts';
import { FAKE_BOT_TOKEN, startFakeSlack, type FakeSlack } from '../slack/fake-slack.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'adapters', 'main.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
// Reminders are headed by their recipient (EU-GDPR-33-SA: the supervisory authority).
const REMINDER = 'Deadline reminder · BR-1 · competent supervisory authority';

let slack: FakeSlack;
let dataPath: string;
const botLog: string[] = [];

function startBot(): { child: ChildProcess; delivered: Promise<void> } {
  const home = mkdtempSync(join(tmpdir(), 'breachdesk-crash-home-'));
  const child = spawn(process.execPath, ['--import', TSX, MAIN], {
    cwd: home,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH, HOME: home,
      BREACHDESK_DATA: dataPath, BREACHDESK_TICK_SECONDS: '1', PORT: '0', BREACHDESK_LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: 'crash-secret', SLACK_API_URL: slack.apiUrl,
    },
  });
  let log = '';
  const delivered = new Promise<void>((resolve) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      botLog.push(chunk.toString());
      log += chunk.toString();
      if (log.includes('scheduler: delivered')) resolve();
    });
  });
  return { child, delivered };
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

const reminders = () => slack.callsOf('chat.postMessage').filter((c) => String(c.body.text).includes(REMINDER));

beforeAll(async () => {
  slack = await startFakeSlack();
  dataPath = join(mkdtempSync(join(tmpdir(), 'breachdesk-crash-')), 'store.json');
  await seedGdprStore(dataPath, (at) => [{ platform: 'slack', id: 'C0INCIDENT', linkedAt: at, linkedBy: 'dpo' }]);
});

afterAll(async () => {
  await slack?.close();
});

describe('a crash between Slack accepting a reminder and the bot recording it', () => {
  it('leaves a durable intent; the restart posts once more, marked as a possible repeat', { timeout: 90_000 }, async () => {
    const accepted = slack.holdNextPost();
    const first = startBot();
    const call = await accepted;
    // Slack has the message; the bot has not heard back: kill it now, with no chance to write anything.
    await stop(first.child, 'SIGKILL');
    expect(String(call.body.text)).toContain(REMINDER);

    const crashed = await openFileStore(dataPath, new Date());
    const afterCrash = (await crashed.get('BR-1'))!;
    await crashed.close();
    expect(afterCrash.deliveries).toEqual([]);
    const intent = afterCrash.outbox.find((o) => o.key.includes('EU-GDPR-33-SA'));
    expect(intent).toMatchObject({ channel: 'slack:C0INCIDENT' });

    const second = startBot();
    await second.delivered;
    await stop(second.child, 'SIGTERM');
    const posts = reminders();
    expect(posts).toHaveLength(2);
    expect(String(posts[0]!.body.text)).not.toContain('Possible repeat');
    expect(String(posts[1]!.body.text)).toContain('Possible repeat');

    const store = await openFileStore(dataPath, new Date());
    const incident = (await store.get('BR-1'))!;
    await store.close();
    expect(incident.outbox).toEqual([]);
    expect(incident.deliveries.filter((d) => d.outcome === 'delivered' && d.obligation === 'EU-GDPR-33-SA').map((d) => d.key)).toEqual([intent!.key]);
    const entry = incident.timeline.find((e) => e.action === 'reminder.delivered' && e.text.includes('EU-GDPR-33-SA'));
    expect(entry?.actor.id).toBe('system');
    expect(entry?.text).toContain('possibly a repeat');

  });
});
