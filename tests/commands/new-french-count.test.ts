// `new` reads the count as the organization's people type it: 758.912 is a French thousands grouping (as `set` reads it).
import { describe, expect, it } from 'vitest';
import { createTestBot } from '../helpers/test-bot.ts';

async function open(text: string) {
  const t = createTestBot('2025-02-21T09:00:00Z', []);
  const reply = await t.bot.handle({ text, actor: { id: 'U1', name: 'Sam' }, platform: 'slack' });
  const id = (reply.data as { id?: string } | undefined)?.id;
  return { reply, incident: id ? await t.store.get(id) : undefined };
}

describe('new --affected in the organization’s way of writing numbers', () => {
  it('a French organization’s 758.912 is 758912 people', async () => {
    const { reply, incident } = await open('new Compte volé --discovered "20/02/2025 09:00" --org CH --role controller --country FR --tz Europe/Paris --affected 758.912');
    expect(reply.outcome).toBe('ok');
    expect(incident?.affected.total).toBe(758912);
  });

  it('elsewhere 758.912 is refused as not a whole number, and nothing is opened', async () => {
    const { reply, incident } = await open('new Lost laptop --org Clinic --role covered_entity --country US --tz America/Chicago --affected 758.912');
    expect(reply.outcome).toBe('usage');
    expect(reply.text).toContain('"758.912" is not a whole number');
    expect(incident).toBeUndefined();
  });
});
