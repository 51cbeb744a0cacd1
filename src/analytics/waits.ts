// Waits to first contact (METHODS §8): median and 90th percentile weeks, % seen within 18 weeks with a Wilson
// interval, and the open waiting list, by service × school type × age phase. Every count passes the disclosure
// gate and the % and its interval are worked out from the published counts; medians and percentiles of waits are
// shown only for groups of 10 or more children seen (METHODS §7).
import type { CellRow, CountQuery, Gate, Published } from '../disclosure/index.ts';
import type { WaitsRow } from '../queries/index.ts';
import { wilsonInterval } from '../stats/index.ts';
import type { Filters, Period } from './filters.ts';
import { gateOf } from './gate.ts';
import { periodParams } from './params.ts';
import type { AnalyticsSettings } from './settings.ts';

type Shown = number | null | 'c';

export interface WaitsCell {
  service: string; school_type: string | null; age_phase: string | null;
  seen: number | 'c';
  median_weeks: Shown; p90_weeks: Shown;
  seen_within_18_weeks: number | 'c';
  /** % of first contacts within 18 weeks, with its 95% Wilson interval (percentages). */
  pct_within_18_weeks: Shown; lower95: Shown; upper95: Shown;
  waiting: number | 'c'; waiting_over_18_weeks: number | 'c'; waiting_over_52_weeks: number | 'c';
  as_of: string;
}

/** Medians and percentiles of waits are shown for groups of at least this many children seen. */
export const MIN_SEEN_FOR_QUANTILES = 10;

/** % within 18 weeks and its interval from published counts: "c" when either is hidden, null when none seen. */
export function proportionWithin(within: number | 'c', seen: number | 'c'): { pct: Shown; lower: Shown; upper: Shown } {
  if (within === 'c' || seen === 'c') return { pct: 'c', lower: 'c', upper: 'c' };
  // Perturbation can push the part past its whole by a child or two: cap it, the % is then 100.
  const ci = seen > 0 ? wilsonInterval(Math.min(within, seen), seen, 0.95) : null;
  return ci ? { pct: ci.proportion * 100, lower: ci.lower * 100, upper: ci.upper * 100 } : { pct: null, lower: null, upper: null };
}

/** A wait quantile is shown only beside a published "seen" of at least MIN_SEEN_FOR_QUANTILES. */
export function quantileShown(value: number | null, seen: number | 'c'): Shown {
  if (seen === 'c') return 'c';
  return typeof seen === 'number' && seen >= MIN_SEEN_FOR_QUANTILES ? value : value === null ? null : 'c';
}

export async function waits(
  run: CountQuery, filters: Filters, period: Period, settings: AnalyticsSettings, schoolUrn: string | null = null,
): Promise<Published<WaitsCell[]>> {
  const gate = gateOf(settings);
  const rows = await run('waits', [...periodParams(filters, period), filters.locality, schoolUrn]);
  return gate.publish(rows.map((r) => waitsCell(r, gate)));
}

export function waitsCell(row: CellRow<WaitsRow>, gate: Gate): WaitsCell {
  const seen = gate.count(row.seen);
  const within = gate.count(row.seen_within_18_weeks);
  const p = proportionWithin(within, seen);
  return {
    service: row.service, school_type: row.school_type, age_phase: row.age_phase,
    seen, median_weeks: quantileShown(row.median_weeks, seen), p90_weeks: quantileShown(row.p90_weeks, seen),
    seen_within_18_weeks: within, pct_within_18_weeks: p.pct, lower95: p.lower, upper95: p.upper,
    waiting: gate.count(row.waiting), waiting_over_18_weeks: gate.count(row.waiting_over_18_weeks),
    waiting_over_52_weeks: gate.count(row.waiting_over_52_weeks), as_of: row.as_of,
  };
}

export interface WaitingListBand { service: string; band: string; waiting: number | 'c' }

export async function waitingListAge(run: CountQuery, filters: Filters, period: Period, settings: AnalyticsSettings): Promise<Published<WaitingListBand[]>> {
  const gate = gateOf(settings);
  const rows = await run('waiting-list-age', [filters.service, period.to, filters.locality]);
  return gate.publish(rows.map((r) => ({ service: r.service, band: r.band, waiting: gate.count(r.waiting) })));
}
