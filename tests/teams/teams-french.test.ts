// A French reader in Teams: `due` comes back as a valid card in French, the same answer the core gives.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestBot, makeIncident } from '../helpers/test-bot.ts';
import { frenchHospitalFacts } from '../pictures/fixtures.ts';
import { startHarness, type Harness } from './helpers/teams-harness.ts';
import { adaptiveCardProblems } from './helpers/validate-card.ts';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe('due in Teams, in French', () => {
  it('answers with a French card: title, status words, dates and the Mark done button', async () => {
    // 09:00 in Paris on 21/02/2025; discovered 20/02 09:00 CET, so the SSI notice (due 20/02/2025 23:59 CET) is 9 h overdue.
    h = await startHarness({ test: createTestBot('2025-02-21T08:00:00Z', [makeIncident('BR-2', frenchHospitalFacts())], { defaultOrganization: undefined }) });
    expect((await h.post(h.activity('channel-mention-message', { text: '<at>breachdesk</at> due' }))).status).toBe(200);
    const card = h.connector.captured[0]!.body.attachments[0].content;
    expect(card.body[0].text).toBe('Échéances sous 7 jours');
    const json = JSON.stringify(card);
    expect(json).toContain('🔴 en retard');
    expect(json).toContain('immédiatement, au plus tard 20/02/2025 23:59 CET · en retard de 9 h');
    expect(json).toContain('"title":"Marquer comme faite"');
    expect(json).not.toMatch(/Mark done|overdue|Due within/);
    // The CNIL notice (not overdue) offers Snooze, whose reason prompt is French too.
    expect(json).toContain('"label":"Motif (inscrit dans la chronologie)"');
    expect(json).not.toContain('Reason (recorded on the timeline)');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
});
