// Outside tester: a damaged incident file must not show a non-admin in Slack the server's file paths or the
// existence of an incident they could not read; an admin (who can repair it) still sees where and why.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openFileStore } from '../../data/file-store.ts';
import { createBot } from '../../commands/bot.ts';
import { createManualClock } from '../../bot/clock.ts';
import { loadRules } from '../../bot/deadlines/load-rules.ts';
import { createNotifierHub } from '../../bot/notifier-hub.ts';
import { createCommandRegistry } from '../../commands/index.ts';
import { createMemoryLogger, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { NOW, startHarness, type SlackHarness } from '../slack/harness.ts';
import { postToApp, slashBody } from '../slack/signed-request.ts';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
  await h?.store.close();
});

const INTERN = { user_id: 'U0INTERN01', user_name: 'ian.intern', channel_id: 'C0GENERAL1', channel_name: 'general' };
const ADMIN = { user_id: 'U0ADMIN001', user_name: 'ada.admin', channel_id: 'C0PRIVOFF1', channel_name: 'privacy-office' };

async function start(): Promise<{ dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'qa-damaged-'));
  const data = join(dir, 'store.json');
  const seed = await openFileStore(data, new Date(NOW));
  for (const title of ['Stolen laptop', 'Misdirected fax']) await seed.create((id) => makeIncident(id, usHospitalFacts({ title })));
  await seed.close();
  writeFileSync(join(dir, 'store.incidents', 'BR-2.json'), '{"id": "BR-2", "title": "Misdirected fax", "organ');
  const clock = createManualClock(NOW);
  const store = await openFileStore(data, clock.now());
  const logger = createMemoryLogger();
  const notifier = createNotifierHub();
  const bot = createBot({
    store, clock, logger, notifier, rules: loadRules(), registry: createCommandRegistry(),
    config: { defaultTimezone: 'America/Chicago', admins: ['slack:U0ADMIN001'], openers: [] },
  });
  h = await startHarness({ testBot: { bot, store, clock, logger, notifier } });
  return { dir };
}

const slash = async (who: Record<string, string>, text: string) => String((await postToApp(h.eventsUrl, slashBody(text, h.fake.responseUrl(), who))).json?.text);

describe('a damaged incident seen from Slack', () => {
  it('shows an intern neither the damaged incident in list nor the server path when they name it', async () => {
    const { dir } = await start();
    const list = await slash(INTERN, 'list');
    expect(list).not.toContain('BR-2');
    expect(list).not.toContain(dir);
    const show = await slash(INTERN, 'show BR-2');
    expect(show).toMatch(/BR-2 cannot be used: its stored record is damaged/);
    expect(show).not.toContain(dir);
    expect(show).not.toMatch(/\.json/);
  });

  it('still tells an admin which file is damaged, so it can be repaired', async () => {
    const { dir } = await start();
    expect(await slash(ADMIN, 'list')).toMatch(/BR-2 {2}\[damaged\] {2}cannot be read: .*BR-2\.json is not valid JSON/);
    expect(await slash(ADMIN, 'show BR-2')).toContain(join(dir, 'store.incidents', 'BR-2.json'));
  });
});
