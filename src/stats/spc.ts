// XmR charts with the Making Data Count special-cause rules (METHODS §5), as NHSRplotthedots computes them.
// For referrals, "high" is neither improvement nor concern: the side only says whether demand is rising or falling.

/** Process limits sit 2.66 average moving ranges from the mean (3σ, with d2 = 1.128 for moving ranges of 2). */
export const LIMIT_FACTOR = 2.66;
/** The 2σ lines: two thirds of the way to the process limits (METHODS: 2.66 × 2/3 ≈ 1.7733). */
export const TWO_SIGMA_FACTOR = (2.66 * 2) / 3;
/** Moving ranges at or above this multiple of the average are screened out once (NHSRplotthedots default). */
export const SCREEN_FACTOR = 3.267;
/** Below this many points the limits are trial limits. */
export const TRIAL_BELOW = 13;
/** A run of this many points makes a trend or a shift. */
export const RUN_LENGTH = 7;
/** Mean count per period below which an XmR chart of counts is meaningless (METHODS §5, sparse series). */
export const SPARSE_MEAN = 2;

export type SpcRule = 'outside_limits' | 'trend' | 'two_of_three' | 'shift';
export type SpcSide = 'high' | 'low';

export const SPC_RULE_TEXT: Record<SpcRule, string> = {
  outside_limits: 'This point lies beyond a process limit: very unlikely from common-cause variation alone.',
  trend: 'Part of a run of 7 points each higher (or each lower) than the one before: a sustained rise or fall.',
  two_of_three:
    'Two of three consecutive points lie close to a process limit (beyond the 2σ line, all three on the same side of the mean).',
  shift: 'Part of a run of 7 points on the same side of the mean: the level appears to have changed.',
};

/** Priority order of the rules: each point carries the first that applies. */
const RULE_PRIORITY: readonly SpcRule[] = ['outside_limits', 'trend', 'two_of_three', 'shift'];

export interface XmrOptions {
  /** Screen large moving ranges once before averaging (default true, NHSRplotthedots); false = MDC Excel tool. */
  screen?: boolean;
  /**
   * 'count' (default) applies the sparse-series check: mean under 2 a period → no flags. Use 'rate' for rates or
   * other measures where a mean under 2 is not "few events".
   */
  measure?: 'count' | 'rate';
}

export interface XmrPoint {
  index: number;
  value: number;
  rule: SpcRule | null;
  side: SpcSide | null;
}

export interface XmrResult {
  n: number;
  mean: number;
  /** The average moving range the limits use (screened when `screened` is true). */
  amr: number;
  /** The average moving range before screening, for reference. */
  amrUnscreened: number;
  upperProcessLimit: number;
  lowerProcessLimit: number;
  upperTwoSigma: number;
  lowerTwoSigma: number;
  /** Fewer than 13 points: the limits are trial limits and say so. */
  trial: boolean;
  screened: boolean;
  /** Why no point is flagged (too few referrals, collapsed limits, too few points), or null. */
  tooFewForSpc: string | null;
  points: XmrPoint[];
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export function movingRanges(values: readonly number[]): number[] {
  return values.slice(1).map((v, i) => Math.abs(v - (values[i] as number)));
}

/** Average moving range, optionally with one screening pass (drop MR ≥ 3.267 × AMR, recompute). */
export function averageMovingRange(values: readonly number[], screen: boolean): number {
  const ranges = movingRanges(values);
  if (ranges.length === 0) return NaN;
  const amr = mean(ranges);
  if (!screen) return amr;
  const kept = ranges.filter((r) => r < SCREEN_FACTOR * amr);
  return kept.length ? mean(kept) : amr;
}

/**
 * Why a series should not be charted with limits, or null. Counts averaging under 2 a period, or a screened
 * AMR of 0 (limits collapse onto the mean and every point would flag), get "too few referrals for SPC".
 */
export function sparseSeriesCheck(values: readonly number[], screenedAmr: number, measure: 'count' | 'rate' = 'count'): string | null {
  if (values.length < 2) return 'Too few points for SPC: an XmR chart needs at least 2 periods.';
  if (values.some((v) => !Number.isFinite(v))) return 'Not charted for SPC: the series has missing values.';
  if (measure === 'count' && mean(values) < SPARSE_MEAN) {
    return 'Too few referrals for SPC: under 2 a period on average, so limits would mean little. Showing counts only.';
  }
  if (screenedAmr === 0) {
    return 'Too few referrals for SPC: the values barely vary, so the limits collapse onto the mean. Showing counts only.';
  }
  return null;
}

/** XmR chart: mean, limits and one special-cause label per point (METHODS §5). */
export function xmrChart(values: readonly number[], options: XmrOptions = {}): XmrResult {
  const screen = options.screen ?? true;
  const centre = values.length ? mean(values) : NaN;
  const amrUnscreened = averageMovingRange(values, false);
  const amr = screen ? averageMovingRange(values, true) : amrUnscreened;
  const tooFewForSpc = sparseSeriesCheck(values, averageMovingRange(values, true), options.measure ?? 'count');
  const limits = {
    upperProcessLimit: centre + LIMIT_FACTOR * amr,
    lowerProcessLimit: centre - LIMIT_FACTOR * amr,
    upperTwoSigma: centre + TWO_SIGMA_FACTOR * amr,
    lowerTwoSigma: centre - TWO_SIGMA_FACTOR * amr,
  };
  const labels = tooFewForSpc === null ? labelPoints(values, centre, limits) : values.map(() => null);
  return {
    n: values.length, mean: centre, amr, amrUnscreened, ...limits,
    trial: values.length < TRIAL_BELOW, screened: screen, tooFewForSpc,
    points: values.map((value, index) => ({ index, value, rule: labels[index]?.rule ?? null, side: labels[index]?.side ?? null })),
  };
}

interface Limits { upperProcessLimit: number; lowerProcessLimit: number; upperTwoSigma: number; lowerTwoSigma: number }
type Label = { rule: SpcRule; side: SpcSide } | null;
type Hits = (SpcSide | null)[];

function labelPoints(values: readonly number[], centre: number, limits: Limits): Label[] {
  const hits: Record<SpcRule, Hits> = {
    outside_limits: values.map((v) => (v > limits.upperProcessLimit ? 'high' : v < limits.lowerProcessLimit ? 'low' : null)),
    trend: trendHits(values),
    two_of_three: twoOfThreeHits(values, centre, limits),
    shift: shiftHits(values, centre),
  };
  return values.map((_, i) => {
    const rule = RULE_PRIORITY.find((r) => hits[r][i] != null);
    return rule ? { rule, side: hits[rule][i] as SpcSide } : null;
  });
}

/** Marks every member of each maximal run of ≥ 7 points sharing a non-null key. */
function markRuns(keys: readonly (SpcSide | null)[], minLength: number): Hits {
  const hits: Hits = keys.map(() => null);
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i < keys.length && keys[i] !== null && keys[i] === keys[start]) continue;
    if (keys[start] != null && i - start >= minLength) hits.fill(keys[start] as SpcSide, start, i);
    start = i;
  }
  return hits;
}

