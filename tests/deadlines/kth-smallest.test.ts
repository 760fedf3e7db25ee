import { describe, expect, it } from 'vitest';
import { kthSmallest } from '../../bot/deadlines/kth-smallest.ts';

/** A reproducible pseudo-random sequence (no Math.random in tests). */
function numbers(n: number, seed: number, range: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s % range;
  });
}

describe('kthSmallest', () => {
  it('gives the value a full sort would put at every position, with and without repeats', () => {
    for (const [n, range] of [[1, 5], [2, 5], [7, 3], [100, 1_000_000], [1000, 4], [1000, 1]] as const) {
      const list = numbers(n, n * 31 + range, range);
      const sorted = [...list].sort((a, b) => a - b);
      for (let k = 0; k < n; k += Math.max(1, Math.floor(n / 50))) expect(kthSmallest(Float64Array.from(list), k)).toBe(sorted[k]);
      expect(kthSmallest(Float64Array.from(list), n - 1)).toBe(sorted[n - 1]);
    }
  });

  it('handles sorted and reverse-sorted input (due instants often come that way)', () => {
    const up = Float64Array.from({ length: 5000 }, (_, i) => i * 10);
    expect(kthSmallest(up.slice(), 199)).toBe(1990);
    const down = up.slice().reverse();
    expect(kthSmallest(down, 199)).toBe(1990);
  });

  it('refuses a position outside the list', () => {
    expect(() => kthSmallest(Float64Array.from([1, 2]), 2)).toThrow(RangeError);
    expect(() => kthSmallest(new Float64Array(0), 0)).toThrow(RangeError);
  });
});
