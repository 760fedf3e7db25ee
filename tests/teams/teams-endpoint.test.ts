// The /api/messages endpoint's refusals: malformed bodies (400), not configured (503), after shutdown (503).
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/teams-harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('POST /api/messages refusals', () => {
  it('answers 400 to malformed activities and keeps serving', async () => {
    h = await startHarness();
    const valid = h.activity('personal-message');
    const cases: [string, () => Promise<{ status: number; body: string }>][] = [
      ['not JSON', () => h!.postRaw('{"type": "message",', 'application/json')],
      ['not a JSON content type', () => h!.postRaw('type=message', 'application/x-www-form-urlencoded')],
      ['empty body', () => h!.postRaw('', 'application/json')],
      ['a JSON array', () => h!.post([valid])],
      ['a JSON string', () => h!.postRaw('"message"', 'application/json')],
      ['no type', () => h!.post({ ...valid, type: undefined })],
      ['type of the wrong kind', () => h!.post({ ...valid, type: 42 })],
      ['conversation is a string', () => h!.post({ ...valid, conversation: 'a:1' })],
      ['no serviceUrl', () => h!.post({ ...valid, serviceUrl: undefined })],
      ['serviceUrl not http', () => h!.post({ ...valid, serviceUrl: 'file:///etc/passwd' })],
      ['message without from', () => h!.post({ ...valid, from: undefined })],
      ['entities not an array', () => h!.post({ ...valid, entities: { type: 'mention' } })],
      ['mention without mentioned', () => h!.post({ ...valid, entities: [{ type: 'mention', text: '<at>x</at>' }] })],
    ];
    for (const [name, send] of cases) {
      const res = await send();
      expect(res.status, name).toBe(400);
      expect(JSON.parse(res.body).error, name).toMatch(/activity|JSON/);
    }
    expect(h.connector.captured).toHaveLength(0);
    expect((await h.post(valid)).status).toBe(200);
    expect(h.connector.captured).toHaveLength(1);
  });

  it('answers 503 with a clear message, and logs why, when neither an app id nor anonymous mode is set', async () => {
    h = await startHarness({ config: { appType: 'MultiTenant', anonymous: false } });
    expect(h.teams.mode).toBe('disabled');
    expect(h.teams.notifier).toBeUndefined();
    const res = await h.post(h.activity('personal-message'));
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body).error).toMatch(/MICROSOFT_APP_ID.*BREACHDESK_TEAMS_ANONYMOUS=1/);
    expect(h.test.logger.lines).toContainEqual(expect.stringMatching(/^warn teams: POST \/api\/messages answers 503/));
    expect(h.connector.captured).toHaveLength(0);
  });

  it('warns loudly at start-up in anonymous mode', async () => {
    h = await startHarness();
    expect(h.teams.mode).toBe('anonymous');
    expect(h.test.logger.lines).toContainEqual(expect.stringMatching(/^warn teams: .*UNAUTHENTICATED/));
  });

  it('in anonymous mode refuses (403) an activity whose serviceUrl is not on this machine, and runs nothing', async () => {
    h = await startHarness();
    const before = JSON.stringify(await h.test.store.list());
    for (const serviceUrl of ['https://smba.trafficmanager.net/amer/', 'http://10.0.0.5:3978/', 'http://127.0.0.1.evil.example/']) {
      const res = await h.post({ ...h.activity('personal-message', { text: 'log BR-1 from afar' }), serviceUrl });
      expect(res.status).toBe(403);
    }
    expect(h.connector.captured).toHaveLength(0);
    expect(JSON.stringify(await h.test.store.list())).toBe(before);
    expect(h.test.logger.lines).toContainEqual(expect.stringMatching(/^warn teams: refused an activity: in anonymous mode only a serviceUrl on this machine/));
  });

  it('answers 503 after close', async () => {
    h = await startHarness();
    await h.teams.close();
    expect((await h.post(h.activity('personal-message'))).status).toBe(503);
  });
});
