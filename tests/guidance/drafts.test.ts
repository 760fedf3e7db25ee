// Notice drafts: every element the rule requires is present, filled from the facts or as a visible placeholder,
// in English and in French, with the citation and "not legal advice" under it.
import { describe, expect, it } from 'vitest';
import { createTestBot } from '../helpers/test-bot.ts';
import { makeIncident, usHospitalFacts } from '../helpers/incidents.ts';

const FR_HOSPITAL = makeIncident('BR-2', {
  title: 'Compte à privilèges volé',
  organization: { name: 'Groupe hospitalier Exemple', role: 'controller', country: 'FR', timezone: 'Europe/Paris', frHealthEstablishment: true, frOse: false, nis2Entity: false },
  discoveredAt: '2024-11-18T10:00:00+01:00',
  affected: { total: 758912, byJurisdiction: { FR: 758912 } },
  dataCategories: ['name', 'nir', 'medical'],
  phiInvolved: true, dataEncrypted: false, gdprRisk: 'high',
}, '2024-11-18T09:30:00Z');

const US_VENDOR = makeIncident('BR-1', usHospitalFacts({
  occurredFrom: '2025-01-22T00:00:00Z',
  affected: { total: 262831, byJurisdiction: { 'US-IN': 262000, 'US-TX': 831 } },
  dataCategories: ['name', 'ssn', 'diagnosis'],
  lawEnforcementDelays: [{ form: 'oral', agency: 'FBI', official: 'SA Example', statedAt: '2025-03-10T15:00:00-05:00', until: null }],
}));

async function draft(now: string, text: string) {
  const t = createTestBot(now, [US_VENDOR, FR_HOSPITAL]);
  const reply = await t.bot.handle({ text, actor: { id: 'U1', name: 'Sam' }, platform: 'slack' });
  return { reply, data: reply.data as { missing: string[]; kind: string; lang: string } | undefined, store: t.store };
}

