// Form 8-K Item 1.05(c), each step counted from the end of the delay before it. The text (regulations.md §2.3: "up to
// 30 days; then up to 30 more days; then ... up to 60 more days"; Item 1.05(c): delay "for a time period specified by
// the Attorney General, up to 30 days following the date when the disclosure ... was otherwise required", then "an
// additional period of up to 30 days", then "a final additional period of up to 60 days") adds each period to the one
// granted before it. 30/60/120 days after the undelayed date are the outer limits only when every earlier step used its
// whole period: an initial delay of 10 days followed by an extension reaches at most 10 + 30 = 40 days, not 60.
import { describe, expect, it } from 'vitest';
import { compute, find, makeIncident } from '../deadlines/helpers.ts';

const SEC = 'US-SEC-8K-1.05';
// Materiality determined Mon 2025-03-03 (New York): Tue 03-04 (1), Wed (2), Thu (3), Fri 2025-03-07 (4): undelayed date.
const MATERIAL = '2025-03-03T10:00:00-05:00';
type Step = 'initial' | 'extension' | 'final' | 'exemptive_order';
const ag = (statedAt: string, until: string | null, secItem105c: Step) =>
  ({ form: 'written' as const, agency: 'US Department of Justice', official: 'Attorney General', statedAt, until, secItem105c });
const registrant = (delays: ReturnType<typeof ag>[]) =>
  makeIncident({ materialityDeterminedAt: MATERIAL, lawEnforcementDelays: delays, organization: { secRegistrant: true, timezone: 'America/New_York' } });

