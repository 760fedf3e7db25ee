// Outside tester: every free-text field that reaches a scheduled Teams post (the contractual clock's recipient and
// basis, the digest's tasks, roles, organization, vendor, notes) stays inert: no markdown link, mention or control character.
import { afterEach, describe, expect, it } from 'vitest';
import { createScheduler } from '../../bot/scheduler/scheduler.ts';
import { allStrings, dueGdprIncident, RAW_CONTROL } from '../fixtures/frontdoor/hostile-text.ts';
import { createTestBot } from '../helpers/test-bot.ts';
import { startHarness, type Harness } from '../teams/helpers/teams-harness.ts';

const NOW = '2025-03-01T12:00:00Z';
const CONVERSATION = '19:incident-br-1@thread.tacv2';
const MARKDOWN_LINK = /\[[^\]]*\]\([^)]*\)/;
const HOSTILE = '[hhs.gov](https://evil.example/login) <at>General</at> \u001b[2J';
const ADMIN = '0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe('hostile text in scheduled Teams posts', () => {
  it('keeps every free-text field inert in reminders and the daily digest', async () => {
    const test = createTestBot(NOW, [dueGdprIncident(NOW, { platform: 'teams', id: CONVERSATION, linkedAt: NOW, linkedBy: 'Lee', linkedByKey: `teams:${ADMIN}` }, 'Plain title')], { admins: [`teams:${ADMIN}`] });
    h = await startHarness({ test });
    await test.store.update('BR-1', (i) => ({
      ...i,
      channels: [{ ...i.channels[0]!, reference: { channelId: 'msteams', serviceUrl: h.connector.serviceUrl, conversation: { id: CONVERSATION, isGroup: true }, bot: { id: '28:breachdesk', name: 'breachdesk' } } }],
    }));
    const q = JSON.stringify(HOSTILE);
    const actor = { id: ADMIN, name: 'Lee Admin' };
    for (const text of [`set BR-1 org ${q}`, `set BR-1 vendor ${q}`, `set BR-1 commander ${q}`, `task add BR-1 ${HOSTILE}`, `clock add BR-1 --to ${q} --within 1h --from discovery --basis ${q}`, `log BR-1 ${HOSTILE}`]) {
      const reply = await test.bot.handle({ text, actor, platform: 'teams' });
      expect(reply.outcome, `${text}: ${reply.text}`).toBe('ok');
    }
    const scheduler = createScheduler({ store: test.store, rules: test.bot.rules, clock: test.clock, notifier: test.notifier, logger: test.logger, digest: { localTime: '12:30' } });
    const report = await scheduler.tick();
    expect(report.digests).toBeGreaterThan(0);
    expect(h.connector.captured.length).toBeGreaterThan(1);
    const all = h.connector.captured.map((p) => allStrings(p.body)).join('\n');
    expect(all).toContain('hhs.gov');
    for (const post of h.connector.captured) {
      const shown = allStrings(post.body);
      expect(shown).not.toMatch(MARKDOWN_LINK);
      expect(shown).not.toMatch(/<at>/i);
      expect(shown).not.toMatch(RAW_CONTROL);
    }
  });
});
