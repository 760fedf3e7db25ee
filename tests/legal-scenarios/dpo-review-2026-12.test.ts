// Legal scenarios from a French hospital DPO's and a UK/EU processor's review (2026-12): hour clocks across the
// CET/CEST and GMT/BST changes, NIS2 for an essential entity, several member states, US residents of an EU organization.
// Hour clocks run continuously from awareness (Reg. 1182/71 Art. 3(4)); derivations by hand in comments.
import { describe, expect, it } from 'vitest';
import { checkScenario, runScenario, type Scenario } from './run-scenario.ts';

const base = (patch: Record<string, unknown>) => ({
  title: 'Scenario', phiInvolved: false, dataEncrypted: false, dataCategories: ['name'], ...patch,
});
const chu = { name: 'CHU', role: 'controller', country: 'FR', timezone: 'Europe/Paris', frHealthEstablishment: true, frOse: true, nis2Entity: true };

const scenarios: Scenario[] = [
  {
    name: 'French hospital (OSE, NIS2 essential), high risk, aware 22:30 CEST the night before the clocks go back; DE, IT and CA residents too',
    facts: base({
      organization: chu, discoveredAt: '2026-10-24T22:30:00+02:00', gdprRisk: 'high', dataCategories: ['name', 'diagnosis'],
      affected: { total: 500, byJurisdiction: { FR: 400, DE: 50, IT: 30, 'US-CA': 20 } },
    }),
    now: '2026-10-25T12:00:00Z',
    expect: {
      // Aware 2026-10-24T20:30Z. Art. 33(1): + 72 h = 2026-10-27T20:30Z = 21:30 CET (Paris at +01:00 from Oct 25 03:00).
      // Main establishment in France: the CNIL is the lead authority (Art. 56), as the recipient says.
      'FR-CNIL-GDPR-33': { status: 'pending', kind: 'instant', dueAt: '2026-10-27T21:30:00.000+01:00' },
      // NIS2 Art. 23(4)(a): + 24 h = 2026-10-25T20:30Z = 21:30 CET; (b): + 72 h = 2026-10-27T20:30Z.
      'EU-NIS2-23-EARLY-WARNING': { status: 'due_soon', dueAt: '2026-10-25T21:30:00.000+01:00' },
      'EU-NIS2-23-NOTIFICATION': { status: 'pending', dueAt: '2026-10-27T21:30:00.000+01:00' },
      // Art. 23(4)(d): one month after the notification (not yet sent: its deadline, Oct 27) → Nov 27, no roll-forward.
      'EU-NIS2-23-FINAL': { status: 'pending', dueDate: '2026-11-27' },
      // Décret 2018-384 art. 11 "dès qu'ils en ont connaissance", CSP L.1111-8-2 "sans délai": end of the discovery day.
      'FR-NIS1-OSE-ANSSI': { status: 'overdue', kind: 'immediate', dueAt: '2026-10-24T23:59:59.999+02:00' },
      'FR-CSP-L1111-8-2-SSI': { status: 'overdue', kind: 'immediate', dueAt: '2026-10-24T23:59:59.999+02:00' },
      'EU-GDPR-34-DS': { status: 'pending', kind: 'none_fixed' },
      // US residents of an EU organization: the State law appears (Cal. Civ. 1798.82: 30 days from Oct 24 = Nov 23).
      'US-CA-BREACH:individuals': { status: 'pending', dueDate: '2026-11-23' },
    },
  },
  {
    name: 'French controller aware 01:30 CET the night the clocks go forward, risk not assessed',
    facts: base({
      organization: { ...chu, frHealthEstablishment: false, frOse: false, nis2Entity: false }, discoveredAt: '2026-03-29T01:30:00+01:00',
      affected: { total: 50, byJurisdiction: { FR: 50 } },
    }),
    now: '2026-03-29T12:00:00Z',
    expect: {
      // 2026-03-29T00:30Z + 72 h = 2026-04-01T00:30Z = 02:30 CEST; owed unless the risk is documented as unlikely.
      'FR-CNIL-GDPR-33': { status: 'pending', dueAt: '2026-04-01T02:30:00.000+02:00', basis: /not assessed/ },
      // Art. 34: high risk decides the letter; not assessed → needs facts, never silently dropped.
      'EU-GDPR-34-DS': { status: 'needs_facts' },
    },
  },
  {
    name: 'UK controller aware 23:30 GMT the night before BST begins, risk',
    facts: base({
      organization: { name: 'UK Org', role: 'controller', country: 'GB', timezone: 'Europe/London', nis2Entity: false },
      discoveredAt: '2026-03-28T23:30:00+00:00', gdprRisk: 'risk', affected: { total: 30, byJurisdiction: { GB: 30 } },
    }),
    now: '2026-03-29T12:00:00Z',
    expect: {
      // 2026-03-28T23:30Z + 72 h = 2026-03-31T23:30Z = 2026-04-01 00:30 BST (+01:00 from Mar 29 01:00).
      'UK-GDPR-33-ICO': { status: 'pending', dueAt: '2026-04-01T00:30:00.000+01:00' },
      'UK-GDPR-34-DS': { status: 'not_applicable' }, // risk, not high
    },
  },
  {
    name: 'German controller with residents of several member states: the authority is the lead SA, none invented',
    facts: base({
      organization: { name: 'DE Org', role: 'controller', country: 'DE', timezone: 'Europe/Berlin', nis2Entity: false },
      discoveredAt: '2026-03-28T23:30:00+01:00', gdprRisk: 'risk', affected: { total: 53, byJurisdiction: { DE: 30, FR: 10, ES: 10, US: 3 } },
    }),
    now: '2026-03-29T12:00:00Z',
    expect: {
      // 2026-03-28T22:30Z + 72 h = 2026-03-31T22:30Z = 2026-04-01 00:30 CEST.
      'EU-GDPR-33-SA': { status: 'pending', dueAt: '2026-04-01T00:30:00.000+02:00' },
      // 3 people in the US with no State: every State's law may apply, asked, never silent.
      'US:state_unknown': { status: 'needs_facts' },
    },
    absent: ['FR-CNIL-GDPR-33'],
  },
  {
    // Since the Art. 3 gate: a UK processor is not established in the Union, so the EU GDPR reaches it only under Art. 3(2),
    // which is not answered here (organization.gdprTerritorial): the EU Art. 33(2) notice needs facts instead of pending.
    name: 'UK processor with Irish residents: tells its controller (UK GDPR Art. 33(2); EU GDPR Art. 33(2) needs the Art. 3 answer), notifies no authority',
    facts: base({
      organization: { name: 'UK Proc', role: 'processor', country: 'GB', timezone: 'Europe/London' },
      discoveredAt: '2026-03-28T23:30:00+00:00', gdprRisk: 'high', affected: { total: 50, byJurisdiction: { GB: 30, IE: 20 } },
    }),
    now: '2026-03-29T12:00:00Z',
    expect: {
      'UK-GDPR-33-PROCESSOR': { status: 'pending', kind: 'none_fixed' },
      'EU-GDPR-33-PROCESSOR': { status: 'needs_facts', kind: 'none_fixed', basis: /set BR-1 gdpr-scope yes\|no.*outside the EU\/EEA \(GB\).*Art\. 3\(1\).*Art\. 3\(2\)/ },
    },
    absent: ['UK-GDPR-33-ICO', 'EU-GDPR-33-SA', 'UK-GDPR-34-DS', 'EU-GDPR-34-DS'],
  },
  {
    // Bug: the DFS notice was "needs facts" (nyDfsEntity unanswered) although the breached data (name only) is not
    // personal information under 899-aa, so no notice to residents and hence none to DFS is owed whatever the answer.
    name: 'UK controller with 5 New York residents, name only: no NY notice, and the DFS question is not asked',
    facts: base({
      organization: { name: 'UK Org', role: 'controller', country: 'GB', timezone: 'Europe/London', nis2Entity: false },
      discoveredAt: '2026-03-28T23:30:00+00:00', gdprRisk: 'risk', affected: { total: 35, byJurisdiction: { GB: 30, 'US-NY': 5 } },
    }),
    now: '2026-03-29T12:00:00Z',
    expect: {
      'US-NY-BREACH:individuals': { status: 'not_applicable', basis: /not personal information/ },
      'US-NY-BREACH:regulator': { status: 'not_applicable', basis: /not personal information/ },
    },
  },
];

