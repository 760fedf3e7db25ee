// Legal scenarios, French/EU/UK side: GDPR Art. 33/34, CSP L.1111-8-2, UK GDPR, a country breachdesk does not cover.
// Hour clocks run continuously from awareness (Reg. 1182/71 Art. 3(4)), across DST changes; derivations in comments.
import { describe, expect, it } from 'vitest';
import { checkScenario, runScenario, type Scenario } from './run-scenario.ts';

const org = (patch: Record<string, unknown>) => ({ name: 'Org', role: 'controller', country: 'FR', timezone: 'Europe/Paris', ...patch });
const facts = (patch: Record<string, unknown>) => ({
  title: 'Scenario', discoveredAt: '2026-03-10T10:00:00+01:00', phiInvolved: false, dataEncrypted: false,
  dataCategories: ['name', 'email'], affected: { total: 30, byJurisdiction: { FR: 30 } }, ...patch,
});

const scenarios: Scenario[] = [
  {
    name: 'French health establishment, high risk, aware 22:30 on the eve of the DST change',
    facts: facts({ organization: org({ frHealthEstablishment: true }), discoveredAt: '2026-03-27T22:30:00+01:00', gdprRisk: 'high', dataCategories: ['name', 'nir', 'diagnosis'], affected: { total: 3000, byJurisdiction: { FR: 3000 } } }),
    now: '2026-03-28T12:00:00Z',
    expect: {
      // Art. 33(1): 72 h from 2026-03-27T21:30Z = 2026-03-30T21:30Z = 23:30 CEST (Paris moved to +02:00 on Mar 29).
      'FR-CNIL-GDPR-33': { status: 'pending', kind: 'instant', dueAt: '2026-03-30T23:30:00.000+02:00' },
      // CSP L.1111-8-2 / D.1111-16-2: "sans délai": shown as the end of the discovery day, and called an interpretation.
      'FR-CSP-L1111-8-2-SSI': { status: 'overdue', kind: 'immediate', dueAt: '2026-03-27T23:59:59.999+01:00', basis: /interpretation/ },
      // Art. 34(1): high risk → data subjects without undue delay (no fixed deadline).
      'EU-GDPR-34-DS': { status: 'pending', kind: 'none_fixed' },
    },
  },
  {
    name: 'encrypted health data, key not taken, risk said high: Art. 33 still owed, Art. 34(3)(a) removes the letter',
    facts: facts({ organization: org({ frHealthEstablishment: false }), gdprRisk: 'high', dataEncrypted: true, keyCompromised: false, dataCategories: ['name', 'diagnosis'] }),
    now: '2026-03-10T12:00:00Z',
    expect: {
      // Art. 33 has no encryption exception (only "unlikely to result in a risk"): 72 h from Mar 10 10:00 CET.
      'FR-CNIL-GDPR-33': { status: 'pending', dueAt: '2026-03-13T10:00:00.000+01:00' },
      'EU-GDPR-34-DS': { status: 'not_applicable', basis: /34\(3\)\(a\)/ },
    },
  },
  {
    name: 'encrypted health data, key taken too: the Art. 34 letter is owed',
    facts: facts({ organization: org({ frHealthEstablishment: false }), gdprRisk: 'high', dataEncrypted: true, keyCompromised: true, dataCategories: ['name', 'diagnosis'] }),
    now: '2026-03-10T12:00:00Z',
    expect: { 'EU-GDPR-34-DS': { status: 'pending', kind: 'none_fixed' } },
  },
  {
    name: 'French processor: tells its controller (Art. 33(2)), does not notify the CNIL itself',
    facts: facts({ organization: org({ role: 'processor' }) }),
    now: '2026-03-10T12:00:00Z',
    expect: { 'EU-GDPR-33-PROCESSOR': { status: 'pending', kind: 'none_fixed', citation: 'GDPR Art. 33(2)' } },
    absent: ['FR-CNIL-GDPR-33', 'EU-GDPR-34-DS'],
  },
  {
    name: 'French controller told by its processor: the clock runs from the processor\'s notice, not its discovery',
    facts: facts({
      organization: org({ frHealthEstablishment: false }), gdprRisk: 'risk',
      vendor: { name: 'Host', role: 'processor', isAgent: true, discoveredAt: '2026-03-01T10:00:00+01:00', notifiedUsAt: '2026-03-10T10:00:00+01:00' },
    }),
    now: '2026-03-11T12:00:00Z',
    expect: {
      // Art. 33(2): aware when the processor informs us (Mar 10 10:00 CET) → + 72 h = Mar 13 10:00 CET.
      'FR-CNIL-GDPR-33': { status: 'pending', dueAt: '2026-03-13T10:00:00.000+01:00', basis: /Art\. 33\(2\)/ },
      'EU-GDPR-34-DS': { status: 'not_applicable' }, // risk, not high
      'FR-CSP-L1111-8-2-SSI': { status: 'not_applicable' }, // answered: not a health establishment
    },
  },
  {
    name: 'French controller with health data, establishment question not answered: CSP needs facts',
    facts: facts({ organization: org({}), dataCategories: ['name', 'données de santé'] }),
    now: '2026-03-10T12:00:00Z',
    expect: {
      'FR-CSP-L1111-8-2-SSI': { status: 'needs_facts', basis: /frHealthEstablishment/ },
      // Risk not assessed: Art. 33(1) notification is owed unless the risk is documented as unlikely.
      'FR-CNIL-GDPR-33': { status: 'pending', dueAt: '2026-03-13T10:00:00.000+01:00', basis: /not assessed/ },
      'EU-GDPR-34-DS': { status: 'needs_facts' },
    },
  },
  {
    name: 'UK controller, high risk, aware 23:30 BST the night before the clocks go back; Japanese residents too',
    facts: facts({
      organization: org({ country: 'GB', timezone: 'Europe/London' }), discoveredAt: '2026-10-24T23:30:00+01:00', gdprRisk: 'high',
      dataCategories: ['name', 'nhs_number', 'medical'], affected: { total: 100, byJurisdiction: { GB: 90, JP: 10 } },
    }),
    now: '2026-10-25T12:00:00Z',
    expect: {
      // UK GDPR Art. 33(1): 2026-10-24T22:30Z + 72 h = 2026-10-27T22:30Z, GMT (+00:00) after Oct 25.
      'UK-GDPR-33-ICO': { status: 'pending', dueAt: '2026-10-27T22:30:00.000+00:00', citation: 'UK GDPR Art. 33' },
      // UK GDPR Art. 34(1): high risk → data subjects without undue delay.
      'UK-GDPR-34-DS': { status: 'pending', kind: 'none_fixed', citation: 'UK GDPR Art. 34' },
      // Never silent: Japan has no encoded rule.
      'JP:not_covered': { status: 'not_covered', basis: /counsel/ },
    },
  },
  {
    name: 'UK processor: tells its controller (UK GDPR Art. 33(2)), not the ICO',
    facts: facts({ organization: org({ country: 'GB', timezone: 'Europe/London', role: 'processor' }), affected: { total: 30, byJurisdiction: { GB: 30 } } }),
    now: '2026-03-10T12:00:00Z',
    expect: { 'UK-GDPR-33-PROCESSOR': { status: 'pending', kind: 'none_fixed', citation: 'UK GDPR Art. 33(2)' } },
    absent: ['UK-GDPR-33-ICO', 'UK-GDPR-34-DS'],
  },
];

