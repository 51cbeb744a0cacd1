// Quantiles with the same definition as DuckDB's quantile_cont (Hyndman & Fan type 7, R's default): for sorted
// values v₀…vₙ₋₁ and fraction p, h = (n − 1)·p, result = v⌊h⌋ + (h − ⌊h⌋)·(v⌈h⌉ − v⌊h⌋). Using one definition in
// SQL and TypeScript means a median on screen and a median in a report cannot differ.

/** Finite values only, sorted ascending; NULL-like entries are ignored as DuckDB ignores NULLs. */
function sortedFinite(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

/** Type-7 quantile of values already sorted ascending (typed arrays welcome: the forecast sorts thousands). */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const below = sorted[lo] as number;
  return below + (h - lo) * ((sorted[hi] as number) - below);
}

/**
 * The p-quantile, p a fraction in [0, 1] as in quantile_cont(x, 0.9) (not a percentage: 90 is refused).
 * Empty input (or no finite values) gives NaN, where DuckDB gives NULL.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile expects a fraction between 0 and 1 (e.g. 0.9); got ${p}.`);
  return quantileOfSorted(sortedFinite(values), p);
}

export const quantile = percentile;

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** Several quantiles from one sort (e.g. median and 90th percentile of waits). */
export function percentiles(values: readonly number[], ps: readonly number[]): number[] {
  const sorted = sortedFinite(values);
  return ps.map((p) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile expects a fraction between 0 and 1; got ${p}.`);
    return quantileOfSorted(sorted, p);
  });
}
