// Recent-trend tests (METHODS §6). Expected χ² values are worked by hand in the comments.
import { describe, expect, it } from 'vitest';
import { cochranArmitageTrend, rateTrend, TREND_CRITICAL } from '../../../src/stats/trend.ts';

describe('cochranArmitageTrend', () => {
  const n = [100, 100, 100, 100, 100];
  // r = 10,15,20,25,30: N = 500, R = 100, Σrt = 350, Σnt = 1500, Σnt² = 5500.
  // χ² = 500·(500·350 − 100·1500)² / (100·400·(500·5500 − 1500²)) = 3.125e11 / 2e10 = 15.625.
  it.each<[number[], number, string]>([
    [[10, 15, 20, 25, 30], 15.625, 'increasing'],
    [[30, 25, 20, 15, 10], 15.625, 'decreasing'],
    // r = 16..24: numerator 500·320 − 150000 = 10000 → χ² = 500·1e8 / 2e10 = 2.5.
    [[16, 18, 20, 22, 24], 2.5, 'no significant change'],
    [[20, 20, 20, 20, 20], 0, 'no significant change'],
  ])('%j of 100 each → χ² %s, %s', (r, chi2, direction) => {
    const result = cochranArmitageTrend(r, n);
    expect(result.chi2).toBeCloseTo(chi2, 9);
    expect(result.direction).toBe(direction);
    expect(result.significant).toBe(direction !== 'no significant change');
    expect(result.reason).toBeNull();
  });

  it('uses only the last 5 periods', () => {
    expect(cochranArmitageTrend([90, 0, 10, 15, 20, 25, 30], [100, 100, ...n]).chi2).toBeCloseTo(15.625, 9);
  });

  it.each([[[1, 2, 3, 4]], [[3]], [[]]])('fewer than 5 periods (%j): no significant change, with a reason', (r) => {
    const result = cochranArmitageTrend(r, r.map(() => 10));
    expect(result).toMatchObject({ significant: false, direction: 'no significant change' });
    expect(result.chi2).toBeNaN();
    expect(result.reason).toMatch(/5 periods/);
  });

  it('no events at all (or all events): no variation to test', () => {
    expect(cochranArmitageTrend([0, 0, 0, 0, 0], n).reason).toMatch(/no variation/);
    expect(cochranArmitageTrend(n, n).reason).toMatch(/no variation/);
  });

  it('refuses mismatched inputs', () => {
    expect(() => cochranArmitageTrend([1, 2, 3, 4, 5], [10, 10])).toThrow(RangeError);
  });
});

describe('rateTrend', () => {
  const y = [10, 12, 14, 16, 18];
  const band = (se: number) => [y.map((v) => v - 1.96 * se), y.map((v) => v + 1.96 * se)] as const;
  // Equal weights w: b = (5·230 − 15·70)/(5·55 − 15²) = 2, and χ² = b²·w·(5·55 − 15²)/5 = 40·w.
  it.each<[number, number, string]>([
    [1, 40, 'increasing'],
    [2, 10, 'increasing'],
    [2.1, 40 / 4.41, 'no significant change'],
  ])('SE %s → χ² %s (%s)', (se, chi2, direction) => {
    const [lo, hi] = band(se);
    const result = rateTrend(y, lo, hi);
    expect(result.chi2).toBeCloseTo(chi2, 9);
    expect(result.direction).toBe(direction);
  });

  it('falling rates are decreasing', () => {
    const down = [...y].reverse();
    expect(rateTrend(down, down.map((v) => v - 1.96), down.map((v) => v + 1.96)).direction).toBe('decreasing');
  });

  it('the 99.8% critical value is 9.549536', () => {
    expect(TREND_CRITICAL).toBeCloseTo(9.549536, 6);
  });

  it('zero-width intervals and short series are not tested', () => {
    expect(rateTrend(y, y, y).reason).toMatch(/standard error 0/);
    expect(rateTrend([1, 2], [0, 1], [2, 3]).reason).toMatch(/5 periods/);
    expect(rateTrend([1, 2, NaN, 4, 5], [0, 1, 2, 3, 4], [2, 3, 4, 5, 6]).reason).toMatch(/missing/);
  });
});
