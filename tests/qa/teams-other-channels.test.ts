// Outside tester: the Azure Bot behind the Teams front door also has Web Chat / Direct Line channels (Web Chat is on by
// default). There the client writes its own `from` and `channelData`: it could name an admin's Entra object id and an
// allowed tenant. Only Teams activities may run commands when an app id is configured.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TeamsConfig } from '../../adapters/teams/index.ts';
import { withoutAccessLog } from '../helpers/access-attempts.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { startHarness, type Harness } from '../teams/helpers/teams-harness.ts';
import { startOpenIdServer, TEST_ISSUER, type OpenIdServer } from '../teams/helpers/openid-server.ts';

const APP_ID = '00000000-0000-4000-8000-0000000000b1';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const ADMIN_ID = '0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d';

let openId: OpenIdServer;
let h: Harness | undefined;
// The channel's key signs for Teams and Web Chat alike, as the Bot Framework's keys do.
beforeAll(async () => {
  openId = await startOpenIdServer(['msteams', 'webchat', 'directline']);
}, 30_000);
afterAll(async () => {
  await openId.close();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const config = (): TeamsConfig => ({
  appId: APP_ID, appPassword: 'not-used-offline', appType: 'SingleTenant', tenantId: TENANT, anonymous: false,
  endpoints: { openIdMetadataUrl: openId.metadataUrl, tokenIssuer: TEST_ISSUER, oauthScope: TEST_ISSUER, loginUrl: 'https://login.test/botframework.com' },
});

describe('a Web Chat user posing as a Teams admin', () => {
  it('is refused (403) before anything runs; a Teams activity with the same token still runs', async () => {
    h = await startHarness({ config: config(), outboundToken: async () => 'outbound', test: createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())], { admins: [`teams:${ADMIN_ID}`] }) });
    const before = withoutAccessLog(JSON.stringify(await h.test.store.list()));
    const token = { authorization: `Bearer ${await openId.token({ aud: APP_ID, serviceurl: h.connector.serviceUrl })}` };
    const forged = h.activity('personal-message', {
      id: 'w1', channelId: 'webchat', text: 'set BR-1 status closed',
      from: { id: ADMIN_ID, name: 'Ada Admin', aadObjectId: ADMIN_ID },
      conversation: { id: 'webchat-conversation-1', tenantId: TENANT },
    });
    const answer = await h.post(forged, token);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/only Microsoft Teams activities are accepted/);
    expect(h.connector.captured).toHaveLength(0);
    expect(withoutAccessLog(JSON.stringify(await h.test.store.list()))).toEqual(before);
    expect(h.test.logger.lines).toContainEqual(expect.stringMatching(/^warn teams: refused an activity: only Microsoft Teams activities are accepted \(this one came through "webchat"\)/));
    // The same person through Teams itself is served.
    const real = await h.post(h.activity('personal-message', { id: 'w2', text: 'help', from: { id: '29:1AdaAdmin', name: 'Ada Admin', aadObjectId: ADMIN_ID } }), token);
    expect(real.status).toBe(200);
    expect(h.connector.captured).toHaveLength(1);
  });
});
