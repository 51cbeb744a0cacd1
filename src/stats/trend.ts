// Fingertips' recent-trend test over the last 5 periods (METHODS §6): Cochran–Armitage for proportions, a
// weighted regression on time for rates. Significance at 99.8% (χ² with 1 df), as Fingertips uses.
import { Z } from './intervals.ts';

/** Periods the test uses: the most recent five. */
export const TREND_PERIODS = 5;
/** χ²(1 df) at 99.8% = z² for z = Φ⁻¹(0.999): 9.549536. */
export const TREND_CRITICAL = Z[0.998] ** 2;
/** (upper95 − lower95) / 3.92 recovers the standard error from a 95% interval (2 × 1.96). */
const SE_DIVISOR = 3.92;

export type TrendDirection = 'increasing' | 'decreasing' | 'no significant change';

export interface TrendResult {
  chi2: number;
  significant: boolean;
  direction: TrendDirection;
  /** Why no test was possible (too few periods, no variation), else null. */
  reason: string | null;
}

const noTest = (reason: string): TrendResult => ({ chi2: NaN, significant: false, direction: 'no significant change', reason });

function lastFive(...series: readonly (readonly number[])[]): number[][] | string {
  const length = series[0]?.length ?? 0;
  if (series.some((s) => s.length !== length)) throw new RangeError('Trend inputs must have one value per period.');
  if (length < TREND_PERIODS) return `Recent trend needs ${TREND_PERIODS} periods; only ${length} available.`;
  const tails = series.map((s) => s.slice(-TREND_PERIODS));
  if (tails.some((s) => s.some((v) => !Number.isFinite(v)))) return 'Recent trend not tested: a value in the last 5 periods is missing.';
  return tails;
}

function verdict(chi2: number, slopeSign: number): TrendResult {
  const significant = chi2 > TREND_CRITICAL;
  const direction: TrendDirection = !significant ? 'no significant change' : slopeSign > 0 ? 'increasing' : 'decreasing';
  return { chi2, significant, direction, reason: null };
}

/** Cochran–Armitage test for trend in proportions r/n over the last 5 periods, t = 1..5. */
export function cochranArmitageTrend(events: readonly number[], totals: readonly number[]): TrendResult {
  const tails = lastFive(events, totals);
  if (typeof tails === 'string') return noTest(tails);
  const [r, n] = tails as [number[], number[]];
  let N = 0, R = 0, rt = 0, nt = 0, nt2 = 0;
  r.forEach((ri, i) => {
    const t = i + 1;
    const ni = n[i] as number;
    N += ni; R += ri; rt += ri * t; nt += ni * t; nt2 += ni * t * t;
  });
  const spread = N * nt2 - nt * nt;
  if (!(R > 0 && R < N && spread > 0)) {
    return noTest('Recent trend not tested: every period has the same outcome (all or none), so there is no variation to test.');
  }
  const numerator = N * rt - R * nt;
  const chi2 = (N * numerator * numerator) / (R * (N - R) * spread);
  return verdict(chi2, numerator);
}

/** Weighted regression of rate on t = 1..5 with weights 1/SE², SE from each 95% interval (METHODS §6). */
export function rateTrend(values: readonly number[], lower95: readonly number[], upper95: readonly number[]): TrendResult {
  const tails = lastFive(values, lower95, upper95);
  if (typeof tails === 'string') return noTest(tails);
  const [y, lo, hi] = tails as [number[], number[], number[]];
  let sw = 0, swt = 0, swt2 = 0, swy = 0, swty = 0;
  for (let i = 0; i < TREND_PERIODS; i++) {
    const se = ((hi[i] as number) - (lo[i] as number)) / SE_DIVISOR;
    if (!(se > 0)) return noTest('Recent trend not tested: a period has no interval width (standard error 0).');
    const w = 1 / (se * se);
    const t = i + 1;
    const yi = y[i] as number;
    sw += w; swt += w * t; swt2 += w * t * t; swy += w * yi; swty += w * t * yi;
  }
  const spread = sw * swt2 - swt * swt;
  const b = (sw * swty - swt * swy) / spread;
  const chi2 = (b * b * spread) / sw;
  return verdict(chi2, b);
}
