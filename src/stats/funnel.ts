// Funnel-plot control limits the way Fingertips draws them (METHODS §4).
//
// With expected count E = R·n, the lower limit count O_L solves "the exact Poisson upper bound of O_L equals E"
// and the upper limit count O_U solves "the exact lower bound of O_U equals E". Through the identity
// χ²inv(p; 2k)/2 = gammaQuantile(p; k), and P(k, E) decreasing in k, these become one-dimensional monotone
// equations in the (non-integer) count, solved by bisection:
//   O_L: P(O_L + 1, E) = 1 − α/2        O_U: P(O_U, E) = α/2
// so a school lies outside a limit exactly when its own exact interval excludes the area rate.
import { type Interval, type Level, TAIL, Z } from './intervals.ts';
import { bisect, gammaP, normalQuantile } from './special.ts';

/** Relative tolerance of the limit counts: METHODS asks for 1e-9, bisection costs little more to go further. */
const REL_TOL = 1e-12;

/** O_L and O_U: the funnel limits as counts for an expected count E (METHODS §4). */
export function funnelLimitCounts(expected: number, level: Level): Interval {
  if (!Number.isFinite(expected) || expected < 0) return { lower: NaN, upper: NaN };
  if (expected === 0) return { lower: 0, upper: 0 };
  const tail = TAIL[level];
  // O_L is 0 when even a count of 0 has an upper bound ≥ E, i.e. E ≤ χ²inv(1 − α/2; 2)/2 = −ln(α/2).
  const lower = expected <= -Math.log(tail)
    ? 0
    : bisect((k) => gammaP(k + 1, expected) - (1 - tail), 0, expected, REL_TOL);
  return { lower, upper: bisect((k) => gammaP(k, expected) - tail, expected, upperBracket(expected, level), REL_TOL) };
}

/** A count surely above O_U: E plus a generous normal-approximation margin, grown until P(k, E) < α/2. */
function upperBracket(expected: number, level: Level): number {
  const tail = TAIL[level];
  let hi = expected + 2 * Z[level] * Math.sqrt(expected) + 10;
  while (gammaP(hi, expected) >= tail) hi *= 2;
  return hi;
}

/**
 * Funnel limits as rates for a denominator n: O_L/n and O_U/n, in the same units as `areaRate` (per pupil, or per
 * pupil-year); the caller multiplies by 1,000 for display. A non-positive denominator gives NaNs.
 */
export function funnelLimits(areaRate: number, denominator: number, level: Level): Interval {
  if (!(denominator > 0) || !Number.isFinite(denominator) || !(areaRate >= 0)) return { lower: NaN, upper: NaN };
  const counts = funnelLimitCounts(areaRate * denominator, level);
  return { lower: counts.lower / denominator, upper: counts.upper / denominator };
}

export type FunnelPosition = 'within' | 'above 95%' | 'above 99.8%' | 'below 95%' | 'below 99.8%';

/**
 * Where a school's point lies against the drawn limits (strictly beyond a limit counts as outside). This is the
 * funnel's own flag; the table's label uses §3 (Byar from 10 events) and can rarely disagree near a limit.
 * Invalid input (no pupils, NaN) is 'within': such a school has no point to flag and callers should not plot it.
 */
export function funnelPosition(count: number, denominator: number, areaRate: number): FunnelPosition {
  if (!(denominator > 0) || !Number.isFinite(count) || !(areaRate >= 0)) return 'within';
  // Compare counts with O_L / O_U rather than rates with O/n: identical in exact arithmetic, free of division error.
  const expected = areaRate * denominator;
  const wide = funnelLimitCounts(expected, 0.998);
  if (count > wide.upper) return 'above 99.8%';
  if (count < wide.lower) return 'below 99.8%';
  const narrow = funnelLimitCounts(expected, 0.95);
  if (count > narrow.upper) return 'above 95%';
  if (count < narrow.lower) return 'below 95%';
  return 'within';
}

export type Sigma = 2 | 3;

/**
 * Control limits for a proportion with pooled average `average` and denominator N: the inverted Wilson form of
 * METHODS §4 (2σ uses Φ⁻¹(0.975), 3σ uses Φ⁻¹(0.999), as the funnel packages do), clipped to [0, 1].
 */
export function proportionFunnelLimits(average: number, n: number, sigma: Sigma): Interval {
  if (!(n > 0) || !(average >= 0 && average <= 1)) return { lower: NaN, upper: NaN };
  const q = normalQuantile(sigma === 2 ? 0.975 : 0.999);
  const q2 = q * q;
  const a = average;
  const scale = n / q2 + 1;
  const first = a * scale;
  const inv = 1 / q2 + 1 / n;
  const discriminant = (-8 * a * scale) ** 2 - 64 * inv * a * (n * (a * (n / q2 + 2) - 1) + q2 * (a - 1));
  // Rounding can push the discriminant a hair below 0 when a is 0 or 1; the true value there is 0.
  const adj = Math.sqrt(Math.max(0, discriminant));
  const clip = (v: number) => Math.min(1, Math.max(0, v));
  return {
    lower: clip((first - adj / 8) / inv / n),
    upper: clip((first + adj / 8) / inv / n),
  };
}
