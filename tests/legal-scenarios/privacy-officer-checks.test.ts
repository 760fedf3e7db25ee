// Legal scenarios from an outside privacy officer's review: facts where the product's answer contradicted the rule text
// or the "never silent" standard, each with its expected dates derived by hand in the comments.
import { describe, it } from 'vitest';
import { checkScenario, usFacts, type Scenario } from './run-scenario.ts';

const scenarios: Scenario[] = [
  {
    name: 'US hospital with people recorded only as "EU" residents: GDPR is owed through them, never silently dropped',
    facts: usFacts({ affected: { total: 20, byJurisdiction: { 'US-TX': 10, EU: 10 } } }),
    now: '2026-03-03T00:00:00Z',
    expect: {
      // GDPR Art. 3(2) / 33(1): 10 people in the Union. 72 h from awareness Mon 2026-03-02 09:00 CST (15:00Z)
      // = Thu 2026-03-05 15:00Z = 09:00 CST (Chicago moves to CDT only on 2026-03-08).
      'EU-GDPR-33-SA': { status: 'pending', kind: 'instant', dueAt: '2026-03-05T09:00:00.000-06:00', basis: /residents of EU/ },
      // Art. 34: risk not assessed, so whether the data subjects are owed a letter is a fact to give.
      'EU-GDPR-34-DS': { status: 'needs_facts' },
    },
  },
  {
    name: 'French health establishment whose host (flagged as agent) found the breach 9 days before telling it: French and NIS2 clocks run from its own knowledge',
    facts: {
      title: 'Hébergeur compromis', discoveredAt: '2026-03-10T10:00:00+01:00', phiInvolved: false, dataEncrypted: false, gdprRisk: 'high',
      organization: { name: 'CH', role: 'controller', country: 'FR', timezone: 'Europe/Paris', frHealthEstablishment: true, frOse: true, nis2Entity: true },
      vendor: { name: 'Hebergeur', role: 'processor', isAgent: true, discoveredAt: '2026-03-01T10:00:00+01:00', notifiedUsAt: '2026-03-10T10:00:00+01:00' },
      dataCategories: ['name', 'diagnosis'], affected: { total: 30, byJurisdiction: { FR: 30 } },
    },
    now: '2026-03-10T12:00:00Z',
    expect: {
      // "Agent" imputation is 45 CFR 164.404(a)(2) (federal common law of agency): it has no place in French law.
      // CSP L.1111-8-2 "sans délai" and décret 2018-384 art. 11 "dès qu'ils en ont connaissance": from the establishment's
      // own knowledge, Tue 2026-03-10 10:00 CET (the host's notice); same-day interpretation → 23:59:59.999 CET that day.
      'FR-CSP-L1111-8-2-SSI': { status: 'due_soon', kind: 'immediate', dueAt: '2026-03-10T23:59:59.999+01:00', basis: /^(?!.*imputed)/ },
      'FR-NIS1-OSE-ANSSI': { status: 'due_soon', kind: 'immediate', dueAt: '2026-03-10T23:59:59.999+01:00' },
      // NIS2 Art. 23(4)(a)/(b): 24 h and 72 h "of becoming aware": 2026-03-10 09:00Z + 24 h = 03-11 10:00 CET;
      // + 72 h = 03-13 10:00 CET (Paris is on CET until 2026-03-29). The early warning is 21 h away at now: due soon.
      'EU-NIS2-23-EARLY-WARNING': { status: 'due_soon', kind: 'instant', dueAt: '2026-03-11T10:00:00.000+01:00', basis: /not applied to this clock/ },
      'EU-NIS2-23-NOTIFICATION': { status: 'pending', kind: 'instant', dueAt: '2026-03-13T10:00:00.000+01:00' },
      // Art. 33(2): unchanged, the controller is aware when the processor informs it.
      'FR-CNIL-GDPR-33': { status: 'pending', dueAt: '2026-03-13T10:00:00.000+01:00' },
    },
  },
  {
    name: 'stolen encrypted laptop, whether the key (password) went with it not recorded: every notice it decides needs facts',
    facts: usFacts({ dataEncrypted: true, affected: { total: 600, byJurisdiction: { 'US-TX': 600 } } }),
    now: '2026-03-05T12:00:00Z',
    expect: {
      // HHS guidance (74 FR 42742) under 45 CFR 164.402: encrypted PHI is "secured" only if the key that could decrypt it
      // was not breached too; and 164.414(b) puts the burden of proof on the covered entity. The key's fate is unknown,
      // so the notice is neither owed for sure nor excused: asked, with the running clock shown. If owed: 60 days after
      // discovery Mon 2026-03-02: Mar 2 + 29 = Mar 31, + 30 = Apr 30, + 1 = May 1 (CDT from Mar 8).
      'US-HIPAA-164.404-INDIVIDUALS': { status: 'needs_facts', dueDate: '2026-05-01', dueAt: '2026-05-01T23:59:59.999-05:00', basis: /keyCompromised/ },
      'US-HIPAA-164.406-MEDIA:US-TX': { status: 'needs_facts', dueDate: '2026-05-01', basis: /keyCompromised/ }, // 600 > 500
      'US-HIPAA-164.408-HHS-500PLUS': { status: 'needs_facts', dueDate: '2026-05-01' }, // 600 ≥ 500
      // Tex. Bus. & Com. 521.002(a)(2): encrypted data are not "sensitive personal information" unless the person who
      // acquired them has the key. 521.053(i): AG within 30 days (Apr 1) when ≥ 250 residents; 521.053(b): residents 60 days.
      'US-TX-BREACH:attorney_general': { status: 'needs_facts', dueDate: '2026-04-01', basis: /keyCompromised/ },
      'US-TX-BREACH:individuals': { status: 'needs_facts', dueDate: '2026-05-01' },
      // Counts decide these whatever the key's fate, so nothing is asked: 600 is not < 500 (164.408(c) annual log) and
      // not > 10,000 (Tex. Bus. & Com. 521.053(h), consumer reporting agencies).
      'US-HIPAA-164.408-HHS-LT500': { status: 'not_applicable', basis: /600 individuals in total, not < 500/ },
      'US-TX-BREACH:consumer_reporting_agencies': { status: 'not_applicable', basis: /not > 10000/ },
    },
  },
  {
    name: 'triage: whether PHI is involved not recorded yet, 100 Texans: only the notices a count does not rule out are asked',
    facts: usFacts({ phiInvolved: null }),
    now: '2026-03-05T12:00:00Z',
    expect: {
      // 164.404(b): 60 days from Mar 2 → May 1, owed if PHI is involved.
      'US-HIPAA-164.404-INDIVIDUALS': { status: 'needs_facts', dueDate: '2026-05-01', basis: /phiInvolved/ },
      // 164.408(c): fewer than 500 → annual log, 60 days after the end of 2026: Jan 31 + 28 = Feb 28 (59), Mar 1.
      'US-HIPAA-164.408-HHS-LT500': { status: 'needs_facts', dueDate: '2027-03-01' },
      // 164.408(b) needs 500 or more, 164.406 more than 500 residents of a State: 100 rules both out, PHI or not.
      'US-HIPAA-164.408-HHS-500PLUS': { status: 'not_applicable', basis: /not ≥ 500/ },
      'US-HIPAA-164.406-MEDIA:US-TX': { status: 'not_applicable', basis: /not > 500/ },
    },
  },
  {
    name: 'encrypted laptop, key status not recorded, EU controller with high risk: the Art. 34(3)(a) exception is asked, not assumed',
    facts: {
      title: 'Portable volé', discoveredAt: '2026-03-10T10:00:00+01:00', phiInvolved: false, dataEncrypted: true, gdprRisk: 'high',
      organization: { name: 'CH', role: 'controller', country: 'FR', timezone: 'Europe/Paris', frHealthEstablishment: false, frOse: false, nis2Entity: false },
      dataCategories: ['name', 'diagnosis'], affected: { total: 30, byJurisdiction: { FR: 30 } },
    },
    now: '2026-03-10T12:00:00Z',
    expect: {
      // Art. 33 has no encryption exception: 72 h from Tue 2026-03-10 10:00 CET = Fri 2026-03-13 10:00 CET.
      'FR-CNIL-GDPR-33': { status: 'pending', dueAt: '2026-03-13T10:00:00.000+01:00' },
      // Art. 34(3)(a): no letter only if the data are unintelligible to anyone not authorised; a taken key defeats that.
      'EU-GDPR-34-DS': { status: 'needs_facts', basis: /keyCompromised/ },
    },
  },
];

describe('privacy officer review: answers that contradicted the rules', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    await checkScenario(s);
  });
});
