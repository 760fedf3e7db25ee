// The cached offsets agree with @date-fns/tz's TZDate everywhere, including DST days and half-hour zones.
import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOfLocalDay, isoInZone, localDate } from '../../bot/deadlines/time.ts';
import { wallTimeToInstant } from '../../bot/deadlines/zone-offset.ts';

const ZONES = ['America/Chicago', 'America/Los_Angeles', 'Europe/Paris', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham', 'UTC'];
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });

describe('zone offsets', () => {
  it('localDate and isoInZone match TZDate for any instant and zone', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (ms, zone) => {
        const reference = new TZDate(ms, zone);
        expect(localDate(ms, zone)).toBe(format(reference, 'yyyy-MM-dd'));
        expect(isoInZone(ms, zone)).toBe(format(reference, "yyyy-MM-dd'T'HH:mm:ss.SSSxxx"));
      }),
      { numRuns: 3000 },
    );
  });

  it('endOfLocalDay matches TZDate for any day and zone', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (ms, zone) => {
        const day = new Date(ms).toISOString().slice(0, 10);
        const [y, m, d] = day.split('-').map(Number);
        expect(endOfLocalDay(day, zone)).toBe(new TZDate(y!, m! - 1, d!, 23, 59, 59, 999, zone).getTime());
      }),
      { numRuns: 2000 },
    );
  });

  it('wallTimeToInstant finds the instant TZDate shows as that wall time (gaps forward, repeats the earlier)', () => {
    const minuteOfChangeDay = fc.integer({ min: 0, max: 24 * 60 - 1 });
    const changeDays: Array<[number, number, number]> = [[2025, 2, 9], [2025, 10, 2], [2025, 2, 30], [2025, 9, 26], [2025, 9, 5], [2025, 3, 6]];
    // The oracle: candidate instants from the zone's offsets that day, rendered back to wall time by TZDate.
    const reference = (local: number, zone: string) => {
      const offsets = new Set([-1, 1].map((s) => tzOffset(zone, new Date(local + s * 86_400_000))));
      const candidates = [...offsets].map((o) => local - o * 60_000);
      const wall = new Date(local).toISOString().slice(0, 16);
      const shown = candidates.filter((c) => format(new TZDate(c, zone), "yyyy-MM-dd'T'HH:mm") === wall);
      return shown.length > 0 ? Math.min(...shown) : Math.max(...candidates);
    };
    fc.assert(
      fc.property(fc.constantFrom(...changeDays), minuteOfChangeDay, fc.constantFrom(...ZONES), ([y, m, d], minute, zone) => {
        const local = Date.UTC(y, m, d, Math.floor(minute / 60), minute % 60);
        expect(wallTimeToInstant(local, zone)).toBe(reference(local, zone));
      }),
      { numRuns: 3000 },
    );
    // By hand: Chicago 2025-03-09 02:30 does not exist → 03:30 CDT; 2025-11-02 01:30 happens twice → the CDT one.
    expect(new Date(wallTimeToInstant(Date.UTC(2025, 2, 9, 2, 30), 'America/Chicago')).toISOString()).toBe('2025-03-09T08:30:00.000Z');
    expect(new Date(wallTimeToInstant(Date.UTC(2025, 10, 2, 1, 30), 'America/Chicago')).toISOString()).toBe('2025-11-02T06:30:00.000Z');
  });

  it('is right on the hand-checked change days', () => {
    // US spring forward 2025-03-09 02:00 CST → 03:00 CDT: 01:59 is -06:00, 03:00 is -05:00.
    expect(isoInZone(Date.UTC(2025, 2, 9, 7, 59), 'America/Chicago')).toBe('2025-03-09T01:59:00.000-06:00');
    expect(isoInZone(Date.UTC(2025, 2, 9, 8, 0), 'America/Chicago')).toBe('2025-03-09T03:00:00.000-05:00');
    // Lord Howe moves by 30 minutes at 02:00 local (+10:30 → +11:00) on 2025-10-05, at 15:30 UTC the day before.
    expect(isoInZone(Date.UTC(2025, 9, 4, 15, 29), 'Australia/Lord_Howe')).toBe('2025-10-05T01:59:00.000+10:30');
    expect(isoInZone(Date.UTC(2025, 9, 4, 15, 30), 'Australia/Lord_Howe')).toBe('2025-10-05T02:30:00.000+11:00');
    // Paris, autumn back 2025-10-26 03:00 CEST → 02:00 CET: the day ends at 23:59:59.999+01:00.
    expect(new Date(endOfLocalDay('2025-10-26', 'Europe/Paris')).toISOString()).toBe('2025-10-26T22:59:59.999Z');
  });
});
