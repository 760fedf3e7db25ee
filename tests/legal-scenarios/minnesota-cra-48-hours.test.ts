// Minn. Stat. 325E.61 subd. 2 (as reproduced in "A Legal Guide to Privacy and Data Security 2024"): "If a person
// discovers circumstances requiring notification under this section ... of more than 500 persons at one time, the
// person shall also notify, within 48 hours, all consumer reporting agencies ... of the timing, distribution, and
// content of the notices." The 48 hours run from discovering those circumstances, not from the notice to residents
// (which has no day count, "most expedient time possible"): tying them to the residents' notice, or to the HIPAA
// 60-day outer limit standing in for it, put the CRA notice up to two months later than the statute allows.
import { describe, expect, it } from 'vitest';
import { runScenario, usFacts } from './run-scenario.ts';

const CRA = 'US-MN-BREACH:consumer_reporting_agencies';

describe('Minnesota: consumer reporting agencies within 48 hours of discovery when more than 500 residents', () => {
  it('a covered entity, 600 Minnesotans, discovery 2026-04-10 10:00 CDT: due 2026-04-12 10:00 CDT, not 48 h after the HIPAA deadline', async () => {
    // 2026-04-10T10:00-05:00 + 48 continuous hours = 2026-04-12T10:00-05:00 (no DST change in between).
    const { rows } = await runScenario(usFacts({
      discoveredAt: '2026-04-10T10:00:00-05:00',
      affected: { total: 600, byJurisdiction: { 'US-MN': 600 } },
    }), '2026-04-11T12:00:00Z');
    const row = rows.find((r) => r.obligation === CRA)!;
    expect(row).toMatchObject({ kind: 'instant', dueAt: '2026-04-12T10:00:00.000-05:00', status: 'pending', citation: 'Minn. Stat. 325E.61 subd. 2' });
    expect(row.basis).toMatch(/^48 hours after discovery at 2026-04-10/);
  });

  it('500 Minnesotans (not more than 500): no CRA notice', async () => {
    const { rows } = await runScenario(usFacts({
      discoveredAt: '2026-04-10T10:00:00-05:00',
      affected: { total: 500, byJurisdiction: { 'US-MN': 500 } },
    }), '2026-04-11T12:00:00Z');
    expect(rows.find((r) => r.obligation === CRA)).toMatchObject({ status: 'not_applicable' });
  });
});
