// Deadline commands through Teams: the deadlines card and a "done" click recorded under the clicking user.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/teams-harness.ts';
import { adaptiveCardProblems } from './helpers/validate-card.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('deadlines in Teams', () => {
  it('answers `deadlines BR-1` with a valid card listing each notice with its citation', async () => {
    expect((await h.post(h.activity('channel-mention-message', { text: '<at>breachdesk</at> deadlines BR-1' }))).status).toBe(200);
    const card = h.connector.captured[0]!.body.attachments[0].content;
    expect(card.body[0].text).toBe('BR-1 · Deadlines');
    const json = JSON.stringify(card);
    expect(json).toContain('US-HIPAA-164.404-INDIVIDUALS');
    expect(adaptiveCardProblems(card)).toEqual([]);
    // The citation is one click away: in place when the card has room, else in that notice's own card.
    if (!json.includes('45 CFR 164.404')) {
      expect(json).toContain('deadlines BR-1 --only US-HIPAA-164.404-INDIVIDUALS');
      await h.post(h.activity('card-submit', { value: { breachdesk: 'deadlines BR-1 --only US-HIPAA-164.404-INDIVIDUALS' } }));
      expect(h.connector.captured.map((c) => JSON.stringify(c.body)).join('\n').slice(-20000)).toContain('45 CFR 164.404');
    }
  });

  it('records a "done" button click as a sent notice by the clicking user', async () => {
    const value = { breachdesk: 'done BR-1 US-HIPAA-164.404-INDIVIDUALS' };
    expect((await h.post(h.activity('card-submit', { value }))).status).toBe(200);
    const incident = (await h.test.store.get('BR-1'))!;
    expect(incident.notices.map((n) => n.obligation)).toEqual(['US-HIPAA-164.404-INDIVIDUALS']);
    expect(incident.timeline.at(-1)).toMatchObject({
      action: 'notice.sent',
      actor: { id: '0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d', name: 'Lee Counsel', platform: 'teams' },
      at: '2025-03-01T12:00:00.000Z',
    });
    expect(h.connector.captured[0]!.body.text).toContain('Recorded on BR-1');
  });
});
