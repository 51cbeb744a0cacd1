// Confidence intervals for counts, rates and proportions, and the Fingertips comparison with a benchmark
// (METHODS §1–§3). Rates and intervals are always computed from unrounded counts; suppression happens later.
import { gammaQuantile } from './special.ts';

export type Level = 0.95 | 0.998;

/**
 * Two-sided standard normal quantiles Φ⁻¹(1 − α/2), to full double precision (R: qnorm(0.975), qnorm(0.999)).
 * The METHODS reference values (e.g. Byar x = 1045 at 99.8%) need these, not the 6-decimal roundings.
 */
export const Z: Record<Level, number> = {
  0.95: 1.959963984540054,
  0.998: 3.090232306167813,
};

export const LEVELS: readonly Level[] = [0.95, 0.998];

/** α/2 for each level, written out: (1 − 0.95)/2 in floating point is 0.025000000000000022, not 0.025. */
export const TAIL: Record<Level, number> = { 0.95: 0.025, 0.998: 0.001 };

/** Counts from which Byar's approximation replaces the exact Poisson interval (Fingertips / PHEindicatormethods). */
export const BYAR_FROM = 10;

export interface Interval {
  lower: number;
  upper: number;
}

/** Exact (Garwood) Poisson limits: χ²inv(α/2; 2x)/2 and χ²inv(1 − α/2; 2x + 2)/2, written as gamma quantiles. */
export function exactPoissonInterval(x: number, level: Level): Interval {
  const tail = TAIL[level];
  return {
    lower: x === 0 ? 0 : gammaQuantile(tail, x),
    upper: gammaQuantile(1 - tail, x + 1),
  };
}

/**
 * Byar's approximation to the exact Poisson limits. Where the cube's base goes negative (tiny x), there is no
 * lower bound: NaN (shown as "x"), as PHEindicatormethods returns NA, never a negative count.
 */
export function byarInterval(x: number, level: Level): Interval {
  const z = Z[level];
  const x1 = x + 1;
  const base = 1 - 1 / (9 * x) - z / (3 * Math.sqrt(x));
  return {
    lower: base < 0 || !Number.isFinite(base) ? NaN : x * base ** 3,
    upper: x1 * (1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1))) ** 3,
  };
}

/** Interval for an observed count: Byar from 10 events, exact Poisson below (METHODS §1). */
export function poissonCountInterval(x: number, level: Level): Interval {
  if (!Number.isFinite(x) || x < 0) return { lower: NaN, upper: NaN };
  return x >= BYAR_FROM ? byarInterval(x, level) : exactPoissonInterval(x, level);
}

/**
 * Rate = count / denominator × multiplier, with the count's interval scaled the same way. The denominator must
 * already be person-time (e.g. pupils × months / 12 for a yearly rate over a part-year period).
 * A zero or missing denominator gives NaNs rather than Infinity, so callers can test with Number.isFinite.
 */
export function rateInterval(
  count: number,
  denominator: number,
  multiplier: number,
  level: Level,
): { rate: number; lower: number; upper: number } {
  if (!(denominator > 0) || !Number.isFinite(denominator)) return { rate: NaN, lower: NaN, upper: NaN };
  const ci = poissonCountInterval(count, level);
  const scale = multiplier / denominator;
  return { rate: count * scale, lower: ci.lower * scale, upper: ci.upper * scale };
}

/** Wilson score interval for x successes out of n (METHODS §2). n = 0 gives NaNs. */
export function wilsonInterval(x: number, n: number, level: Level): { proportion: number; lower: number; upper: number } {
  if (!(n > 0) || !(x >= 0) || x > n) return { proportion: NaN, lower: NaN, upper: NaN };
  const z = Z[level];
  const z2 = z * z;
  const spread = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
  const denominator = 2 * (n + z2);
  return {
    proportion: x / n,
    // Clip: at x = 0 or x = n the formula lands on 0 or 1 up to rounding, never beyond in exact arithmetic.
    lower: Math.max(0, (2 * x + z2 - spread) / denominator),
    upper: Math.min(1, (2 * x + z2 + spread) / denominator),
  };
}

export { compareWithBenchmark, comparisonExplanation, type Comparison, type ExplanationOptions } from './comparison.ts';
