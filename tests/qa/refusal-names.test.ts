// Outside tester: a refusal to someone outside the team quoted the commander's role as typed. A role is free text
// ("Dana Ruiz, CISO: Acme ransomware, 40k SSNs"), so the refusal told an outsider incident detail. It names the
// commander only by user key, and otherwise asks for the commander by role.
import { describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const OUTSIDER = { actor: { id: 'U0INTERN01', name: 'ian' }, platform: 'slack' as const, channel: { platform: 'slack' as const, id: 'C0GENERAL1', name: 'general' } };

async function refusalWith(commander: string): Promise<string> {
  const { bot } = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts({ roles: { commander } }))], { admins: ['slack:U0ADMIN001'] });
  const answer = await bot.handle({ ...OUTSIDER, text: 'show BR-1' });
  expect(answer.outcome).toBe('refused');
  return answer.text;
}

describe('a refusal to an outsider', () => {
  it('does not quote a commander typed as free text', async () => {
    const text = await refusalWith('Dana Ruiz, CISO: Acme ransomware, 40k SSNs');
    expect(text).not.toMatch(/Dana|Acme|ransomware|SSN/);
    expect(text).toMatch(/^BR-1 is restricted to its response team; ask its commander or an admin to add you/);
  });

  it('does not quote the label of a Slack mention, only the user key', async () => {
    const text = await refusalWith('<@U0COMMAND1|acme-ransomware-lead>');
    expect(text).not.toMatch(/acme|ransomware/i);
    expect(text).toContain('ask its commander (slack:U0COMMAND1) or an admin');
  });

  it('names a commander given as a user key (free text around it is not quoted)', async () => {
    expect(await refusalWith('teams:6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5')).toContain('ask its commander (teams:6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5) or an admin');
    const text = await refusalWith('Acme breach lead slack:U0COMMAND1');
    expect(text).toContain('ask its commander (slack:U0COMMAND1) or an admin');
    expect(text).not.toContain('Acme');
  });
});

describe('a refusal to an outsider, with no commander', () => {
  const refusalOpenedBy = async (actor: { id: string; name: string }, platform: 'slack' | 'cli') => {
    const { bot } = createTestBot('2025-03-01T12:00:00Z', [], { admins: ['slack:U0ADMIN001'], openers: [] });
    const opened = await bot.handle({ argv: ['new', 'Stolen', 'laptop', '--discovered', '2025-02-28T10:00:00Z', '--org', 'Example Hospital', '--affected', '40'], actor, platform });
    expect(opened.outcome).toBe('ok');
    const answer = await bot.handle({ ...OUTSIDER, text: 'show BR-1' });
    expect(answer.outcome).toBe('refused');
    return answer.text;
  };

  it('names the opener by user key, not by the display name the platform gave', async () => {
    const text = await refusalOpenedBy({ id: 'U0OPENER01', name: 'Dana Ruiz (Acme ransomware lead)' }, 'slack');
    expect(text).not.toMatch(/Dana|Acme|ransomware/);
    expect(text).toContain('ask slack:U0OPENER01, who opened it, or an admin');
  });

  it('does not quote a CLI --as typed as free text', async () => {
    const text = await refusalOpenedBy({ id: 'Dana Ruiz, CISO: Acme ransomware', name: 'Dana Ruiz, CISO: Acme ransomware' }, 'cli');
    expect(text).not.toMatch(/Dana|Acme|ransomware/);
    expect(text).toContain('ask whoever opened it or an admin');
  });
});
