// Sparse series (METHODS §5): a monthly XmR chart of a handful of referrals is meaningless (limits collapse and every
// point flags) and months with 1–4 referrals are hidden, so such a series is never judged month by month. It is
// summed into 3-month periods counted back from the latest month (Jun–Aug, Mar–May, Dec–Feb, Sep–Nov: the school
// year's quarters when data end in August); when even that is too sparse, counts are shown without limits.
// Pure functions of the published counts: a hidden count ("c") is never used as a number.

export const PERIOD_MONTHS = 3;

/**
 * 3-month sums of monthly counts, counted back from the latest month (an incomplete leading period is dropped).
 * `counts` are TRUE counts (the caller publishes the sums through the disclosure gate, as cells in their own right).
 */
const addNumbers = (counts: readonly number[]) => counts.reduce((s, c) => s + c, 0);

/**
 * Whole 3-month periods ending with the last month. `add` puts counts together: numbers add; the analytics layer's
 * sealed counts add as cells (true counts and cell keys added), so a quarter is published as a cell of its own.
 */
export function threeMonthPeriods<C = number>(
  months: readonly { month: string; count: C }[], add: (counts: readonly C[]) => C = addNumbers as unknown as (counts: readonly C[]) => C,
): { month: string; lastMonth: string; count: C; months: string[] }[] {
  const out: { month: string; lastMonth: string; count: C; months: string[] }[] = [];
  for (let end = months.length; end - PERIOD_MONTHS >= 0; end -= PERIOD_MONTHS) {
    const slice = months.slice(end - PERIOD_MONTHS, end);
    out.unshift({
      month: (slice[0] as { month: string }).month,
      lastMonth: (slice.at(-1) as { month: string }).month,
      count: add(slice.map((m) => m.count)),
      months: slice.map((m) => m.month),
    });
  }
  return out;
}

export type SparseDecision =
  | { period: 'month'; reason: null }
  | { period: 'quarter'; reason: string }
  | { period: 'none'; reason: string };

const meanOf = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Monthly chart only when no month is hidden and the mean is 2 or more a month; otherwise 3-month periods when none
 * of those is hidden and their mean is 2 or more; otherwise counts without limits ("too few referrals for SPC").
 */
export function sparseDecision(monthly: readonly (number | 'c')[], quarterly: readonly (number | 'c')[]): SparseDecision {
  const ok = (xs: readonly (number | 'c')[]) => xs.length >= 2 && xs.every((x) => x !== 'c') && meanOf(xs as number[]) >= 2;
  if (ok(monthly)) return { period: 'month', reason: null };
  const why = monthly.some((x) => x === 'c')
    ? 'some months had 1–4 referrals, which are hidden'
    : 'under 2 referrals a month on average';
  if (ok(quarterly)) {
    return { period: 'quarter', reason: `Shown as 3-month totals: ${why}, so a monthly chart would judge hidden or near-empty months.` };
  }
  return { period: 'none', reason: `Too few referrals for SPC: ${why}, and 3-month totals are still too few. Counts are shown without limits.` };
}

/**
 * Seasonal adjustment of 3-month totals (counted back from the latest month, so position i mod 4 is always the same
 * quarter of the year): each quarter's index is its mean ÷ the overall mean over the whole years before the latest 4
 * quarters. Needs 8 quarters; a zero index means no adjustment.
 */
export function adjustQuarters(values: readonly number[]): { adjusted: boolean; values: number[]; reason: string; baselineStart: number } {
  const n = values.length;
  const years = Math.floor((n - 4) / 4);
  if (years < 1) return { adjusted: false, values: [...values], reason: 'Raw 3-month totals: under 2 years of history, so not seasonally adjusted.', baselineStart: 0 };
  const start = n - 4 - years * 4;
  const base = values.slice(start, n - 4);
  const overall = meanOf(base);
  const indices = [0, 1, 2, 3].map((k) => meanOf(base.filter((_, j) => (start + j) % 4 === k)) / overall);
  if (!(overall > 0) || indices.some((x) => !(x > 0))) {
    return { adjusted: false, values: [...values], reason: 'Raw 3-month totals: a quarter had no referrals in the baseline years.', baselineStart: 0 };
  }
  return {
    adjusted: true, baselineStart: start,
    values: values.map((v, i) => v / (indices[i % 4] as number)),
    reason: `Seasonally adjusted 3-month totals: each divided by its quarter's seasonal index over the ${years} whole years before the latest 4 quarters.`,
  };
}
