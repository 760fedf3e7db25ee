// The outsider's refusal names the same person to ask in French as in English (bot/access/policy.ts whoCanHelp).
import { describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const outsider = { id: 'U0OUT00009', name: 'Outsider' };

async function refusals(roles: Record<string, string>) {
  const { bot } = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts({ roles } as never))]);
  const say = (text: string) => bot.handle({ text, actor: outsider, platform: 'slack' });
  const en = (await say('deadlines BR-1')).text;
  await say('lang fr');
  return { en, fr: (await say('deadlines BR-1')).text };
}

describe('refusal to an outsider', () => {
  it('names the commander in both languages', async () => {
    const { en, fr } = await refusals({ commander: 'Sam' });
    expect(en).toContain('ask its commander or an admin to add you');
    expect(fr).toContain('demandez à son responsable ou à un administrateur de vous ajouter');
    expect(fr).not.toContain('qui l’a ouvert');
  });

  it('names the commander\'s key when the role holds one', async () => {
    const { en, fr } = await refusals({ commander: 'slack:U0CMD00001' });
    expect(en).toContain('ask its commander (slack:U0CMD00001) or an admin');
    expect(fr).toContain('demandez à son responsable (slack:U0CMD00001) ou à un administrateur de vous ajouter');
  });

  it('with nobody to name, points at an admin in both languages', async () => {
    const { en, fr } = await refusals({});
    expect(en).toContain('ask an admin to add you');
    expect(fr).toContain('demandez à un administrateur de vous ajouter');
  });
});
