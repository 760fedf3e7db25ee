// Markdown links, mentions and control characters in user text are neutralised in Teams replies and scheduled posts.
import { afterEach, describe, expect, it } from 'vitest';
import { createScheduler } from '../../bot/scheduler/scheduler.ts';
import { allStrings, dueGdprIncident, HOSTILE_TEAMS_TITLE, RAW_CONTROL } from '../fixtures/frontdoor/hostile-text.ts';
import { createTestBot } from '../helpers/test-bot.ts';
import { startHarness, type Harness } from './helpers/teams-harness.ts';

const NOW = '2025-03-01T12:00:00Z';
const CONVERSATION = '19:incident-br-1@thread.tacv2';
const MARKDOWN_LINK = /\[[^\]]*\]\([^)]*\)/;

let h: Harness;
afterEach(async () => {
  await h?.close();
});

async function harnessWithHostileIncident(): Promise<Harness> {
  // The reference points at the fake connector, which only exists once the harness started: fill it in afterwards.
  const test = createTestBot(NOW, [dueGdprIncident(NOW, { platform: 'teams', id: CONVERSATION, linkedAt: NOW, linkedBy: 'Dana' }, HOSTILE_TEAMS_TITLE)]);
  const harness = await startHarness({ test });
  await test.store.update('BR-1', (i) => ({
    ...i,
    channels: [{ ...i.channels[0]!, reference: { channelId: 'msteams', serviceUrl: harness.connector.serviceUrl, conversation: { id: CONVERSATION, isGroup: true }, bot: { id: '28:breachdesk', name: 'breachdesk' } } }],
  }));
  return harness;
}

describe('Teams safe output', () => {
  it('writes a hostile title out in an answer card: no markdown link, no mention, control characters shown', async () => {
    h = await harnessWithHostileIncident();
    expect((await h.post(h.activity('personal-message', { text: 'show BR-1' }))).status).toBe(200);
    const shown = allStrings(h.connector.captured[0]!.body);
    expect(shown).toContain('Breach https://www.hhs.gov (https://evil.example/login) @General ␛[2J invoice[U+202E]fdp.exe');
    expect(shown).not.toMatch(MARKDOWN_LINK);
    expect(shown).not.toMatch(/<at>/i);
    expect(shown).not.toMatch(RAW_CONTROL);
  });

  it('does the same in a scheduled reminder posted proactively', async () => {
    h = await harnessWithHostileIncident();
    const scheduler = createScheduler({ store: h.test.store, rules: h.test.bot.rules, clock: h.test.clock, notifier: h.test.notifier, logger: h.test.logger });
    const report = await scheduler.tick();
    expect(report.sent).toBeGreaterThan(0);
    expect(h.connector.captured).toHaveLength(report.sent);
    for (const post of h.connector.captured) {
      expect(post.conversationId).toBe(CONVERSATION);
      const shown = allStrings(post.body);
      expect(shown).toContain('https://www.hhs.gov (https://evil.example/login)');
      expect(shown).not.toMatch(MARKDOWN_LINK);
      expect(shown).not.toMatch(/<at>/i);
      expect(shown).not.toMatch(RAW_CONTROL);
    }
  });
});