describe('an extension adds up to 30 days to the initial delay actually granted', () => {
  it('initial delay of 10 days (to 2025-03-17), extension asked to 2025-05-06: counted only to 2025-04-16', () => {
    // 2025-03-07 + 10 = 2025-03-17. Extension: 2025-03-17 + 30 = Mar 17 + 14 = Mar 31, + 16 = 2025-04-16
    // (not 2025-05-06 = 2025-03-07 + 60, which only a full 30-day initial delay would give).
    const delays = [ag('2025-03-05T15:00:00-05:00', '2025-03-17T23:59:00-04:00', 'initial'), ag('2025-03-14T10:00:00-04:00', '2025-05-06T23:59:00-04:00', 'extension')];
    const o = find(compute(registrant(delays), '2025-03-18T12:00:00Z'), SEC);
    expect(o).toMatchObject({ status: 'pending', dueDate: '2025-04-16', dueAt: '2025-04-16T23:59:59.999-04:00' });
    expect(o.basis).toMatch(/runs until 2025-05-06, past what Item 1\.05\(c\) allows \(30 days after 2025-03-17, the end of the delay before it\): counted only until 2025-04-16/);
  });

  it('a full initial delay (to 2025-04-06) and an extension to 2025-05-06: 2025-05-06 stands (2025-04-06 + 30)', () => {
    const delays = [ag('2025-03-05T15:00:00-05:00', '2025-04-06T23:59:00-04:00', 'initial'), ag('2025-04-01T10:00:00-04:00', '2025-05-06T23:59:00-04:00', 'extension')];
    expect(find(compute(registrant(delays), '2025-04-02T12:00:00Z'), SEC)).toMatchObject({ status: 'pending', dueDate: '2025-05-06' });
  });

  it('the final delay adds up to 60 days to the extension granted: extension to 2025-04-20, final asked to 2025-07-05 → 2025-06-19', () => {
    // 2025-04-20 + 60 = Apr 20 + 10 = Apr 30, + 31 = May 31, + 19 = 2025-06-19 (2025-07-05 = 2025-03-07 + 120 needs full steps).
    const delays = [
      ag('2025-03-05T15:00:00-05:00', '2025-04-06T23:59:00-04:00', 'initial'),
      ag('2025-04-01T10:00:00-04:00', '2025-04-20T23:59:00-04:00', 'extension'),
      ag('2025-04-15T10:00:00-04:00', '2025-07-05T23:59:00-04:00', 'final'),
    ];
    expect(find(compute(registrant(delays), '2025-04-16T12:00:00Z'), SEC)).toMatchObject({ status: 'pending', dueDate: '2025-06-19' });
  });

  it('an extension with no initial delay recorded adds its 30 days to the undelayed date: 2025-04-06', () => {
    // Nothing granted before it: the delay it extends ends on the undelayed 2025-03-07; 2025-03-07 + 30 = 2025-04-06.
    const o = find(compute(registrant([ag('2025-03-05T15:00:00-05:00', '2025-05-06T23:59:00-04:00', 'extension')]), '2025-03-06T12:00:00Z'), SEC);
    expect(o).toMatchObject({ dueDate: '2025-04-06' });
  });

  it('the initial delay without its end, then an extension past 30 days after it was made: the initial end decides, needs facts', () => {
    // Initial (no end) stated 2025-03-05; extension stated 2025-04-01 until 2025-05-06. The initial delay ran at least
    // until 2025-04-01 and at most until 2025-04-06 (30 days), so the extension reaches between 2025-05-01 (Apr 1 + 30)
    // and 2025-05-06 (Apr 6 + 30): the unrecorded end decides; the earliest, 2025-05-01, is shown.
    const delays = [ag('2025-03-05T15:00:00-05:00', null, 'initial'), ag('2025-04-01T10:00:00-04:00', '2025-05-06T23:59:00-04:00', 'extension')];
    const o = find(compute(registrant(delays), '2025-04-02T12:00:00Z'), SEC);
    expect(o).toMatchObject({ status: 'needs_facts', dueDate: '2025-05-01' });
    expect(o.basis).toMatch(/the end of the delay before it is not recorded/);
    // Within 30 days of the extension's own date the unknown end does not matter: extension to 2025-04-25 stands.
    const short = [ag('2025-03-05T15:00:00-05:00', null, 'initial'), ag('2025-04-01T10:00:00-04:00', '2025-04-25T23:59:00-04:00', 'extension')];
    expect(find(compute(registrant(short), '2025-04-02T12:00:00Z'), SEC)).toMatchObject({ status: 'pending', dueDate: '2025-04-25' });
  });

  it('the initial delay without its end, extension made on its last possible day (2025-04-06): nothing unknown, cut to 2025-05-06', () => {
    // The initial delay ran at least until 2025-04-06 and at most until 2025-04-06 (2025-03-07 + 30): its end is known.
    // Extension asked to 2025-05-20: 2025-04-06 + 30 = 2025-05-06, also the outer limit 2025-03-07 + 60.
    const delays = [ag('2025-03-05T15:00:00-05:00', null, 'initial'), ag('2025-04-06T10:00:00-04:00', '2025-05-20T23:59:00-04:00', 'extension')];
    expect(find(compute(registrant(delays), '2025-04-07T12:00:00Z'), SEC)).toMatchObject({ status: 'pending', dueDate: '2025-05-06' });
  });

  it('in French, the cut is said with a no-break space before the colon', () => {
    const delays = [ag('2025-03-05T15:00:00-05:00', '2025-03-17T23:59:00-04:00', 'initial'), ag('2025-03-14T10:00:00-04:00', '2025-05-06T23:59:00-04:00', 'extension')];
    const o = find(compute(registrant(delays), '2025-03-18T12:00:00Z', { lang: 'fr' }), SEC);
    expect(o.basis).toMatch(/30 jours après le 17\/03\/2025, fin du report précédent\)\u00a0: prise en compte seulement jusqu’au 16\/04\/2025/);
  });
});

describe('only a written Attorney General determination is an Item 1.05(c) step', () => {
  it('an oral statement marked as the initial delay (imported) does not move the 8-K: 2025-03-07 stands, and the basis says why', () => {
    // Item 1.05(c): the Attorney General "notifies the Commission of such determination in writing" (regulations.md §2.3).
    const oral = { ...ag('2025-03-05T15:00:00-05:00', '2025-04-06T23:59:00-04:00', 'initial'), form: 'oral' as const };
    const o = find(compute(registrant([oral as unknown as ReturnType<typeof ag>]), '2025-03-06T12:00:00Z'), SEC);
    expect(o).toMatchObject({ status: 'due_soon', dueDate: '2025-03-07' });
    expect(o.basis).toMatch(/oral statement by Attorney General \(US Department of Justice\) on 2025-03-05 is marked as .* but Item 1\.05\(c\) needs the Attorney General's determination notified to the SEC in writing: it does not delay the 8-K/);
  });
});
