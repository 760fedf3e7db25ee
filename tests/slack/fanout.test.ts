// Fan-out at the rate limit, small: 150 reminders against a Web API allowing 50 posts a second (bench/fanout.ts runs 1,000).
import { describe, expect, it } from 'vitest';
import { benchFanout } from '../../bench/fanout.ts';

describe('reminder fan-out under a 50/s Slack limit', () => {
  it('delivers 150 reminders in about three seconds of rate-limit windows, none doubled', { timeout: 30_000 }, async () => {
    const r = await benchFanout({ reminders: 150, ratePerSecond: 50 });
    expect(r.delivered).toBe(150);
    expect(r.duplicates).toBe(0);
    // 150 posts at 50 a second need three one-second windows; posted one at a time behind retries it took far longer.
    expect(r.totalMs).toBeLessThan(6000);
  });
});
