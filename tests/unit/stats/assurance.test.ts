import { describe, expect, it } from 'vitest';
import { assurance } from '../../../src/stats/assurance.ts';

describe('assurance (Making Data Count)', () => {
  it.each([
    // % within 18 weeks, limits 80–95: a target of 75 is always beaten, 98 never reached, 92 sometimes.
    [80, 95, 75, true, 'pass'], [80, 95, 98, true, 'fail'], [80, 95, 92, true, 'hit_and_miss'],
    // Median wait in weeks, limits 10–16: lower is better.
    [10, 16, 18, false, 'pass'], [10, 16, 8, false, 'fail'], [10, 16, 12, false, 'hit_and_miss'],
  ] as const)('limits %s–%s, target %s (higher better: %s) → %s', (lo, hi, target, higher, expected) => {
    expect(assurance(lo, hi, target, higher)).toBe(expected);
  });
  it('no verdict without limits', () => expect(assurance(NaN, 5, 3, true)).toBeNull());
});