describe('DPO review: EU, French and UK scenarios', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    await checkScenario(s);
  });

  it('the French deadlines view writes French dates and names the zone', async () => {
    const { say } = await runScenario(scenarios[0]!.facts, scenarios[0]!.now);
    await say('lang fr');
    const text = (await say('deadlines BR-1')).text;
    // now = 2026-10-25T12:00Z = 13:00 CET.
    expect(text).toContain('au 25/10/2026 13:00 CET');
    expect(text).toMatch(/CNIL .*21:30 CET/);
  });
  // Bug: the ANSSI and NIS2 drafts in French listed the English elements (the filing data has `contentFr` one for one),
  // and the ANSSI "number of users affected by the disruption of the essential service" was filled with the count of
  // people whose data was breached (500), a different fact: it stays to fill in.
  it('ANSSI and NIS2 drafts in French: French elements, nothing filled from an unrelated fact', async () => {
    const { say } = await runScenario(scenarios[0]!.facts, scenarios[0]!.now);
    const anssi = (await say('draft BR-1 FR-NIS1-OSE-ANSSI --lang fr')).text;
    expect(anssi).toContain('- Le service essentiel affecté et les réseaux et systèmes d’information concernés');
    expect(anssi).toMatch(/- Le nombre d’utilisateurs touchés .*\n {2}\[\[À COMPLÉTER\u00a0: Le nombre d’utilisateurs touchés/);
    expect(anssi).not.toMatch(/The essential service|^ {2}500$/m);
    const early = (await say('draft BR-1 EU-NIS2-23-EARLY-WARNING --lang fr')).text;
    expect(early).toContain('- Alerte précoce\u00a0: si l’incident est suspecté d’être causé par des actes illicites ou malveillants');
    expect(early).not.toContain('Early warning:');
    // English drafts keep the English elements.
    expect((await say('draft BR-1 FR-NIS1-OSE-ANSSI --lang en')).text).toContain('- The essential service affected');
  });
  // Bug: the five NIS2 notices shared one filing entry, so the 24-hour early warning listed the final report's
  // elements, and the notice to the entity's service recipients (Art. 23(1)) was addressed to the CSIRT with the
  // authority's elements. Each stage now has its own Art. 23(4)(a)-(e) elements; recipients are told directly.
  it('NIS2: each stage drafts with its own Art. 23 elements; the service recipients are not the CSIRT', async () => {
    const { say } = await runScenario(scenarios[0]!.facts, scenarios[0]!.now);
    const early = (await say('draft BR-1 EU-NIS2-23-EARLY-WARNING --lang en')).text;
    expect(early).toContain('Art. 23(4)(a)');
    expect(early).not.toMatch(/Final report|Art\. 23\(4\)\(d\)/);
    const final = (await say('draft BR-1 EU-NIS2-23-FINAL --lang fr')).text;
    expect(final).toContain('Rapport final');
    expect(final).toContain('art. 23(4)(e)');
    expect(final).not.toContain('Alerte précoce\u00a0:');
    const recipients = (await say('draft BR-1 EU-NIS2-23-RECIPIENTS --lang fr')).text;
    expect(recipients).toMatch(/^Où\u00a0: Les destinataires de vos services/m);
    expect(recipients).toContain('art. 23(1)');
    expect(recipients).not.toMatch(/CSIRT national|Alerte précoce/);
  });
});
