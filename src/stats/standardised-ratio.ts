// Indirectly age-standardised ratio (METHODS §3): observed ÷ expected, where the expected count applies the area's
// rate in each age phase to the group's pupils in that phase. Its interval is the §1 interval of the observed
// count divided by the expected count (the expected count is treated as fixed, as Fingertips does).
import { poissonCountInterval, type Interval, type Level } from './intervals.ts';

export interface StandardisedRatio { ratio: number; ci95: Interval; ci998: Interval }

export function standardisedRatio(observed: number, expected: number): StandardisedRatio {
  if (!(expected > 0) || !Number.isFinite(expected) || !(observed >= 0)) {
    const none = { lower: NaN, upper: NaN };
    return { ratio: NaN, ci95: none, ci998: none };
  }
  const scaled = (level: Level) => {
    const ci = poissonCountInterval(observed, level);
    return { lower: ci.lower / expected, upper: ci.upper / expected };
  };
  return { ratio: observed / expected, ci95: scaled(0.95), ci998: scaled(0.998) };
}

/** Expected count: Σ over phases of the group's pupil-years in the phase × the benchmark's rate per pupil-year. */
export function expectedCount(pupilYearsByPhase: ReadonlyMap<string, number>, ratePerPupilYear: ReadonlyMap<string, number>): number {
  let e = 0;
  for (const [phase, exposure] of pupilYearsByPhase) e += exposure * (ratePerPupilYear.get(phase) ?? 0);
  return e;
}
