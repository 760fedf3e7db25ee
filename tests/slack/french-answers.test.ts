// A French reader's `/breach due` and `/breach list` in Slack: the same French answer the core gives, in blocks and text.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { frenchHospitalFacts } from '../pictures/fixtures.ts';
import { startHarness, type SlackHarness } from './harness.ts';
import { jsonFixture, postToApp, slashBody } from './signed-request.ts';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

const slash = (text: string) => postToApp(h.eventsUrl, slashBody(text, h.fake.responseUrl()));

describe('/breach in French', () => {
  it('answers `due` in French after `lang fr`: header, lines and buttons', async () => {
    // 09:00 in Paris on 21/02/2025; the hospital discovered the breach on 20/02 09:00 CET, so its SSI notice (due by the
    // end of that day, 20/02/2025 23:59 CET) is 9 h overdue.
    const testBot = createTestBot('2025-02-21T08:00:00Z', [makeIncident('BR-1', usHospitalFacts()), makeIncident('BR-2', frenchHospitalFacts())]);
    h = await startHarness({ testBot });
    expect((await slash('lang fr')).json?.text).toBe('Les réponses qui vous sont adressées sont désormais en français.');
    const due = await slash('due');
    expect(due.json?.response_type).toBe('ephemeral');
    expect(due.json?.text).toMatch(/^Échéances sous 7 jours, 2 incidents ouverts \(retards compris\)\u00a0:/);
    expect(due.json?.text).toContain('immédiatement, au plus tard 20/02/2025 23:59 CET · en retard de 9 h');
    const blocks = JSON.stringify(due.json?.blocks);
    expect(due.json?.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Échéances sous 7 jours' } });
    expect(blocks).toContain('en retard');
    expect(blocks).toContain('Marquer comme faite');
    expect(blocks).not.toMatch(/Mark done|overdue by|Due within/);
  });

  it('answers `list` in French words in Slack too', async () => {
    const testBot = createTestBot('2025-02-21T08:00:00Z', [makeIncident('BR-2', frenchHospitalFacts())]);
    h = await startHarness({ testBot });
    await slash('lang fr');
    const list = await slash('list');
    expect(list.json?.text).toContain('BR-2  [qualification]  Compte EPR à privilèges volé');
    expect(JSON.stringify(list.json?.blocks)).toContain('personnes concernées');
    expect(JSON.stringify(list.json?.blocks)).not.toContain('affected');
  });

  it('writes the App Home tab in French for a deployment whose incidents are all French', async () => {
    // No default organization: with every listed incident French, the list (and so the tab) reads French.
    const testBot = createTestBot('2025-02-21T08:00:00Z', [makeIncident('BR-2', frenchHospitalFacts())], { defaultOrganization: undefined });
    h = await startHarness({ testBot });
    await postToApp(h.eventsUrl, JSON.stringify(jsonFixture('app-home-opened.json')), { contentType: 'application/json' });
    const [publish] = await h.fake.waitFor('views.publish');
    const json = JSON.stringify(JSON.parse(String(publish?.body.view)).blocks);
    expect(json).toContain('Nouvel incident');
    expect(json).toContain('Incidents de violation et toutes les échéances légales de notification.');
    expect(json).toContain('Échéances sous 7 jours');
    expect(json).not.toMatch(/New incident|Due within|affected/);
  });
});
