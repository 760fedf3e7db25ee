// A vendor found the breach two weeks before we did, and nobody has said whether it is our agent (vendor.isAgent).
// 45 CFR 164.404(a)(2): a breach is discovered when known to any workforce member or agent of the covered entity,
// agency following the federal common law of agency; an independent contractor's knowledge reaches us with its notice
// (HHS 2009 IFR preamble, 74 FR 42740, per regulations.md). The answer decides the HIPAA clocks: never a silent default.
import { describe, expect, it } from 'vitest';
import { IncidentSchema } from '../../bot/model/incident-schema.ts';
import { runScenario, usFacts, type Row } from './run-scenario.ts';

// Vendor's discovery Mon 2026-03-02 09:00 CST; its notice to us, and our own discovery, Mon 2026-03-16 09:00 CDT.
// From the vendor's discovery (agent): Mar 2 + 29 = Mar 31, + 30 = Apr 30, + 1 = May 1 → 2026-05-01 (CDT).
// From our own discovery (contractor): Mar 16 + 15 = Mar 31, + 30 = Apr 30, + 15 = May 15 → 2026-05-15.
const AGENT_DUE = '2026-05-01';
const OWN_DUE = '2026-05-15';
const NOW = '2026-03-17T12:00:00Z';
const vendor = (patch: Record<string, unknown> = {}) => ({
  name: 'EHR vendor', role: 'business_associate', discoveredAt: '2026-03-02T09:00:00-06:00', notifiedUsAt: '2026-03-16T09:00:00-05:00', ...patch,
});
const facts = (v: Record<string, unknown>) => usFacts({ discoveredAt: '2026-03-16T09:00:00-05:00', vendor: v, affected: { total: 600, byJurisdiction: { 'US-TX': 600 } } });
const row = (rows: Row[], id: string) => {
  const found = rows.find((r) => r.obligation === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
const HIPAA = ['US-HIPAA-164.404-INDIVIDUALS', 'US-HIPAA-164.406-MEDIA:US-TX', 'US-HIPAA-164.408-HHS-500PLUS'];

describe('vendor.isAgent not answered, the vendor discovered the breach before we did', () => {
  it('HIPAA notices need facts, dated from the vendor\'s discovery (the earliest the law could require), basis naming both readings', async () => {
    const { rows } = await runScenario(facts(vendor()), NOW);
    for (const id of HIPAA) {
      const o = row(rows, id);
      expect(o, id).toMatchObject({ status: 'needs_facts', dueDate: AGENT_DUE, dueAt: '2026-05-01T23:59:59.999-05:00' });
      expect(o.basis).toMatch(/^not answered yet whether EHR vendor is our agent \(vendor\.isAgent\): if it is, its discovery on 2026-03-02 counts as ours \(45 CFR 164\.404\(a\)\(2\)/);
      expect(o.basis).toMatch(/the clock runs from our own discovery \(the earliest of its notice to us on 2026-03-16 and our own discovery on 2026-03-16\) only if EHR vendor is not our agent/);
      expect(o.basis).toMatch(/earliest possible deadline: 60 calendar days after discovery by EHR vendor \(imputed to us if it is our agent\) on 2026-03-02/);
      expect(o.basis).not.toMatch(/independent contractor:/);
    }
  });

  it('answered no (an independent contractor): from our own discovery, 2026-05-15; answered yes: from its discovery, 2026-05-01', async () => {
    const contractor = await runScenario(facts(vendor({ isAgent: false })), NOW);
    expect(row(contractor.rows, HIPAA[0]!)).toMatchObject({ status: 'pending', dueDate: OWN_DUE });
    expect(row(contractor.rows, HIPAA[0]!).basis).toMatch(/EHR vendor is an independent contractor/);
    const agent = await runScenario(facts(vendor({ isAgent: true })), NOW);
    expect(row(agent.rows, HIPAA[0]!)).toMatchObject({ status: 'pending', dueDate: AGENT_DUE });
  });

  it('a State clock does not take the HIPAA agent rule either way: Texas from our discovery or the vendor\'s notice', async () => {
    // Tex. Bus. & Com. 521.053(b): 60 days after determination (not recorded: discovery, Mar 16) → 2026-05-15.
    const { rows } = await runScenario(facts(vendor()), NOW);
    expect(row(rows, 'US-TX-BREACH:individuals')).toMatchObject({ dueDate: OWN_DUE });
    expect(row(rows, 'US-TX-BREACH:individuals').status).not.toBe('needs_facts');
  });

  it('the vendor discovered it after we did: the answer changes nothing, so nothing is asked', async () => {
    // Our discovery Mar 16 is the earliest start either way → 2026-05-15.
    const { rows } = await runScenario(facts(vendor({ discoveredAt: '2026-03-16T10:00:00-05:00', notifiedUsAt: '2026-03-16T12:00:00-05:00' })), NOW);
    const o = row(rows, HIPAA[0]!);
    expect(o).toMatchObject({ status: 'pending', dueDate: OWN_DUE });
    expect(o.basis).toMatch(/not answered whether EHR vendor is our agent \(vendor\.isAgent\); it does not change this clock/);
  });

  it('set vendor.isAgent no / unknown / yes moves the clock; set on an incident with no vendor leaves it unanswered', async () => {
    const { say } = await runScenario(facts(vendor()), NOW);
    const first = async () => (JSON.parse((await say('deadlines BR-1 --json')).text) as Row[]).find((r) => r.obligation === HIPAA[0])!;
    expect((await say('set BR-1 vendor.isAgent no')).outcome).toBe('ok');
    expect(await first()).toMatchObject({ status: 'pending', dueDate: OWN_DUE });
    expect((await say('set BR-1 vendor.agent unknown')).outcome).toBe('ok');
    expect(await first()).toMatchObject({ status: 'needs_facts', dueDate: AGENT_DUE });
    await say('set BR-1 vendor.isAgent yes');
    expect(await first()).toMatchObject({ status: 'pending', dueDate: AGENT_DUE });
    expect((await say('help set')).text).toMatch(/vendor\.isAgent.*yes\/no\/unknown/);

    const other = await runScenario(usFacts(), NOW);
    await other.say('set BR-1 vendor.discoveredAt "2026-02-27T09:00:00-06:00"');
    const o = (JSON.parse((await other.say('deadlines BR-1 --json')).text) as Row[]).find((r) => r.obligation === HIPAA[0])!;
    // Vendor's discovery Fri 2026-02-27: Feb 27 + 1 = Feb 28, + 31 = Mar 31, + 28 = Apr 28 → 2026-04-28.
    expect(o).toMatchObject({ status: 'needs_facts', dueDate: '2026-04-28' });
  });

  it('stored false keeps its meaning (an answer), absent reads as not answered', () => {
    const base = { ...facts(vendor()), id: 'BR-1', createdAt: NOW, updatedAt: NOW };
    expect(IncidentSchema.parse({ ...base, vendor: vendor({ isAgent: false }) }).vendor!.isAgent).toBe(false);
    expect(IncidentSchema.parse(base).vendor!.isAgent).toBeNull();
  });

  it('in French: the question and the earliest date are said in French', async () => {
    const { say } = await runScenario(facts(vendor()), NOW);
    await say('lang fr');
    const text = (await say('deadlines BR-1 --only US-HIPAA-164.404-INDIVIDUALS')).text;
    expect(text).toMatch(/EHR vendor est-il notre mandataire \(agent\)\u202f\? \(vendor\.isAgent\)/);
    expect(text).toMatch(/que si EHR vendor n’est pas notre mandataire/);
    expect(text).toMatch(/échéance la plus précoce possible/);
    expect(text).not.toMatch(/not answered|earliest possible/);
  });
});
