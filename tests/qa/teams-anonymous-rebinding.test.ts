// Outside tester: in anonymous mode (BREACHDESK_TEAMS_ANONYMOUS=1, local testing) the endpoint listens on 127.0.0.1, but
// a web page the developer opens can still reach it through a name of its own that resolves to 127.0.0.1 (DNS
// rebinding), and post JSON as any user. Its requests carry that name as Host: they must be refused.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { withoutAccessLog } from '../helpers/access-attempts.ts';
import { startHarness, type Harness } from '../teams/helpers/teams-harness.ts';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

/** POST the activity with the Host header a browser would send for a page at `host`. */
function postAs(host: string, activity: unknown): Promise<{ status: number; body: string }> {
  const url = new URL(h.url);
  const body = JSON.stringify(activity);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the anonymous Teams endpoint', () => {
  it('refuses a request addressed to another host name (403), and still serves localhost and 127.0.0.1', async () => {
    h = await startHarness();
    const before = withoutAccessLog(JSON.stringify(await h.test.store.list()));
    const rebound = await postAs('rebind.attacker.example:3978', h.activity('personal-message', { id: 'r1', text: 'set BR-1 status closed' }));
    expect(rebound.status).toBe(403);
    expect(rebound.body).toMatch(/only requests addressed to this machine/);
    expect(withoutAccessLog(JSON.stringify(await h.test.store.list()))).toEqual(before);
    expect(h.connector.captured).toHaveLength(0);
    expect((await postAs(`localhost:${new URL(h.url).port}`, h.activity('personal-message', { id: 'r2', text: 'help' }))).status).toBe(200);
    expect((await postAs(new URL(h.url).host, h.activity('personal-message', { id: 'r3', text: 'help' }))).status).toBe(200);
    expect(h.connector.captured).toHaveLength(2);
  });
});