describe('EU, French and UK legal scenarios', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    await checkScenario(s);
  });

  it('French drafts say where and how to file in French (CNIL, CSP)', async () => {
    const { say } = await runScenario(facts({ organization: org({ frHealthEstablishment: true }), gdprRisk: 'high' }), '2026-03-10T12:00:00Z');
    const cnil = (await say('draft BR-1 FR-CNIL-GDPR-33 --lang fr')).text;
    expect(cnil).toMatch(/^Où\u00a0: La CNIL/m);
    expect(cnil).toMatch(/^Comment\u00a0: Notification en ligne/m);
    expect(cnil).toContain('motifs du retard');
    const csp = (await say('draft BR-1 FR-CSP-L1111-8-2-SSI --lang fr')).text;
    // CSP D.1111-16-3 I: to the ANS / CERT Santé through the portal; the ARS only when electronic filing is impossible.
    expect(csp).toMatch(/^Où\u00a0: L’Agence du numérique en santé \(ANS\) \/ CERT Santé, via le portail national de signalement/m);
    expect(csp).toContain("signé par Le directeur de l’établissement");
  });

  it('the UK data-subject letter drafts with the Art. 34 elements', async () => {
    const { say } = await runScenario(facts({ organization: org({ country: 'GB', timezone: 'Europe/London' }), gdprRisk: 'high', affected: { total: 30, byJurisdiction: { GB: 30 } } }), '2026-03-10T12:00:00Z');
    const draft = await say('draft BR-1 UK-GDPR-34-DS');
    expect(draft.outcome).toBe('ok');
    expect(draft.text).toMatch(/nature of the breach/i);
    expect(draft.text).toMatch(/data protection officer|contact point/i);
    expect(draft.text).toMatch(/likely consequences/i);
    expect(draft.text).toContain('UK GDPR Art. 34');
  });
});
