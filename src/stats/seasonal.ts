// Seasonal adjustment of monthly referrals before SPC (METHODS §5). Referrals follow the school year (August
// falls to about a third, autumn peaks), so a raw monthly XmR chart would flag every August. Each month is divided
// by its seasonal index: that calendar month's mean ÷ the overall mean over the baseline years. The baseline is
// history the chart is not judging: complete years before the latest 12 months.

import { monthNumber } from './months.ts';

export interface MonthlyValue {
  /** yyyy-mm */
  month: string;
  value: number;
}

/**
 * 'calendar-years' (default, as the brief specifies): every complete January–December year that ends before the
 * latest 12 months. 'whole-years': the longest run of whole 12-month years ending just before the latest 12 months,
 * which always exists once there are 24 months (use it when data start mid-year, e.g. in September).
 */
export type SeasonalBaseline = 'calendar-years' | 'whole-years';

export interface SeasonalIndices {
  /** Twelve indices, January first; null when no index could be computed (see reason). */
  indices: number[] | null;
  /** The baseline months used, first and last (yyyy-mm), or null. */
  baseline: { from: string; to: string } | null;
  reason: string;
}

export interface SeasonalAdjustment {
  adjusted: boolean;
  /** What the chart shows and why: adjusted with which baseline, or why not. */
  reason: string;
  indices: number[] | null;
  points: { month: string; value: number; raw: number; index: number }[];
}

/** Months of history below which no adjustment is attempted. */
export const MIN_MONTHS_FOR_ADJUSTMENT = 24;


const monthLabel = (n: number) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;

function byMonthNumber(series: readonly MonthlyValue[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const { month, value } of series) {
    const n = monthNumber(month);
    if (map.has(n)) throw new RangeError(`Month ${month} appears twice in the series.`);
    map.set(n, value);
  }
  return map;
}

/** The baseline month numbers, or null when none qualify. */
function baselineMonths(months: Map<number, number>, latest: number, kind: SeasonalBaseline): number[] | null {
  const lastBaseline = latest - 12;
  const all = [...months.keys()].filter((m) => m <= lastBaseline);
  if (kind === 'whole-years') {
    // Walk back whole years from the month before the latest 12, stopping at the first gap.
    const out: number[] = [];
    for (let end = lastBaseline; ; end -= 12) {
      const year = Array.from({ length: 12 }, (_, k) => end - 11 + k);
      if (!year.every((m) => months.has(m))) break;
      out.unshift(...year);
    }
    return out.length ? out : null;
  }
  const years = [...new Set(all.map((m) => Math.floor(m / 12)))];
  const complete = years.filter((y) => Array.from({ length: 12 }, (_, k) => y * 12 + k).every((m) => m <= lastBaseline && months.has(m)));
  return complete.length ? complete.flatMap((y) => Array.from({ length: 12 }, (_, k) => y * 12 + k)) : null;
}

/** Seasonal indices from the baseline years: each calendar month's mean ÷ the overall mean. */
export function seasonalIndices(series: readonly MonthlyValue[], baseline: SeasonalBaseline = 'calendar-years'): SeasonalIndices {
  const months = byMonthNumber(series);
  if (months.size < MIN_MONTHS_FOR_ADJUSTMENT) {
    return { indices: null, baseline: null, reason: `Not seasonally adjusted: ${months.size} months of history; adjustment needs at least ${MIN_MONTHS_FOR_ADJUSTMENT}.` };
  }
  const latest = Math.max(...months.keys());
  const base = baselineMonths(months, latest, baseline);
  if (!base) {
    const what = baseline === 'calendar-years' ? 'complete calendar year (January to December)' : 'complete 12-month year';
    return { indices: null, baseline: null, reason: `Not seasonally adjusted: no ${what} of data before the latest 12 months.` };
  }
  const values = base.map((m) => months.get(m) as number);
  if (values.some((v) => !Number.isFinite(v))) {
    return { indices: null, baseline: null, reason: 'Not seasonally adjusted: the baseline years have missing values.' };
  }
  const overall = values.reduce((s, v) => s + v, 0) / values.length;
  const indices = Array.from({ length: 12 }, (_, k) => {
    const same = base.filter((m) => m % 12 === k).map((m) => months.get(m) as number);
    return same.reduce((s, v) => s + v, 0) / same.length / overall;
  });
  const range = { from: monthLabel(base[0] as number), to: monthLabel(base[base.length - 1] as number) };
  if (!(overall > 0) || indices.some((i) => !(i > 0))) {
    return { indices: null, baseline: range, reason: 'Not seasonally adjusted: some calendar month had no referrals in the baseline years, so its index would be 0.' };
  }
  return { indices, baseline: range, reason: `Seasonally adjusted: each month divided by its seasonal index from ${range.from} to ${range.to}.` };
}

/** The series divided by its seasonal indices, or the raw series with the reason it was not adjusted. */
export function seasonallyAdjust(series: readonly MonthlyValue[], baseline: SeasonalBaseline = 'calendar-years'): SeasonalAdjustment {
  const sorted = [...series].sort((a, b) => monthNumber(a.month) - monthNumber(b.month));
  const seasonal = seasonalIndices(sorted, baseline);
  const indices = seasonal.indices;
  return {
    adjusted: indices !== null,
    reason: seasonal.reason,
    indices,
    points: sorted.map(({ month, value }) => {
      const index = indices ? (indices[monthNumber(month) % 12] as number) : 1;
      return { month, value: value / index, raw: value, index };
    }),
  };
}
