// Intervals and comparisons: every METHODS.md §1–§3 reference value to 1e-6, plus the edge cases.
import { describe, expect, it } from 'vitest';
import {
  byarInterval, compareWithBenchmark, comparisonExplanation, exactPoissonInterval, poissonCountInterval, rateInterval,
  wilsonInterval, Z, type Comparison, type Level,
} from '../../../src/stats/intervals.ts';

const TOL = 1e-6;

describe('Z', () => {
  it('holds the precise two-sided quantiles (METHODS rounds them to 1.959964 and 3.090232)', () => {
    expect(Z[0.95]).toBeCloseTo(1.959964, 6);
    expect(Z[0.998]).toBeCloseTo(3.090232, 6);
    expect(Math.abs(Z[0.95] - 1.959963984540054)).toBeLessThan(1e-15);
  });
});

describe('poissonCountInterval (METHODS §1)', () => {
  it.each<[number, Level, number, number, string]>([
    [65, 0.95, 50.163188, 82.849139, 'METHODS §1 Byar'],
    [1045, 0.998, 947.940704, 1148.806161, 'METHODS §1 Byar'],
    [5, 0.95, 1.623486, 11.668332, 'METHODS §1 exact'],
    [0, 0.95, 0, 3.688879, 'METHODS §1 exact, x = 0'],
    [9, 0.95, 4.115373, 17.084803, 'exact Garwood interval for 9 (published tables: 4.1154, 17.0848)'],
    [0, 0.998, 0, 6.907755, 'x = 0: upper = −ln(0.001)'],
    [1, 0.95, 0.025318, 5.571643, 'exact for 1: lower = −ln(0.975)'],
  ])('x = %s at %s → [%s, %s] (%s)', (x, level, lower, upper) => {
    const ci = poissonCountInterval(x, level);
    expect(Math.abs(ci.lower - lower)).toBeLessThan(TOL);
    expect(Math.abs(ci.upper - upper)).toBeLessThan(TOL);
  });

  it('switches from exact to Byar at 10 events', () => {
    const z = 1.959963984540054;
    // Byar for 10, written out here from METHODS §1.
    const byar10 = { lower: 10 * (1 - 1 / 90 - z / (3 * Math.sqrt(10))) ** 3, upper: 11 * (1 - 1 / 99 + z / (3 * Math.sqrt(11))) ** 3 };
    expect(poissonCountInterval(10, 0.95).lower).toBeCloseTo(byar10.lower, 12);
    expect(poissonCountInterval(10, 0.95).upper).toBeCloseTo(byar10.upper, 12);
    // ... and the exact interval for 10 differs (published: 4.795389, 18.390356).
    expect(exactPoissonInterval(10, 0.95).lower).toBeCloseTo(4.795389, 5);
    expect(Math.abs(poissonCountInterval(10, 0.95).lower - 4.795389)).toBeGreaterThan(1e-3);
    // 9 stays exact, not Byar.
    expect(poissonCountInterval(9, 0.95)).toEqual(exactPoissonInterval(9, 0.95));
    expect(poissonCountInterval(9, 0.95)).not.toEqual(byarInterval(9, 0.95));
  });

  it('negative or non-finite counts give NaNs', () => {
    expect(poissonCountInterval(-1, 0.95).lower).toBeNaN();
    expect(poissonCountInterval(NaN, 0.95).upper).toBeNaN();
  });
});

describe('rateInterval', () => {
  it('scales the count interval by multiplier / denominator', () => {
    const r = rateInterval(65, 2000, 1000, 0.95);
    expect(r.rate).toBeCloseTo(32.5, 12);
    expect(Math.abs(r.lower - 50.163188 / 2)).toBeLessThan(TOL);
    expect(Math.abs(r.upper - 82.849139 / 2)).toBeLessThan(TOL);
  });

  it('a part-year denominator (pupil-years) gives a yearly rate', () => {
    // 5 referrals in 6 months among 1,000 pupils = 500 pupil-years → 10 per 1,000 a year.
    const r = rateInterval(5, 500, 1000, 0.95);
    expect(r.rate).toBeCloseTo(10, 12);
    expect(Math.abs(r.upper - 11.668332 * 2)).toBeLessThan(2 * TOL);
  });

  it.each([0, -5, NaN])('denominator %s → NaNs', (d) => {
    const r = rateInterval(3, d, 1000, 0.95);
    expect([r.rate, r.lower, r.upper].every(Number.isNaN)).toBe(true);
  });

  it('0 events: rate 0, lower 0, upper from the exact interval', () => {
    const r = rateInterval(0, 1000, 1000, 0.95);
    expect(r).toEqual({ rate: 0, lower: 0, upper: expect.closeTo(3.688879, 6) });
  });
});