describe('draft', () => {
  it('HIPAA letter (164.404(c)): the five elements, dates in the zone, data in words, a toll-free placeholder', async () => {
    const { reply, data } = await draft('2025-03-01T12:00:00Z', 'draft BR-1 US-HIPAA-164.404-INDIVIDUALS');
    expect(reply.outcome).toBe('ok');
    const t = reply.text;
    for (const heading of ['What Happened', 'What Information Was Involved', 'What We Are Doing', 'What You Can Do', 'For More Information']) expect(t).toContain(heading);
    expect(t).toContain('we discovered it on February 20, 2025'); // 2025-02-20 09:00 CST
    expect(t).toContain('beginning on January 21, 2025'); // 2025-01-22T00:00Z is the evening of the 21st in Chicago
    expect(t).toContain('names, Social Security numbers and diagnoses');
    expect(t).toContain('[[TO FILL IN: toll-free number]]');
    expect(t).toMatch(/credit report|fraud alert/i); // SSNs exposed: credit protection steps
    expect(t).toContain('delayed at the request of law enforcement');
    expect(t).toContain('45 CFR 164.404');
    expect(t).toMatch(/does not give legal advice/);
    expect(data!.missing).toContain('toll-free number');
  });

  it('media notice (164.406) names the State and its count', async () => {
    const { reply } = await draft('2025-03-01T12:00:00Z', 'draft BR-1 US-HIPAA-164.406-MEDIA:US-IN');
    expect(reply.text).toContain('262,000 residents of US-IN');
    expect(reply.text).toContain('45 CFR 164.406');
  });

  it('HHS portal field sheet: sections 1 to 5 with the facts breachdesk knows', async () => {
    const { reply } = await draft('2025-03-01T12:00:00Z', 'draft BR-1 US-HIPAA-164.408-HHS-500PLUS');
    for (let s = 1; s <= 5; s++) expect(reply.text).toContain(`Section ${s} - `);
    expect(reply.text).toContain('Approximate number of individuals affected: 262,831');
    expect(reply.text).toContain('https://ocrportal.hhs.gov/ocr/breach');
  });

  it('Texas AG notice: the six items of 521.053(i), with the Texas count and the FBI', async () => {
    const { reply } = await draft('2025-03-01T12:00:00Z', 'draft BR-1 US-TX-BREACH:attorney_general');
    expect(reply.text).toMatch(/number of Texas residents affected[^\n]*\n\s+831/);
    expect(reply.text).toContain('FBI (SA Example)');
    expect(reply.text.match(/^- /gm)).toHaveLength(6);
  });

  it('CNIL notification in French: the four Art. 33(3) items, initial stage, French dates and numbers', async () => {
    // Awareness 2024-11-18 10:00 CET; 72 hours end 2024-11-21 10:00 CET. At 2024-11-19 it is on time.
    const { reply, data } = await draft('2024-11-19T09:00:00Z', 'draft BR-2 FR-CNIL-GDPR-33');
    expect(data!.lang).toBe('fr'); // a French organization reads French by default
    for (const item of ['(art. 33(3)(a))', '(art. 33(3)(b))', '(art. 33(3)(c))', '(art. 33(3)(d))']) expect(reply.text).toContain(item);
    expect(reply.text).toContain('notification initiale');
    // The hour of awareness is written: the 72 hours run from it (discovered 2024-11-18T10:00+01:00).
    expect(reply.text).toContain('Prise de connaissance le\u00a0: 18/11/2024 10:00 CET');
    expect(reply.text).toContain('destinataire\u00a0: CNIL');
    expect(reply.text).toMatch(/758\s912/);
    expect(reply.text).not.toContain('Motifs du retard');
    expect(reply.text).toContain('ne fournit pas de conseil juridique');
  });

  it('a CNIL notification after 72 hours gives the reasons for the delay (Art. 33(1))', async () => {
    const { reply } = await draft('2024-11-22T09:00:00Z', 'draft BR-2 FR-CNIL-GDPR-33 --lang en');
    expect(reply.text).toContain('Reasons for the delay (Art. 33(1))');
    // Aware 2024-11-18 10:00 CET = 09:00Z; drafted 2024-11-22 09:00Z: 4 days = 96 hours later.
    expect(reply.text).toContain('about 96 hours after becoming aware');
  });

  it('Art. 34 letter to patients in French: nature, DPO contact, consequences, measures', async () => {
    const { reply } = await draft('2024-11-19T09:00:00Z', 'draft BR-2 EU-GDPR-34-DS');
    expect(reply.text).toContain('délégué à la protection des données');
    expect(reply.text).toContain('Conséquences possibles pour vous');
    expect(reply.text).toContain('Ce que nous avons fait');
    expect(reply.text).toContain('numéro de sécurité sociale (NIR)');
  });

  it('ARS / CERT Santé declaration with the portal and the three kinds of consequence', async () => {
    const { reply } = await draft('2024-11-19T09:00:00Z', 'draft BR-2 FR-CSP-L1111-8-2-SSI');
    expect(reply.text).toContain('https://signalement.social-sante.gouv.fr');
    for (const c of ['sécurité des soins', 'Données de santé touchées', 'fonctionnement de l’établissement']) expect(reply.text).toContain(c);
    expect(reply.text).toContain('ne remplace pas la notification RGPD');
    // The arrêté of 30 October 2017 asks for the date and the hour of detection.
    expect(reply.text).toContain('Détecté le\u00a0: 18/11/2024 10:00 CET');
  });

  it('records the draft on the timeline, and refuses an obligation that does not apply', async () => {
    const { store } = await draft('2025-03-01T12:00:00Z', 'draft BR-1 us-hipaa-164.404');
    expect((await store.get('BR-1'))!.timeline.at(-1)).toMatchObject({ action: 'draft.prepared', changes: [{ to: 'US-HIPAA-164.404-INDIVIDUALS' }] });
    const na = await draft('2025-03-01T12:00:00Z', 'draft BR-1 US-HIPAA-164.408-HHS-LT500');
    expect(na.reply.outcome).toBe('refused');
    expect(na.reply.text).toContain('does not apply');
  });

  it('names the notice as done does (plain words), and refuses an unknown one in the organization\'s language', async () => {
    const byWords = await draft('2024-11-18T12:00:00Z', 'draft BR-2 cert');
    expect(byWords.reply.outcome).toBe('ok');
    expect(byWords.reply.text).toContain('CERT Santé');
    const unknown = await draft('2024-11-18T12:00:00Z', 'draft BR-2 zzz');
    expect(unknown.reply.outcome).toBe('refused');
    expect(unknown.reply.text).toContain('BR-2 n’a aucune notification correspondant à «\u00a0zzz\u00a0»');
    expect(unknown.reply.text).toContain('les personnes concernées');
    expect(unknown.reply.text).not.toContain('affected data subjects');
  });

  it('CNIL notification: the awareness it states is the one the 72 hours count from (our own, when before the processor\'s notice)', async () => {
    // We knew at 2024-11-18 10:00 CET; the processor told us 2024-11-19 16:00 CET. Art. 33(1) runs from the earlier.
    const early = makeIncident('BR-3', {
      title: 'Éditeur', organization: { name: 'CH Exemple', role: 'controller', country: 'FR', timezone: 'Europe/Paris', frHealthEstablishment: true },
      discoveredAt: '2024-11-18T10:00:00+01:00', affected: { total: 1200, byJurisdiction: { FR: 1200 } }, phiInvolved: true, dataEncrypted: false, gdprRisk: 'high',
      vendor: { name: 'Éditeur DPI', role: 'processor', isAgent: false, discoveredAt: '2024-11-17T10:00:00+01:00', notifiedUsAt: '2024-11-19T16:00:00+01:00' },
    }, '2024-11-18T09:30:00Z');
    const t = createTestBot('2024-11-20T09:00:00Z', [early]);
    const reply = await t.bot.handle({ text: 'draft BR-3 FR-CNIL-GDPR-33', actor: { id: 'U1', name: 'Sam' }, platform: 'slack' });
    expect(reply.text).toContain('Prise de connaissance le\u00a0: 18/11/2024 10:00 CET');
    expect(reply.text).not.toContain('19/11/2024 16:00');
  });
});
