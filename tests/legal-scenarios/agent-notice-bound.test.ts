// A vendor that is our agent told us of the breach, but its own discovery date is not recorded. 45 CFR 164.404(a)(2):
// an agent's knowledge is ours. It cannot have told us before it knew, so its discovery is at the latest its notice:
// the HIPAA clock has run at least since then, even when our own discovery (a later internal confirmation) came after.
import { describe, expect, it } from 'vitest';
import { runScenario, usFacts } from './run-scenario.ts';

// Its notice Mon 2026-03-02 09:00 CST; our own recorded discovery Mon 2026-03-16 09:00 CDT.
// 60 days from the notice (164.404(b)): Mar 2 + 29 = Mar 31, + 30 = Apr 30, + 1 = Fri 2026-05-01, end of day CDT.
// From our own discovery it would have been Mar 16 + 60 = Fri 2026-05-15: later than the law allows.
const facts = (notifiedUsAt: string) => usFacts({
  discoveredAt: '2026-03-16T09:00:00-05:00',
  vendor: { name: 'EHR vendor', role: 'business_associate', isAgent: true, notifiedUsAt },
  affected: { total: 600, byJurisdiction: { 'US-TX': 600 } },
});

describe('an agent whose own discovery is not recorded', () => {
  it('counts from its notice to us when that is earlier than our own discovery, and says why', async () => {
    const { rows } = await runScenario(facts('2026-03-02T09:00:00-06:00'), '2026-03-17T12:00:00Z');
    const o = rows.find((r) => r.obligation === 'US-HIPAA-164.404-INDIVIDUALS')!;
    expect(o).toMatchObject({ status: 'pending', dueDate: '2026-05-01', dueAt: '2026-05-01T23:59:59.999-05:00' });
    expect(o.basis).toMatch(/EHR vendor acts as our agent, so its discovery counts as ours, but its own discovery date is not recorded \(vendor\.discoveredAt\): counted from its notice to us on 2026-03-02, the latest its discovery can be/);
  });

  it('keeps our own discovery when the notice came after it', async () => {
    // Notice Wed 2026-03-18, after our discovery of Mar 16: Mar 16 + 60 days = Fri 2026-05-15.
    const { rows } = await runScenario(facts('2026-03-18T09:00:00-05:00'), '2026-03-19T12:00:00Z');
    const o = rows.find((r) => r.obligation === 'US-HIPAA-164.404-INDIVIDUALS')!;
    expect(o).toMatchObject({ dueDate: '2026-05-15' });
    expect(o.basis).toMatch(/its own discovery date is not recorded \(vendor\.discoveredAt\): the clock may have started earlier/);
  });
});