describe('wilsonInterval (METHODS §2)', () => {
  it.each<[number, number, Level, number, number]>([
    [65, 100, 0.95, 0.552544, 0.736358],
    [65, 100, 0.998, 0.495495, 0.778354],
  ])('%s/%s at %s → [%s, %s]', (x, n, level, lower, upper) => {
    const ci = wilsonInterval(x, n, level);
    expect(ci.proportion).toBe(x / n);
    expect(Math.abs(ci.lower - lower)).toBeLessThan(TOL);
    expect(Math.abs(ci.upper - upper)).toBeLessThan(TOL);
  });

  it('0 of n has lower 0; n of n has upper 1', () => {
    expect(wilsonInterval(0, 10, 0.95).lower).toBe(0);
    // z²/(n + z²) for x = 0, n = 10.
    const z2 = 1.959963984540054 ** 2;
    expect(wilsonInterval(0, 10, 0.95).upper).toBeCloseTo(z2 / (10 + z2), 12);
    expect(wilsonInterval(10, 10, 0.95).upper).toBe(1);
  });

  it.each([[0, 0], [5, 3], [-1, 10]])('x = %s, n = %s → NaNs', (x, n) => {
    expect(wilsonInterval(x, n, 0.95).proportion).toBeNaN();
  });
});

describe('compareWithBenchmark (METHODS §3)', () => {
  const ci95 = { lower: 10, upper: 14 };
  const ci998 = { lower: 9, upper: 16 };
  it.each<[number, Comparison]>([
    [12, 'similar'], [10, 'similar'], [14, 'similar'],
    [9.5, 'higher'], [9, 'higher'], [8.9, 'much higher'],
    [15, 'lower'], [16, 'lower'], [16.1, 'much lower'],
    [NaN, 'not compared'],
  ])('benchmark %s → %s', (benchmark, expected) => {
    expect(compareWithBenchmark(ci95, ci998, benchmark)).toBe(expected);
  });

  it('NaN intervals are not compared', () => {
    expect(compareWithBenchmark({ lower: NaN, upper: NaN }, ci998, 12)).toBe('not compared');
    expect(compareWithBenchmark(ci95, { lower: NaN, upper: 3 }, 12)).toBe('not compared');
  });
});

describe('comparisonExplanation', () => {
  const ci95 = { lower: 13.04, upper: 16.2 };
  const ci998 = { lower: 12.01, upper: 17.1 };

  it('names the rule and the interval that raised the flag', () => {
    expect(comparisonExplanation('much higher', 11.5, ci95, ci998)).toBe(
      "The area rate (11.5 per 1,000) lies outside this group's 99.8% interval (12.0 to 17.1 per 1,000), so this group is much higher than the area.",
    );
    expect(comparisonExplanation('higher', 12.3, ci95, ci998)).toBe(
      "The area rate (12.3 per 1,000) lies outside this group's 95% interval (13.0 to 16.2 per 1,000) but inside its 99.8% interval (12.0 to 17.1 per 1,000), so this group is higher than the area.",
    );
    expect(comparisonExplanation('similar', 14, ci95, ci998)).toContain("lies inside this group's 95% interval");
    expect(comparisonExplanation('not compared', NaN, ci95, ci998)).toMatch(/^Not compared with the area/);
  });

  it('formats thousands and other units and subjects', () => {
    const text = comparisonExplanation('lower', 1234.56, { lower: 1300, upper: 1400 }, { lower: 1200, upper: 1500 }, { unit: '%', subject: 'Hill Primary', decimals: 2 });
    expect(text).toBe(
      "The area rate (1,234.56%) lies outside Hill Primary's 95% interval (1,300.00 to 1,400.00%) but inside its 99.8% interval (1,200.00 to 1,500.00%), so Hill Primary is lower than the area.",
    );
  });

  it('never says better or worse', () => {
    for (const c of ['similar', 'higher', 'lower', 'much higher', 'much lower', 'not compared'] as const) {
      expect(comparisonExplanation(c, 12, ci95, ci998)).not.toMatch(/better|worse/);
    }
  });
});
