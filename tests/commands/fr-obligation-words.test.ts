// A French organization's notices are named and confirmed in French: `done` and `snooze` read French words.
import { describe, expect, it } from 'vitest';
import { createTestBot } from '../helpers/test-bot.ts';
import { frenchHospitalFacts } from '../pictures/fixtures.ts';
import { makeIncident } from '../helpers/incidents.ts';

// The French hospital of the shared fixtures (MediBoard-like: 758,912 patients, discovered 20/02/2025 09:00 Paris).
const FR_HOSPITAL = makeIncident('BR-2', frenchHospitalFacts(), '2025-02-20T08:30:00Z');

async function ask(text: string) {
  const t = createTestBot('2025-02-21T09:00:00Z', [FR_HOSPITAL]);
  return t.bot.handle({ text, actor: { id: 'U1', name: 'Sam' }, platform: 'slack' });
}

describe('French words name a French organization’s notices', () => {
  it('done: the Art. 34 letter by "personnes", confirmed with its French recipient', async () => {
    const reply = await ask('done BR-2 personnes concernées --at "21/02/2025 09:00"');
    expect(reply.outcome).toBe('ok');
    expect(reply.text).toContain('EU-GDPR-34-DS');
    expect(reply.text).toContain('les personnes concernées');
    expect(reply.text).not.toContain('affected data subjects');
  });

  it('done on the ARS declaration reads its recipient in French', async () => {
    const reply = await ask('done BR-2 cert santé --at "20/02/2025 18:30"');
    expect(reply.outcome).toBe('ok');
    expect(reply.text).toContain('l’ARS en est informée');
    expect(reply.text).not.toContain('the ARS is informed');
  });

  it('snooze: "personnes" finds the Art. 34 letter', async () => {
    const reply = await ask('snooze BR-2 personnes --for 1d --reason "courriers en préparation"');
    expect(reply.outcome).toBe('ok');
    expect(reply.text).toContain('EU-GDPR-34-DS');
  });

  it('English words still find them (the words of the examples), confirmed in French', async () => {
    const reply = await ask('done BR-2 data subjects --at "21/02/2025 09:00"');
    expect(reply.outcome).toBe('ok');
    expect(reply.text).toContain('EU-GDPR-34-DS');
    expect(reply.text).toContain('les personnes concernées');
  });

  it('deadlines --only reads French words too, and keeps English for --json', async () => {
    const details = await ask('deadlines BR-2 --only personnes');
    expect(details.outcome).toBe('ok');
    expect(details.text).toContain('EU-GDPR-34-DS');
    const json = await ask('deadlines BR-2 --only personnes --json');
    expect(json.data).toMatchObject([{ obligation: 'EU-GDPR-34-DS', recipient: 'affected data subjects' }]);
  });
});
