// Forecast on synthetic seasonal referral series made here with a seeded generator: the true seasonal pattern and
// level are known, so the test can check that the method recovers them and that its interval covers about 95%
// of held-back months.
import { describe, expect, it } from 'vitest';
import { backtest, forecastMonthly } from '../../../src/stats/forecast.ts';

// August about a third, autumn peaks (METHODS §9). Mean of the twelve is 1.
const SEASON = [1.0, 1.05, 1.1, 0.9, 1.05, 1.0, 0.77, 0.33, 1.2, 1.35, 1.3, 0.95];

function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson draw (Knuth for small means, rounded normal for large). */
function poisson(mu: number, u: () => number): number {
  if (mu > 60) return Math.max(0, Math.round(mu + Math.sqrt(mu) * Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u())));
  const limit = Math.exp(-mu);
  let k = 0;
  for (let p = u(); p > limit; p *= u()) k++;
  return k;
}

/** Monthly referrals from January 2019: level × growth^i × season, with Poisson noise. */
function synthetic(seed: number, months = 60, level = 120, growth = 1.004) {
  const u = uniform(seed);
  return Array.from({ length: months }, (_, i) => ({
    month: `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    value: poisson(level * growth ** i * (SEASON[i % 12] as number), u),
  }));
}

describe('forecastMonthly', () => {
  it('recovers the seasonal pattern when noise is small (1,000 referrals a month: Poisson noise ≈ 3%)', () => {
    const f = forecastMonthly(synthetic(7, 60, 1000));
    expect(f.seasonal).toHaveLength(12);
    f.seasonal?.forEach((s, m) => expect(Math.abs(s - (SEASON[m] as number))).toBeLessThan(0.05));
  });

  it('on 20 noisier series (120 a month) the average fitted season is close to the truth', () => {
    const mean = SEASON.map(() => 0);
    for (let seed = 1; seed <= 20; seed++) forecastMonthly(synthetic(seed)).seasonal?.forEach((s, m) => (mean[m] = (mean[m] as number) + s / 20));
    mean.forEach((s, m) => expect(Math.abs(s - (SEASON[m] as number))).toBeLessThan(0.04));
  });

  it('continues the level and keeps the August dip', () => {
    const f = forecastMonthly(synthetic(7));
    expect(f.method).toMatch(/Holt-Winters/);
    expect(f.points).toHaveLength(12);
    expect(f.points[0]?.month).toBe('2024-01');
    // True mean for 2024-08: 120 × 1.004^67 × 0.33 ≈ 51.8; October: ≈ 212.
    const aug = f.points[7];
    const oct = f.points[9];
    expect(Math.abs((aug?.forecast ?? 0) - 120 * 1.004 ** 67 * 0.33)).toBeLessThan(8);
    expect(Math.abs((oct?.forecast ?? 0) - 120 * 1.004 ** 69 * 1.35)).toBeLessThan(25);
    for (const p of f.points) expect(p.lower <= p.forecast && p.forecast <= p.upper && p.lower >= 0).toBe(true);
  });

  it('is deterministic', () => {
    expect(forecastMonthly(synthetic(3))).toEqual(forecastMonthly(synthetic(3)));
  });

  it('a higher level gives a wider interval', () => {
    const p80 = forecastMonthly(synthetic(5), 12, 0.8).points[0] as { lower: number; upper: number };
    const p95 = forecastMonthly(synthetic(5), 12, 0.95).points[0] as { lower: number; upper: number };
    expect(p95.upper - p95.lower).toBeGreaterThan(p80.upper - p80.lower);
  });

  it('under 24 months: a flat, non-seasonal forecast that says why', () => {
    const f = forecastMonthly(synthetic(1, 18));
    expect(f.method).toMatch(/18 months/);
    expect(f.seasonal).toBeNull();
    expect(f.points).toHaveLength(12);
    expect(f.points[11]?.upper).toBeGreaterThanOrEqual(f.points[0]?.upper ?? Infinity);
    expect(f.points[0]?.forecast).toBeGreaterThan(50);
  });

  it('refuses gaps and negative counts', () => {
    const s = synthetic(1, 30);
    expect(() => forecastMonthly([...s.slice(0, 10), ...s.slice(11)])).toThrow(/gaps/);
    expect(() => forecastMonthly([{ month: '2024-01', value: -1 }])).toThrow(RangeError);
  });

  it('no history: no points', () => {
    expect(forecastMonthly([]).points).toEqual([]);
  });
});

describe('backtest (last 12 months held back)', () => {
  it('on 100 synthetic series: interval covers about 95% and MAPE stays near the Poisson noise floor', () => {
    let coverage = 0;
    let mape = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const b = backtest(synthetic(seed));
      coverage += b.coverage / 100;
      mape += b.mape / 100;
    }
    // Measured: coverage ≈ 0.93, MAPE ≈ 9% (Poisson noise alone at these counts gives ≈ 7%).
    expect(coverage).toBeGreaterThan(0.9);
    expect(coverage).toBeLessThan(0.99);
    expect(mape).toBeLessThan(12);
  });

  it('reports each held-back month with its actual value', () => {
    const series = synthetic(11);
    const b = backtest(series);
    expect(b.holdout).toBe(12);
    expect(b.points.map((p) => p.actual)).toEqual(series.slice(-12).map((p) => p.value));
    expect(b.points[0]?.month).toBe('2023-01');
  });

  it('needs more history than the holdout', () => {
    expect(() => backtest(synthetic(1, 12))).toThrow(RangeError);
  });
});
