// Outside tester: a hostile Teams user through botbuilder over HTTP. Forged card submissions (a command the user
// could not run, a reason that tries to smuggle options) and an oversized activity change nothing and are answered.
import { afterEach, describe, expect, it } from 'vitest';
import { withoutAccessLog } from '../helpers/access-attempts.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { startHarness, type Harness } from '../teams/helpers/teams-harness.ts';

const ADMIN_ID = '0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d';
const OUTSIDER_ID = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const OBLIGATION = 'US-HIPAA-164.404-INDIVIDUALS';

let h: Harness;
let n = 0;
afterEach(async () => {
  await h?.close();
});

const start = () => startHarness({ test: createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())], { admins: [`teams:${ADMIN_ID}`] }) });
const snapshot = async () => withoutAccessLog(JSON.stringify(await h.test.store.list()));

async function submit(aad: string, value: unknown): Promise<string> {
  const before = h.connector.captured.length;
  const activity = h.activity('card-submit', { id: `1740830530${String(++n).padStart(3, '0')}`, from: { id: `29:${aad}`, name: 'Someone', aadObjectId: aad }, value });
  expect((await h.post(activity)).status).toBe(200);
  return h.connector.captured.slice(before).map((c) => JSON.stringify(c.body)).join('\n');
}

describe('a hostile Teams user', () => {
  it('is refused a forged card submission on an incident they are not on; nothing changes, the access log has it', async () => {
    h = await start();
    const before = await snapshot();
    const answer = await submit(OUTSIDER_ID, { breachdesk: `done BR-1 ${OBLIGATION}` });
    expect(answer).toMatch(/BR-1 is restricted to its response team/);
    expect(await snapshot()).toEqual(before);
    expect((await h.test.store.get('BR-1'))!.accessLog).toEqual([expect.objectContaining({ kind: 'refused', command: 'done', actor: expect.objectContaining({ id: OUTSIDER_ID }) })]);
  });

  it("keeps a snooze reason one argument: quotes in it cannot add options to the admin's command", async () => {
    h = await start();
    const reason = `mail house" --until "2025-04-21 23:00' --for '30d`;
    await submit(ADMIN_ID, { breachdesk: `snooze BR-1 ${OBLIGATION} --for 1d`, breachdeskReasonInput: 'r', r: reason });
    const snoozed = (await h.test.store.get('BR-1'))!.timeline.at(-1)!;
    expect(snoozed.action).toBe('reminder.snoozed');
    // One day from 2025-03-01T12:00Z, as the button asked: not the smuggled --until or 30 days.
    expect(snoozed.changes?.[0]?.to).toMatchObject({ until: '2025-03-02T06:00:00.000-06:00' });
  });

  it('answers an oversized activity without running it or crashing', async () => {
    h = await start();
    const before = await snapshot();
    const activity = h.activity('channel-mention-message', { id: '1740830540001', text: `<at>breachdesk</at> log BR-1 ${'x'.repeat(300_000)}`, from: { id: `29:${ADMIN_ID}`, name: 'Lee Admin', aadObjectId: ADMIN_ID } });
    const answer = await h.post(activity);
    expect([200, 400, 413]).toContain(answer.status);
    expect(answer.body).not.toMatch(/at .*\.(ts|js):\d+|PayloadTooLargeError|stack/);
    expect(await snapshot()).toEqual(before);
    // Still serving afterwards.
    expect((await submit(ADMIN_ID, { breachdesk: 'log BR-1 still here' }))).toMatch(/Noted on BR-1/);
  });
});
