// slack-manifest.yaml and the code agree: one URL, the slash command, the shortcut and the events the listeners expect.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLASH_COMMAND } from '../../adapters/slack/listeners/commands.ts';
import { NEW_SHORTCUT } from '../../adapters/slack/listeners/actions.ts';
import { SLACK_EVENTS_PATH } from '../../adapters/slack/index.ts';
import { startHarness } from './harness.ts';

const manifest = readFileSync(join(import.meta.dirname, '..', '..', 'slack-manifest.yaml'), 'utf8');

describe('slack-manifest.yaml', () => {
  it('points the slash command, interactivity and events at the one Slack endpoint', () => {
    const urls = [...manifest.matchAll(/^\s*(?:url|request_url): (\S+)$/gm)].map((m) => m[1]);
    expect(urls).toEqual(Array(3).fill(`https://YOUR-HOST${SLACK_EVENTS_PATH}`));
  });

  it('declares what the listeners handle, with HTTP mode as the default', () => {
    expect(manifest).toContain(`- command: ${SLASH_COMMAND}\n`);
    expect(manifest).toContain(`callback_id: ${NEW_SHORTCUT}\n`);
    expect(manifest).toMatch(/bot_events:\n\s+- app_mention\n\s+- app_home_opened\n/);
    expect(manifest).toMatch(/^\s+home_tab_enabled: true$/m);
    expect(manifest).toMatch(/^\s+socket_mode_enabled: false$/m);
    for (const scope of ['commands', 'chat:write', 'chat:write.public', 'app_mentions:read', 'users:read', 'channels:read', 'groups:read']) expect(manifest).toMatch(new RegExp(`^\\s+- ${scope}(\\s|$)`, 'm'));
  });

  it('keeps the short description within Slack’s 140 characters', () => {
    expect(/^ {2}description: (.+)$/m.exec(manifest)?.[1]?.length).toBeLessThanOrEqual(140);
  });
});

describe('the shared HTTP server', () => {
  it('still answers /healthz next to /slack/events', async () => {
    const h = await startHarness();
    try {
      const health = await fetch(h.eventsUrl.replace(SLACK_EVENTS_PATH, '/healthz'));
      expect(await health.json()).toMatchObject({ ok: true });
    } finally {
      await h.close();
    }
  });
});
