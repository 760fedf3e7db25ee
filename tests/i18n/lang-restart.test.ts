// `lang` is a person's lasting choice: kept by the file store, it still holds after the bot restarts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeIncident } from '../helpers/incidents.ts';
import { frenchHospitalFacts, vendorBreachFacts } from '../pictures/fixtures.ts';
import { createFileBot } from '../helpers/file-bot.ts';
import type { TestBot } from '../helpers/test-bot.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const ask = (t: TestBot, text: string, id = 'U-SAM') => t.bot.handle({ text, actor: { id, name: 'Sam' }, platform: 'slack' });

describe('lang across a restart', () => {
  it('answers Sam in English on a French incident after a restart, Dana still in French; auto is kept too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachdesk-lang-'));
    dirs.push(dir);
    const path = join(dir, 'store.json');
    let t = await createFileBot(path);
    await t.store.create((id) => makeIncident(id, vendorBreachFacts()));
    await t.store.create((id) => makeIncident(id, frenchHospitalFacts()));
    expect((await ask(t, 'lang en')).outcome).toBe('ok');
    expect((await ask(t, 'lang fr', 'U-DANA')).outcome).toBe('ok');
    await t.store.close();

    t = await createFileBot(path);
    expect((await ask(t, 'deadlines BR-2')).card!.title).toBe('BR-2 · Deadlines');
    expect((await ask(t, 'deadlines BR-1', 'U-DANA')).card!.title).toBe('BR-1 · Échéances');
    // Someone who never chose gets each organization's language.
    expect((await ask(t, 'deadlines BR-2', 'U1')).card!.title).toBe('BR-2 · Échéances');
    await ask(t, 'lang auto');
    await t.store.close();

    t = await createFileBot(path);
    expect((await ask(t, 'deadlines BR-2')).card!.title).toBe('BR-2 · Échéances');
    await t.store.close();
  });
});