/** Trend: 7 points strictly rising (or falling); an equal pair breaks the run. */
function trendHits(values: readonly number[]): Hits {
  // Key each step by its direction; a run of 6 equal-direction steps spans 7 points.
  const steps = movingRanges(values).map((_, i) => {
    const d = (values[i + 1] as number) - (values[i] as number);
    return d > 0 ? 'high' : d < 0 ? 'low' : null;
  });
  const stepRuns = markRuns(steps, RUN_LENGTH - 1);
  const hits: Hits = values.map(() => null);
  stepRuns.forEach((side, i) => {
    if (side) hits[i] = hits[i + 1] = side;
  });
  return hits;
}

/** Maximal runs of 7+ points on one side of `centre` (start inclusive, end exclusive), in order. */
export function shiftRuns(values: readonly number[], centre: number): { start: number; end: number; side: SpcSide }[] {
  const hits = shiftHits(values, centre);
  const runs: { start: number; end: number; side: SpcSide }[] = [];
  hits.forEach((side, i) => {
    const last = runs.at(-1);
    if (side === null) return;
    if (last && last.end === i && last.side === side) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, side });
  });
  return runs;
}

/** A limit as drawn for counts and rates: a negative limit means none, so it is drawn at 0 (the rules use the value). */
export const drawnLimit = (limit: number): number => (Number.isFinite(limit) ? Math.max(0, limit) : limit);

/** Shift: 7 points on one side of the mean; a point exactly on the mean breaks the run. */
function shiftHits(values: readonly number[], centre: number): Hits {
  return markRuns(values.map((v) => (v > centre ? 'high' : v < centre ? 'low' : null)), RUN_LENGTH);
}

/** Two of three consecutive points strictly between the 2σ line and the limit, all three on one side of the mean. */
function twoOfThreeHits(values: readonly number[], centre: number, limits: Limits): Hits {
  const hits: Hits = values.map(() => null);
  const near = (v: number, side: SpcSide) => side === 'high'
    ? v > limits.upperTwoSigma && v < limits.upperProcessLimit
    : v < limits.lowerTwoSigma && v > limits.lowerProcessLimit;
  for (let i = 0; i + 2 < values.length; i++) {
    const window = [i, i + 1, i + 2];
    for (const side of ['high', 'low'] as const) {
      const sameSide = window.every((j) => (side === 'high' ? (values[j] as number) > centre : (values[j] as number) < centre));
      const nearOnes = window.filter((j) => near(values[j] as number, side));
      if (sameSide && nearOnes.length >= 2) nearOnes.forEach((j) => (hits[j] = side));
    }
  }
  return hits;
}

export type VariationIcon = 'common_cause' | 'special_cause_high' | 'special_cause_low';

/** The Making Data Count variation icon, read from the latest point. */
export function variationIcon(result: XmrResult): VariationIcon {
  const last = result.points[result.points.length - 1];
  if (!last || last.side === null || result.tooFewForSpc !== null) return 'common_cause';
  return last.side === 'high' ? 'special_cause_high' : 'special_cause_low';
}

export {
  seasonalIndices, seasonallyAdjust, type MonthlyValue, type SeasonalAdjustment, type SeasonalIndices,
  type SeasonalBaseline,
} from './seasonal.ts';
