// A State notice due "no later than the notice to residents" (Conn. Gen. Stat. 36a-701b: Attorney General no later
// than the residents; N.J.S.A. 56:8-163(c)(1): State Police before the customers; Md. 14-3504: Attorney General
// before the individuals) takes the residents' notice deadline as its upper bound. When that notice is the HIPAA one
// and its start depends on an unanswered fact (is the vendor our agent? 45 CFR 164.404(a)(2)), the bound still
// exists: it is the earliest date the HIPAA notice could be due, and the State notice needs facts with it, instead of
// "pending" with no deadline at all.
import { describe, expect, it } from 'vitest';
import { runScenario, usFacts } from './run-scenario.ts';

// Our discovery 2026-03-20 (New York time); the vendor's own discovery 2026-03-02, agent question unanswered. If the
// vendor is our agent, HIPAA 164.404 runs from 2026-03-02: + 60 = Mar 2 + 29 = Mar 31, + 30 = Apr 30, + 1 = 2026-05-01.
const facts = usFacts({
  discoveredAt: '2026-03-20T09:00:00-04:00',
  vendor: { name: 'EHR Co', role: 'business_associate', discoveredAt: '2026-03-02T09:00:00-05:00', notifiedUsAt: '2026-03-20T09:00:00-04:00' },
  affected: { total: 700, byJurisdiction: { 'US-CT': 100, 'US-NJ': 100, 'US-MD': 500 } },
  organization: { timezone: 'America/New_York' },
});

describe('a notice bounded by a HIPAA notice that needs facts keeps the bound', () => {
  it.each(['US-CT-BREACH:attorney_general', 'US-NJ-BREACH:state_police', 'US-MD-BREACH:attorney_general'])('%s: needs facts, 2026-05-01 shown', async (id) => {
    const { rows } = await runScenario(facts, '2026-03-21T12:00:00Z');
    expect(rows.find((r) => r.obligation === 'US-HIPAA-164.404-INDIVIDUALS')).toMatchObject({ status: 'needs_facts', dueDate: '2026-05-01' });
    const row = rows.find((r) => r.obligation === id)!;
    expect(row).toMatchObject({ status: 'needs_facts', dueDate: '2026-05-01' });
    expect(row.basis).toMatch(/US-HIPAA-164\.404-INDIVIDUALS notice it follows needs facts/);
  });

  it('answered (not our agent): the bound is the HIPAA deadline from our own discovery, 2026-03-20 + 60 = 2026-05-19, pending', async () => {
    const { say } = await runScenario(facts, '2026-03-21T12:00:00Z');
    await say('set BR-1 vendor.isAgent no');
    const rows = JSON.parse((await say('deadlines BR-1 --json')).text) as Array<{ obligation: string; status: string; dueDate: string | null }>;
    // Mar 20 + 11 = Mar 31, + 30 = Apr 30 (41), + 19 = 2026-05-19.
    expect(rows.find((r) => r.obligation === 'US-CT-BREACH:attorney_general')).toMatchObject({ status: 'pending', dueDate: '2026-05-19' });
  });
});
