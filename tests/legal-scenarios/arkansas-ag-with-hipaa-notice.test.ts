// Arkansas (regulations-update-2026-12.md, AR row; Ark. Code 4-110-105(d), Act 1030 of 2019): the Attorney General is
// notified when more than 1,000 residents are affected, "at the same time as individuals or within 45 d of determining
// likelihood of harm, whichever first". For a HIPAA covered entity the residents' notice is the HIPAA notice
// (Ark. Code 4-110-106 deeming: US-AR-BREACH:individuals is satisfied by US-HIPAA-164.404-INDIVIDUALS), so a HIPAA
// notice already sent moves the Attorney General notice up to that day, as a state notice to residents would.
import { describe, expect, it } from 'vitest';
import { runScenario, usFacts } from './run-scenario.ts';

const AG = 'US-AR-BREACH:attorney_general';
// Discovery 2025-12-20 (no determination recorded: counted from discovery, the earliest start).
// 45 days: Dec 20 + 11 = Dec 31, + 31 = Jan 31 (42), + 3 = 2026-02-03.
const facts = (notices: unknown[]) => usFacts({
  discoveredAt: '2025-12-20T10:00:00-06:00',
  affected: { total: 1500, byJurisdiction: { 'US-AR': 1500 } },
  notices,
});

describe('Arkansas Attorney General: no later than the notice to residents, whichever notice it was', () => {
  it('nothing sent yet: 45 days, 2026-02-03', async () => {
    const { rows } = await runScenario(facts([]), '2026-01-06T12:00:00Z');
    expect(rows.find((r) => r.obligation === AG)).toMatchObject({ status: 'pending', dueDate: '2026-02-03' });
  });

  it('the HIPAA notice (which satisfies the Arkansas one) went out 2026-01-05: the Attorney General was due that day, overdue on 2026-01-06', async () => {
    const { rows } = await runScenario(facts([{ obligation: 'US-HIPAA-164.404-INDIVIDUALS', sentAt: '2026-01-05T12:00:00-06:00' }]), '2026-01-06T12:00:00Z');
    const row = rows.find((r) => r.obligation === AG)!;
    expect(row).toMatchObject({ status: 'overdue', dueDate: '2026-01-05' });
    expect(row.basis).toMatch(/moved up to 2026-01-05, when the US-HIPAA-164\.404-INDIVIDUALS notice was sent/);
  });
});

describe('a clock counted from the notice to residents starts at the first one sent', () => {
  it('Oregon Attorney General "no later than the notice to residents": the HIPAA letter of 2026-01-05, not a later Oregon letter of 2026-01-20', async () => {
    // ORS 646A.604 (more than 250 residents): the covered entity's HIPAA letter reached the residents on 2026-01-05, so
    // the Attorney General notice was due that day (days 0 from the first notice), overdue on 2026-01-21.
    const { rows } = await runScenario(usFacts({
      discoveredAt: '2025-12-20T10:00:00-06:00',
      affected: { total: 300, byJurisdiction: { 'US-OR': 300 } },
      notices: [
        { obligation: 'US-OR-BREACH:individuals', sentAt: '2026-01-20T12:00:00-06:00' },
        { obligation: 'US-HIPAA-164.404-INDIVIDUALS', sentAt: '2026-01-05T12:00:00-06:00' },
      ],
    }), '2026-01-21T12:00:00Z');
    expect(rows.find((r) => r.obligation === 'US-OR-BREACH:attorney_general')).toMatchObject({ status: 'overdue', dueDate: '2026-01-05' });
  });
});
