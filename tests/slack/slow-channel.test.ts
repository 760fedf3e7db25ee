// One slow channel does not hold the others: the real scheduler and Slack notifier (one attempt per post, the client's
// own retries off) against a fake Slack that answers one channel after 3 s, past the client's timeout (2 s here, so the
// test does not wait out the production 10 s).
import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackNotifier } from '../../adapters/slack/notifier.ts';
import { NOTIFIER_CLIENT_OPTIONS } from '../../adapters/slack/slack-config.ts';
import { createManualClock } from '../../bot/clock.ts';
import { createScheduler } from '../../bot/scheduler/scheduler.ts';
import { createMemoryStore } from '../../data/memory-store.ts';
import { createMemoryLogger } from '../helpers/test-bot.ts';
import { channel, rules, smallUsIncident } from '../scheduler/helpers.ts';
import { FAKE_BOT_TOKEN, startFakeSlack, type FakeSlack } from './fake-slack.ts';

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.close();
});

// smallUsIncident: the HIPAA individuals notice's 14-day reminder is due 2025-04-07 at 14:00 UTC.
const STEP_AT = '2025-04-07T14:00:00Z';
const TIMEOUT_MS = 2_000;

describe('a Slack channel answering after its timeout', () => {
  it('gets one post per attempt while the other channels are served at once; its retry is marked as a possible repeat', { timeout: 20_000 }, async () => {
    fake = await startFakeSlack();
    fake.slowChannel('CSLOW', TIMEOUT_MS + 1_000);
    const store = createMemoryStore([smallUsIncident({}, ['CSLOW', 'C2', 'C3', 'C4'].map((id) => channel('slack', id)))]);
    const clock = createManualClock(STEP_AT);
    const client = new webApi.WebClient(FAKE_BOT_TOKEN, { slackApiUrl: fake.apiUrl, ...NOTIFIER_CLIENT_OPTIONS, timeout: TIMEOUT_MS });
    const scheduler = createScheduler({ store, rules: rules(), clock, notifier: createSlackNotifier(client), logger: createMemoryLogger() });
    const othersRecorded = new Promise<number>((resolve) => {
      const started = performance.now();
      store.onChange((incident) => {
        if (incident.deliveries.length === 3) resolve(performance.now() - started);
      });
    });

    const tick = scheduler.tick();
    const othersMs = await othersRecorded;
    // Served before the slow channel's timeout.
    expect(othersMs).toBeLessThan(TIMEOUT_MS);
    expect((await store.get('BR-1'))!.deliveries.map((d) => d.channel).sort()).toEqual(['slack:C2', 'slack:C3', 'slack:C4']);

    const report = await tick;
    expect(report).toMatchObject({ sent: 3, failed: 1 });
    const toSlow = () => fake!.callsOf('chat.postMessage').filter((c) => c.body.channel === 'CSLOW');
    expect(toSlow()).toHaveLength(1);
    expect((await store.get('BR-1'))!.outbox.map((o) => o.channel)).toEqual(['slack:CSLOW']);

    // The scheduler's backoff (30 s) is its only retry; Slack may have posted the first one, so this one says so.
    fake.slowChannel('CSLOW', 0);
    clock.set('2025-04-07T14:00:30Z');
    expect(await scheduler.tick()).toMatchObject({ sent: 1, failed: 0 });
    expect(toSlow()).toHaveLength(2);
    expect(String(toSlow()[1]!.body.text)).toMatch(/^Possible repeat/);
    const incident = (await store.get('BR-1'))!;
    expect(incident.outbox).toEqual([]);
    expect(incident.deliveries).toHaveLength(4);
    await scheduler.stop();
  });
});
