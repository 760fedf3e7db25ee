// A draft never states a head count the facts contradict: with a total of 400 recorded and 600 Texans, the HHS and
// supervisory-authority counts become a visible placeholder that names both figures, so the team corrects the total.
import { describe, expect, it } from 'vitest';
import { createTestBot } from '../helpers/test-bot.ts';
import { makeIncident, usHospitalFacts } from '../helpers/incidents.ts';

const DISAGREEING = makeIncident('BR-1', usHospitalFacts({ affected: { total: 400, byJurisdiction: { 'US-TX': 600 } } }));
const AGREEING = makeIncident('BR-2', usHospitalFacts({ affected: { total: 600, byJurisdiction: { 'US-TX': 600 } } }));

async function draft(text: string) {
  const t = createTestBot('2025-03-01T12:00:00Z', [DISAGREEING, AGREEING]);
  return t.bot.handle({ text, actor: { id: 'U1', name: 'Sam' }, platform: 'slack' });
}

describe('draft head counts', () => {
  it('HHS portal sheet: a total below the per-State counts is a placeholder naming both', async () => {
    // 600 Texans make the breach one of 500 or more (45 CFR 164.408(b)), whatever the total says.
    const reply = await draft('draft BR-1 US-HIPAA-164.408-HHS-500PLUS');
    expect(reply.outcome).toBe('ok');
    expect(reply.text).toContain('Approximate number of individuals affected: [[TO FILL IN: number of people: the total recorded (400) is below the per-jurisdiction counts added up (600); correct the total]]');
    expect((reply.data as { missing: string[] }).missing.some((m) => m.includes('(400)') && m.includes('(600)'))).toBe(true);
  });

  it('counts that agree are printed as they are', async () => {
    const reply = await draft('draft BR-2 US-HIPAA-164.408-HHS-500PLUS');
    expect(reply.text).toContain('Approximate number of individuals affected: 600');
  });

  it('in French too', async () => {
    const reply = await draft('draft BR-1 US-HIPAA-164.408-HHS-500PLUS --lang fr');
    expect(reply.text).toContain('[[À COMPLÉTER\u00a0: nombre de personnes\u00a0: le total enregistré (400) est inférieur à la somme des nombres par juridiction (600)\u202f; corriger le total]]');
  });
});
