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
];

describe('privacy officer review: answers that contradicted the rules', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    await checkScenario(s);
  });
});
