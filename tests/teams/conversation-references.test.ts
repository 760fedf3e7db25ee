// The saved-references file: survives restarts, is never overwritten when unreadable, one process at a time.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../bot/clock.ts';
import { conversationKey, openConversationReferences, TeamsReferencesFileError } from '../../adapters/teams/conversation-references.ts';
import { StoreLockedError } from '../../data/store-errors.ts';

const clock = createManualClock('2025-03-01T12:00:00Z');
const reference = (id: string) => ({ serviceUrl: 'https://smba.trafficmanager.net/amer/', channelId: 'msteams', conversation: { id, isGroup: true, conversationType: 'channel', name: 'incident-room' }, bot: { id: '28:bot', name: 'breachdesk' } });

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'breachdesk-refs-'));
  path = join(dir, 'nested', 'teams-references.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('conversation references', () => {
  it('keeps references across restarts', async () => {
    const first = await openConversationReferences(path, clock);
    await first.save(reference('19:a@thread.tacv2'));
    await first.save(reference('a:personal'));
    await first.remove('a:personal');
    await first.close();
    const second = await openConversationReferences(path, clock);
    expect(second.get('19:a@thread.tacv2')).toEqual(reference('19:a@thread.tacv2'));
    expect(second.get('a:personal')).toBeUndefined();
    await second.close();
  });

  it('writes only when a reference changed', async () => {
    const store = await openConversationReferences(path, clock);
    await store.save(reference('19:a@thread.tacv2'));
    clock.advance(60_000);
    await store.save(reference('19:a@thread.tacv2'));
    const saved = JSON.parse(await readFile(path, 'utf8'));
    expect(saved.conversations['19:a@thread.tacv2'].savedAt).toBe('2025-03-01T12:00:00.000Z');
    await store.close();
  });

  it('refuses a corrupt or foreign file and leaves it untouched', async () => {
    await mkdir(dirname(path), { recursive: true });
    for (const content of ['{"format": "breachdesk-teams-ref', '{"incidents": []}', 'null']) {
      await writeFile(path, content);
      const error = await openConversationReferences(path, clock).catch((e: unknown) => e);
      expect(error, content).toBeInstanceOf(TeamsReferencesFileError);
      expect((error as Error).message).toContain(path);
      expect(await readFile(path, 'utf8')).toBe(content);
    }
  });

  it('allows one process at a time', async () => {
    const first = await openConversationReferences(path, clock);
    await expect(openConversationReferences(path, clock)).rejects.toBeInstanceOf(StoreLockedError);
    await first.close();
    await (await openConversationReferences(path, clock)).close();
  });

  it('keys channel threads by their channel', () => {
    expect(conversationKey('19:abc@thread.tacv2;messageid=1740830400451')).toBe('19:abc@thread.tacv2');
    expect(conversationKey('a:personal')).toBe('a:personal');
  });
});
