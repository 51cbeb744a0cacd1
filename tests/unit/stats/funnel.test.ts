// Funnel limits: METHODS §4 reference counts to 1e-6, and the defining property (a point lies outside a limit
// exactly when its own exact interval excludes the area rate).
import { describe, expect, it } from 'vitest';
import { funnelLimitCounts, funnelLimits, funnelPosition, proportionFunnelLimits, type FunnelPosition } from '../../../src/stats/funnel.ts';
import { exactPoissonInterval, type Level } from '../../../src/stats/intervals.ts';

const TOL = 1e-6;

describe('funnelLimitCounts (METHODS §4)', () => {
  it.each<[number, Level, number, number]>([
    [10, 0.95, 3.833616, 17.127159],
    [10, 0.998, 1.371477, 21.5706],
    [250, 0.95, 218.994162, 281.953536],
  ])('E = %s at %s → O_L %s, O_U %s', (expected, level, lower, upper) => {
    const counts = funnelLimitCounts(expected, level);
    expect(Math.abs(counts.lower - lower)).toBeLessThan(TOL);
    expect(Math.abs(counts.upper - upper)).toBeLessThan(TOL);
  });

  it('O_L is 0 when E ≤ χ²inv(1 − α/2; 2)/2 = −ln(α/2)', () => {
    expect(funnelLimitCounts(3.6, 0.95).lower).toBe(0);
    expect(funnelLimitCounts(-Math.log(0.025), 0.95).lower).toBe(0);
    expect(funnelLimitCounts(3.7, 0.95).lower).toBeGreaterThan(0);
    expect(funnelLimitCounts(6.9, 0.998).lower).toBe(0);
  });

  it('E = 0 gives 0 and 0; negative or NaN gives NaNs', () => {
    expect(funnelLimitCounts(0, 0.95)).toEqual({ lower: 0, upper: 0 });
    expect(funnelLimitCounts(-1, 0.95).lower).toBeNaN();
    expect(funnelLimitCounts(NaN, 0.95).upper).toBeNaN();
  });

  it.each([10, 37.5, 250, 4000])('is not the Poisson interval of E (E = %s): the exact bounds of O_L, O_U land on E', (e) => {
    const { lower, upper } = funnelLimitCounts(e, 0.95);
    // Garwood bounds for non-integer counts, from the same χ² identity, must equal E.
    expect(Math.abs(exactPoissonInterval(upper, 0.95).lower - e) / e).toBeLessThan(1e-9);
    if (lower > 0) expect(Math.abs(exactPoissonInterval(lower, 0.95).upper - e) / e).toBeLessThan(1e-9);
    expect(upper).not.toBeCloseTo(exactPoissonInterval(e, 0.95).upper, 3);
  });

  it('handles large expected counts quickly', () => {
    const { lower, upper } = funnelLimitCounts(1e6, 0.998);
    // Normal approximation: E ± z√E to within a few counts.
    expect(Math.abs(lower - (1e6 - 3.090232 * 1000))).toBeLessThan(5);
    expect(Math.abs(upper - (1e6 + 3.090232 * 1000))).toBeLessThan(5);
  });
});

describe('funnelLimits', () => {
  it('divides the limit counts by the denominator, in the units of the area rate', () => {
    // Area rate 0.01 per pupil, 1,000 pupils → E = 10.
    const limits = funnelLimits(0.01, 1000, 0.95);
    expect(Math.abs(limits.lower - 3.833616 / 1000)).toBeLessThan(TOL / 1000);
    expect(Math.abs(limits.upper - 17.127159 / 1000)).toBeLessThan(TOL / 1000);
  });

  it.each([0, -3, NaN])('denominator %s → NaNs', (n) => {
    expect(funnelLimits(0.01, n, 0.95).lower).toBeNaN();
  });
});

describe('funnelPosition', () => {
  // E = 10: 95% limits 3.833616–17.127159, 99.8% limits 1.371477–21.570600 (METHODS §4).
  it.each<[number, FunnelPosition]>([
    [10, 'within'], [4, 'within'], [17, 'within'],
    [18, 'above 95%'], [21, 'above 95%'], [22, 'above 99.8%'],
    [3, 'below 95%'], [2, 'below 95%'], [1, 'below 99.8%'], [0, 'below 99.8%'],
  ])('count %s of expected 10 → %s', (count, position) => {
    expect(funnelPosition(count, 1000, 0.01)).toBe(position);
  });

  it('agrees with each count\'s own exact interval (the Fingertips definition)', () => {
    for (let count = 0; count <= 40; count++) {
      const ci95 = exactPoissonInterval(count, 0.95);
      const outside95 = ci95.lower > 10 || ci95.upper < 10;
      expect(funnelPosition(count, 1000, 0.01) !== 'within').toBe(outside95);
    }
  });

  it('0 pupils is not flagged', () => {
    expect(funnelPosition(3, 0, 0.01)).toBe('within');
  });
});

describe('proportionFunnelLimits (METHODS §4, inverted Wilson)', () => {
  const a = 0.80642448;
  it.each<[number, 2 | 3, number, number | null]>([
    [3, 2, 35.933492, 100],
    [3, 3, 10.150815, 100],
    [110000, 2, 80.408963, 80.875933],
    [110000, 3, 80.274317, 81.010579],
  ])('N = %s, %sσ → lower %s, upper %s (×100)', (n, sigma, lower, upper) => {
    const limits = proportionFunnelLimits(a, n, sigma);
    expect(Math.abs(limits.lower * 100 - lower)).toBeLessThan(TOL);
    if (upper !== null) expect(Math.abs(limits.upper * 100 - upper)).toBeLessThan(TOL);
  });

  it('clips to [0, 1] and handles averages of 0 and 1', () => {
    expect(proportionFunnelLimits(0, 50, 2).lower).toBe(0);
    expect(proportionFunnelLimits(1, 50, 2).upper).toBe(1);
    expect(proportionFunnelLimits(0.5, 0, 2).lower).toBeNaN();
  });
});
