// With an app id every request needs a channel token; verified offline against a local OpenID/JWKS server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../bot/reply.ts';
import type { TeamsConfig } from '../../adapters/teams/index.ts';
import { startHarness, type Harness } from './helpers/teams-harness.ts';
import { startOpenIdServer, TEST_ISSUER, type OpenIdServer } from './helpers/openid-server.ts';

const APP_ID = '00000000-0000-4000-8000-0000000000b1';
const OUTBOUND = 'outbound-token-from-test-broker';

let openId: OpenIdServer;
let h: Harness;
beforeAll(async () => {
  openId = await startOpenIdServer();
  const config: TeamsConfig = {
    appId: APP_ID, appPassword: 'not-used-offline', appType: 'MultiTenant', anonymous: false,
    endpoints: { openIdMetadataUrl: openId.metadataUrl, tokenIssuer: TEST_ISSUER, oauthScope: TEST_ISSUER, loginUrl: 'https://login.test/botframework.com' },
  };
  h = await startHarness({ config, outboundToken: async () => OUTBOUND });
});
afterAll(async () => {
  await h.close();
  await openId.close();
});
beforeEach(() => {
  h.connector.captured.length = 0;
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const validClaims = () => ({ aud: APP_ID, serviceurl: h.connector.serviceUrl });

describe('Teams authentication', () => {
  it('runs in authenticated mode', () => {
    expect(h.teams.mode).toBe('authenticated');
  });

  it('answers 401 without a token, with a garbage token, and with a token from a key not in the JWKS', async () => {
    const activity = h.activity('personal-message');
    expect((await h.post(activity)).status).toBe(401);
    expect((await h.post(activity, bearer('not-a-jwt'))).status).toBe(401);
    expect((await h.post(activity, bearer(await openId.token(validClaims(), { signWith: 'stranger' })))).status).toBe(401);
    expect(h.connector.captured).toHaveLength(0);
    expect((await h.test.store.get('BR-1'))!.timeline).toHaveLength(0);
  });

  it('accepts a token signed by the channel key, and replies with the outbound token', async () => {
    const res = await h.post(h.activity('personal-message'), bearer(await openId.token(validClaims())));
    expect(res.status).toBe(200);
    expect(h.connector.captured).toHaveLength(1);
    expect(h.connector.captured[0]!.authorization).toBe(`Bearer ${OUTBOUND}`);
  });

  it('refuses a token addressed to another bot (wrong audience)', async () => {
    const token = await openId.token({ ...validClaims(), aud: '11111111-1111-4111-8111-111111111111' });
    const res = await h.post(h.activity('channel-mention-message', { text: '<at>breachdesk</at> log BR-1 should not be recorded' }), bearer(token));
    expect(res.status).toBe(401);
    expect(h.connector.captured).toHaveLength(0);
    expect((await h.test.store.get('BR-1'))!.timeline).toHaveLength(0);
  });

  it('refuses an expired token, a wrong issuer, and a token for another service URL', async () => {
    const activity = h.activity('personal-message');
    expect((await h.post(activity, bearer(await openId.token(validClaims(), { expiresIn: '-10min' })))).status).toBe(401);
    expect((await h.post(activity, bearer(await openId.token({ ...validClaims(), iss: 'https://evil.test' })))).status).toBe(401);
    expect((await h.post(activity, bearer(await openId.token({ ...validClaims(), serviceurl: 'https://evil.test/' })))).status).toBe(401);
    expect(h.connector.captured).toHaveLength(0);
  });

  it('sends proactive posts with the outbound token', async () => {
    await h.post(h.activity('personal-message', { text: 'help' }), bearer(await openId.token(validClaims())));
    h.connector.captured.length = 0;
    await h.test.notifier.post({ platform: 'teams', id: 'a:1pL8s2XkQ0wPersonalChatWithDanaPrivacy' }, ok('reminder'));
    expect(h.connector.captured[0]!.authorization).toBe(`Bearer ${OUTBOUND}`);
  });
});
