// Outside tester: display names are neither unique nor fixed: a team member may rename themselves after the admin. The
// written record (Markdown and PDF exports) must still say who did what: the platform's id beside each name.
import { describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const ADMIN = { actor: { id: 'U0ADMIN001', name: 'Ada Admin' }, platform: 'slack' as const };
const LOOKALIKE = { actor: { id: 'U0MEMBER01', name: 'Ada Admin' }, platform: 'slack' as const };

describe('people in the Markdown record', () => {
  it('are named with their platform id, so two people of one display name stay apart', async () => {
    const { bot } = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())], { admins: ['slack:U0ADMIN001'] });
    await bot.handle({ ...ADMIN, text: 'member add BR-1 slack:U0MEMBER01' });
    await bot.handle({ ...LOOKALIKE, text: 'set BR-1 status closed' });
    const reply = await bot.handle({ ...LOOKALIKE, text: 'export BR-1 --format md' });
    const md = Buffer.from(reply.file!.content).toString('utf8');
    expect(md).toMatch(/Incident record exported .* by Ada Admin \(slack:U0MEMBER01\)\./);
    expect(md).toMatch(/· Ada Admin \(slack:U0ADMIN001\) · member\.added/);
    expect(md).toMatch(/· Ada Admin \(slack:U0MEMBER01\) · fact\.changed/);
    expect(md).toMatch(/changed .* by Ada Admin \(slack:U0MEMBER01\)/);
  });
});
