// Clocks: the system clock for production, a settable one for `--now` and tests.
import type { Clock } from './ports.ts';

/** Real time. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is put. */
export interface ManualClock extends Clock {
  /** Jump to an instant. */
  set(at: Date | string): void;
  /** Move forward by milliseconds. */
  advance(ms: number): void;
}

/** A clock fixed at `start` until moved. */
export function createManualClock(start: Date | string): ManualClock {
  let current = new Date(start).getTime();
  if (Number.isNaN(current)) throw new Error(`not a date: ${String(start)}`);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
