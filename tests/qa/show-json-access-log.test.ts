// Outside tester: `access <id>` (the access log) is for admins, yet any team member read the whole log, who looked at
// the incident when and from where, through `show <id> --json`. Left out for non-admins; admins and the export keep it.
import { describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const at = (id: string, name: string) => ({ actor: { id, name }, platform: 'slack' as const, channel: { platform: 'slack' as const, id: 'C0INC00001', name: 'incident' } });
const ADMIN = at('U0ADMIN001', 'ada');
const MEMBER = at('U0MEMBER01', 'mo');

describe('show --json', () => {
  it('leaves the access log out for a team member who is not an admin, and keeps the rest', async () => {
    const { bot } = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())], { admins: ['slack:U0ADMIN001'] });
    expect((await bot.handle({ ...ADMIN, text: 'member add BR-1 slack:U0MEMBER01' })).outcome).toBe('ok');
    expect((await bot.handle({ ...ADMIN, text: 'show BR-1' })).outcome).toBe('ok');
    expect((await bot.handle({ ...MEMBER, text: 'access BR-1' })).outcome).toBe('refused');
    const member = JSON.parse((await bot.handle({ ...MEMBER, text: 'show BR-1 --json' })).text) as Record<string, unknown>;
    expect(member).not.toHaveProperty('accessLog');
    expect(JSON.stringify(member)).not.toContain('U0ADMIN001","name":"ada","platform":"slack"},"channel"');
    expect(member).toMatchObject({ id: 'BR-1', title: expect.any(String), timeline: expect.any(Array), members: [expect.objectContaining({ key: 'slack:U0MEMBER01' })] });
    const admin = JSON.parse((await bot.handle({ ...ADMIN, text: 'show BR-1 --json' })).text) as { accessLog: { kind: string; command: string; actor: { id: string } }[] };
    expect(admin.accessLog.map((e) => [e.kind, e.command, e.actor.id])).toEqual([
      ['read', 'show', 'U0ADMIN001'], ['refused', 'access', 'U0MEMBER01'], ['read', 'show', 'U0MEMBER01'],
    ]);
    // Everything but the log is the same for both.
    const { accessLog: _log, ...adminRest } = admin as unknown as Record<string, unknown>;
    expect(Object.keys(member).sort()).toEqual(Object.keys(adminRest).sort());
  });

  it('the export (the written record) still carries the log for the team', async () => {
    const { bot } = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())], { admins: ['slack:U0ADMIN001'] });
    await bot.handle({ ...ADMIN, text: 'member add BR-1 slack:U0MEMBER01' });
    await bot.handle({ ...ADMIN, text: 'show BR-1' });
    const exported = await bot.handle({ ...MEMBER, text: 'export BR-1 --format json' });
    expect(exported.outcome).toBe('ok');
    expect(JSON.parse(Buffer.from(exported.file!.content).toString('utf8'))).toHaveProperty('accessLog', expect.arrayContaining([expect.objectContaining({ command: 'show' })]));
  });
});
