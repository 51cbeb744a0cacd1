// Indirectly standardised ratio (METHODS §3 reference values) and Byar's missing lower bound.
import { describe, expect, it } from 'vitest';
import { byarInterval, compareWithBenchmark, expectedCount, standardisedRatio } from '../../../src/stats/index.ts';

describe('standardisedRatio: METHODS §3 references', () => {
  it.each<[number, number, number, 0.95 | 0.998, number, number, string]>([
    // [O, E, ratio, level, lower, upper, comparison with 1]
    [65, 80, 0.8125, 0.95, 0.627040, 1.035614, 'similar'],
    [1045, 900, 1.161111, 0.998, 1.053267, 1.276451, 'much higher'],
  ])('O = %s, E = %s → %s', (o, e, ratio, level, lower, upper, comparison) => {
    const sr = standardisedRatio(o, e);
    expect(sr.ratio).toBeCloseTo(ratio, 6);
    const ci = level === 0.95 ? sr.ci95 : sr.ci998;
    expect(ci.lower).toBeCloseTo(lower, 6);
    expect(ci.upper).toBeCloseTo(upper, 6);
    expect(compareWithBenchmark(sr.ci95, sr.ci998, 1)).toBe(comparison);
  });

  it('has no ratio when nothing is expected (no pupils)', () => {
    expect(Number.isNaN(standardisedRatio(4, 0).ratio)).toBe(true);
  });

  it('uses the exact Poisson interval below 10 events: O = 5, E = 4 → 1.25, 95% 0.405872 to 2.917083', () => {
    // METHODS §1: x = 5 exact 95% 1.623486 to 11.668332, each ÷ 4.
    const sr = standardisedRatio(5, 4);
    expect(sr.ci95.lower).toBeCloseTo(1.623486 / 4, 6);
    expect(sr.ci95.upper).toBeCloseTo(11.668332 / 4, 6);
  });

  it('expects Σ phase pupil-years × the benchmark rate per pupil-year', () => {
    // 60 early-years pupil-years at 0.1 and 360 primary at 0.05: 6 + 18 = 24; a phase with no rate counts 0.
    expect(expectedCount(new Map([['early_years', 60], ['primary', 360], ['post16', 10]]), new Map([['early_years', 0.1], ['primary', 0.05]]))).toBeCloseTo(24, 12);
  });
});

describe('byarInterval without a lower bound', () => {
  it('gives NaN (shown as "x"), not a negative count, where the cube\'s base goes negative', () => {
    // x = 1 at 99.8%: 1 − 1/9 − 3.090232/3 = −0.1413 < 0.
    expect(Number.isNaN(byarInterval(1, 0.998).lower)).toBe(true);
    expect(byarInterval(1, 0.998).upper).toBeGreaterThan(0);
    // x = 10 keeps its bound (METHODS' switch point).
    expect(byarInterval(10, 0.998).lower).toBeGreaterThan(0);
  });
});
