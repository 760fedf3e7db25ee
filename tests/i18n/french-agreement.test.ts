// French status words agree with « notification » (feminine), and the filing line reads as a sentence.
import { describe, expect, it } from 'vitest';
import { createTestBot } from '../helpers/test-bot.ts';
import { frenchHospitalFacts } from '../pictures/fixtures.ts';
import { makeIncident } from '../helpers/incidents.ts';

// The French hospital of the shared fixtures (MediBoard-like: 758,912 patients, discovered 20/02/2025 09:00 Paris).
const FR_HOSPITAL = makeIncident('BR-2', { ...frenchHospitalFacts(),
  notices: [{ obligation: 'FR-CSP-L1111-8-2-SSI', sentAt: '2025-02-20T18:30:00+01:00' }], }, '2025-02-20T08:30:00Z');

async function ask(text: string) {
  const t = createTestBot('2025-02-21T09:00:00Z', [FR_HOSPITAL]);
  return t.bot.handle({ text, actor: { id: 'U1', name: 'Sam' }, platform: 'slack' });
}

describe('French agreement in the deadlines view', () => {
  it('a notice sent reads « faite », never « fait »', async () => {
    const reply = await ask('deadlines BR-2');
    expect(reply.text).toMatch(/✔️ faite · ANS \/ CERT Santé/);
    expect(reply.text).not.toMatch(/✔️ fait ·/);
  });

  it('the filing guidance line names its verification level after a colon', async () => {
    const reply = await ask('deadlines BR-2 --only cnil');
    expect(reply.text).toContain('Indications de dépôt\u00a0: vérifié sur une source secondaire (');
  });
});

describe('a notice that does not apply', () => {
  it('shows no deadline (« Sans objet »), not « dans les meilleurs délais »', async () => {
    // GDPR risk unlikely: Art. 33(1) needs no notification to the CNIL (document it, Art. 33(5)).
    const unlikely = makeIncident('BR-4', {
      title: 'Courriel mal adressé',
      organization: { name: 'CH Exemple', role: 'controller', country: 'FR', timezone: 'Europe/Paris', frHealthEstablishment: true },
      discoveredAt: '2025-02-20T09:00:00+01:00', affected: { total: 1, byJurisdiction: { FR: 1 } }, gdprRisk: 'unlikely',
    }, '2025-02-20T08:30:00Z');
    const t = createTestBot('2025-02-21T09:00:00Z', [unlikely]);
    const reply = await t.bot.handle({ text: 'deadlines BR-4 --only cnil', actor: { id: 'U1', name: 'Sam' }, platform: 'slack' });
    expect(reply.text).toMatch(/Échéance[ \u00a0]?: Sans objet/);
    expect(reply.text).not.toContain('dans les meilleurs délais');
  });
});

describe('French punctuation', () => {
  it('sets a no-break space before the colon of every label, as French typography does', async () => {
    const reply = await ask('deadlines BR-2 --only cnil');
    expect(reply.text).toContain('Destinataire\u00a0: CNIL');
    expect(reply.text).toContain('Fondement\u00a0:');
    expect(reply.text).not.toMatch(/\b(Destinataire|Échéance|Fondement|Vérification|Identifiant):/);
  });
});
