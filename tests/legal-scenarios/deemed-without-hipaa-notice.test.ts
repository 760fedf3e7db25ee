// HIPAA deeming clauses (regulations-update-2026-12.md, "What applies to every state" 1(b): "a HIPAA-compliant notice
// is deemed compliant for the individual notice"; N.Y. Gen. Bus. Law 899-aa(2)(b): "If notice of the breach ... is
// made to affected persons pursuant to ... HIPAA ..., nothing in this section shall require any additional notice")
// rest on a HIPAA notice going out. When the covered entity's four-factor assessment finds a low probability of
// compromise (45 CFR 164.402), no HIPAA notice is made: the State's notice to residents can no longer be listed as
// satisfied by it. Whether the State's own wording still deems the entity compliant differs (NY: only a notice made;
// WA 19.255.030(1): "if it has complied with section 13402"), so it needs facts, with the State's own clock shown,
// and the State's clocks that follow "the HITECH timeline" fall back to their own (earlier) ones.
import { describe, expect, it } from 'vitest';
import { runScenario, usFacts } from './run-scenario.ts';

// Discovery Mon 2026-03-02 09:00 CST. 30 days: Mar 2 + 29 = Mar 31, + 1 = 2026-04-01. 60 days: 2026-05-01.
const facts = usFacts({ affected: { total: 1200, byJurisdiction: { 'US-NY': 600, 'US-WA': 600 } } });
const assess = 'assess BR-1 --nature "names and diagnoses" --person "another covered entity" --acquired "not viewed" --mitigation "returned and attested" --conclusion low';

describe('a low-probability finding: no HIPAA notice, so no HIPAA deeming of the State notice to residents', () => {
  it('before the assessment: NY and WA resident notices deemed satisfied by the HIPAA notice; WA AG on the 60-day HITECH timeline', async () => {
    const { rows } = await runScenario(facts, '2026-03-05T12:00:00Z');
    expect(rows.find((r) => r.obligation === 'US-NY-BREACH:individuals')).toMatchObject({ status: 'not_applicable' });
    expect(rows.find((r) => r.obligation === 'US-WA-BREACH:attorney_general')).toMatchObject({ dueDate: '2026-05-01' });
  });

  it('after it: NY and WA resident notices need facts at their own 30 days (2026-04-01); WA AG back to 30 days', async () => {
    const { say } = await runScenario(facts, '2026-03-05T12:00:00Z');
    expect((await say(assess)).outcome).toBe('ok');
    const rows = JSON.parse((await say('deadlines BR-1 --json')).text) as Array<{ obligation: string; status: string; dueDate: string | null; basis: string }>;
    expect(rows.find((r) => r.obligation === 'US-HIPAA-164.404-INDIVIDUALS')).toMatchObject({ status: 'not_applicable' });
    for (const id of ['US-NY-BREACH:individuals', 'US-WA-BREACH:individuals']) {
      const row = rows.find((r) => r.obligation === id)!;
      expect(row, id).toMatchObject({ status: 'needs_facts', dueDate: '2026-04-01' });
      expect(row.basis, id).toMatch(/no HIPAA notice is made \(risk assessment of 2026-03-05 .* low probability/);
    }
    // RCW 19.255.010: the Attorney General within 30 days of discovery when more than 500 residents.
    expect(rows.find((r) => r.obligation === 'US-WA-BREACH:attorney_general')).toMatchObject({ dueDate: '2026-04-01' });
  });
});
