// Where Teams activities may come from (tenants, loopback) and how often they run, through the real CloudAdapter over HTTP.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TeamsConfig } from '../../adapters/teams/index.ts';
import { createFileBot } from '../helpers/file-bot.ts';
import { startHarness, type Harness } from './helpers/teams-harness.ts';
import { startOpenIdServer, TEST_ISSUER, type OpenIdServer } from './helpers/openid-server.ts';

const APP_ID = '00000000-0000-4000-8000-0000000000b1';
const OWN_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const PARTNER_TENANT = '22222222-2222-4222-8222-222222222222';
const FOREIGN_TENANT = '33333333-3333-4333-8333-333333333333';

let openId: OpenIdServer;
let h: Harness | undefined;
// Two RSA key pairs are generated: slow on a loaded 2-core machine.
beforeAll(async () => {
  openId = await startOpenIdServer();
}, 30_000);
afterAll(async () => {
  await openId.close();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const authenticated = (): TeamsConfig => ({
  appId: APP_ID, appPassword: 'not-used-offline', appType: 'SingleTenant', tenantId: OWN_TENANT, tenants: [PARTNER_TENANT], anonymous: false,
  endpoints: { openIdMetadataUrl: openId.metadataUrl, tokenIssuer: TEST_ISSUER, oauthScope: TEST_ISSUER, loginUrl: 'https://login.test/botframework.com' },
});
const bearer = async (harness: Harness) => ({ authorization: `Bearer ${await openId.token({ aud: APP_ID, serviceurl: harness.connector.serviceUrl })}` });
const inTenant = (harness: Harness, tenant: string | undefined, text: string, id: string) => {
  const activity = harness.activity('personal-message', { text, id });
  return tenant === undefined
    ? { ...activity, channelData: {}, conversation: { ...activity.conversation, tenantId: undefined } }
    : { ...activity, channelData: { tenant: { id: tenant } }, conversation: { ...activity.conversation, tenantId: tenant } };
};

describe('Teams tenants (with an app id)', () => {
  it('refuses (403) a validly signed activity from a foreign tenant, and one naming no tenant; runs and answers nothing', async () => {
    h = await startHarness({ config: authenticated(), outboundToken: async () => 'outbound' });
    const before = JSON.stringify(await h.test.store.list());
    const foreign = await h.post(inTenant(h, FOREIGN_TENANT, 'set BR-1 status closed', 'a1'), await bearer(h));
    const none = await h.post(inTenant(h, undefined, 'set BR-1 status closed', 'a2'), await bearer(h));
    expect([foreign.status, none.status]).toEqual([403, 403]);
    expect(h.connector.captured).toHaveLength(0);
    expect(JSON.stringify(await h.test.store.list())).toBe(before);
    expect(h.test.logger.lines).toContainEqual(expect.stringMatching(/^warn teams: refused an activity: the activity comes from a tenant that is not allowed .*33333333/));
    expect(h.test.logger.lines).toContainEqual(expect.stringMatching(/^warn teams: refused an activity: the activity names no tenant/));
  });

  it('serves MICROSOFT_APP_TENANT_ID and every BREACHDESK_TEAMS_TENANTS tenant', async () => {
    h = await startHarness({ config: authenticated(), outboundToken: async () => 'outbound' });
    expect((await h.post(inTenant(h, OWN_TENANT, 'help', 'b1'), await bearer(h))).status).toBe(200);
    expect((await h.post(inTenant(h, PARTNER_TENANT, 'help', 'b2'), await bearer(h))).status).toBe(200);
    expect(h.connector.captured).toHaveLength(2);
  });
});

describe('Teams private answers (with an app id)', () => {
  it('opens the 1:1 chat and posts the answer there with the outbound token; the channel thread gets the neutral note', async () => {
    h = await startHarness({ config: authenticated(), outboundToken: async () => 'outbound' });
    const res = await h.post(h.activity('channel-mention-message', { text: '<at>breachdesk</at> show BR-1', id: 'd1' }), await bearer(h));
    expect(res.status).toBe(200);
    expect(h.connector.created).toHaveLength(1);
    expect(h.connector.captured.map((c) => [c.conversationId.split(';')[0], c.authorization])).toEqual([
      ['a:personal-29:1Xq3tK9mZ8v0bJdPrivacyOfficerTeamsId', 'Bearer outbound'],
      ['19:4a1f6d2c9e8b4f0aa1b2c3d4e5f60718@thread.tacv2', 'Bearer outbound'],
    ]);
    expect(h.connector.captured[1]!.body.text).toBe('I sent you the answer in a private chat.');
  });
});

describe('Teams identity', () => {
  it('records the AAD object id as the actor id, and the channel account id only when no object id is sent', async () => {
    h = await startHarness();
    await h.post(h.activity('personal-message', { text: 'log BR-1 with an object id', id: 'c1' }));
    const noAad = h.activity('personal-message', { text: 'log BR-1 without one', id: 'c2' });
    await h.post({ ...noAad, from: { id: noAad.from.id, name: 'Dana Privacy' } });
    expect((await h.test.store.get('BR-1'))!.timeline.map((e) => e.actor)).toEqual([
      { id: '6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5', name: 'Dana Privacy', platform: 'teams' },
      { id: '29:1Xq3tK9mZ8v0bJdPrivacyOfficerTeamsId', name: 'Dana Privacy', platform: 'teams' },
    ]);
  });
});

describe('Teams redelivery', () => {
  it('runs a redelivered activity (same activity id) once and answers it once', async () => {
    h = await startHarness({ incidents: [] });
    const activity = h.activity('personal-message', { text: 'new Redelivered incident', id: 'redelivered-1' });
    expect((await h.post(activity)).status).toBe(200);
    expect((await h.post(activity)).status).toBe(200);
    expect((await h.test.store.list()).map((i) => i.title)).toEqual(['Redelivered incident']);
    expect(h.connector.captured).toHaveLength(1);
    expect(h.test.logger.lines).toContainEqual(expect.stringMatching(/^warn teams: ignored a redelivered activity \(same activity id\)/));
  });

  it('still runs it once when it is redelivered after a restart (the store remembers it)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'breachdesk-teams-redelivery-')), 'store.json');
    const run = async () => {
      const test = await createFileBot(path);
      const harness = await startHarness({ test });
      try {
        await harness.post(harness.activity('personal-message', { text: 'new Before the restart', id: 'redelivered-2' }));
        return { titles: (await test.store.list()).map((i) => i.title), answers: harness.connector.captured.length };
      } finally {
        await harness.close();
        await test.store.close();
      }
    };
    expect(await run()).toEqual({ titles: ['Before the restart'], answers: 1 });
    expect(await run()).toEqual({ titles: ['Before the restart'], answers: 0 });
  });
});
