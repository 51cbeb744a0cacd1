// Waits to first contact (METHODS §8): median and 90th percentile weeks, % seen within 18 weeks with a Wilson
// interval, and the open waiting list, by service × school type × age phase; then disclosure control.
import type { RunQuery, WaitingListAgeRow } from '../queries/index.ts';
import { suppressTable, wilsonInterval } from '../stats/index.ts';
import type { Filters, Period } from './filters.ts';
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

export const WAITS_SUPPRESSION = {
  counts: {
    seen: ['median_weeks', 'p90_weeks', 'pct_within_18_weeks', 'lower95', 'upper95'],
    seen_within_18_weeks: ['pct_within_18_weeks', 'lower95', 'upper95'],
    waiting: [], waiting_over_18_weeks: [], waiting_over_52_weeks: [],
  },
  denominators: {},
  rowDimension: 'school_type',
  columnDimension: 'age_phase',
  partition: ['service'],
} as const;

export async function waits(
  run: RunQuery, filters: Filters, period: Period, settings: AnalyticsSettings, schoolUrn: string | null = null,
): Promise<WaitsCell[]> {
  const rows = await run('waits', [...periodParams(filters, period), filters.locality, schoolUrn]);
  const cells = rows.map((r): WaitsCell => {
    const ci = r.seen > 0 ? wilsonInterval(r.seen_within_18_weeks, r.seen, 0.95) : null;
    return {
      ...r,
      pct_within_18_weeks: ci ? ci.proportion * 100 : null,
      lower95: ci ? ci.lower * 100 : null,
      upper95: ci ? ci.upper * 100 : null,
    };
  });
  return suppressTable(cells, WAITS_SUPPRESSION, settings.suppressionThreshold) as WaitsCell[];
}

export interface WaitingListBand { service: string; band: string; waiting: number | 'c' }

export async function waitingListAge(run: RunQuery, filters: Filters, period: Period, settings: AnalyticsSettings): Promise<WaitingListBand[]> {
  const rows: WaitingListAgeRow[] = await run('waiting-list-age', [filters.service, period.to, filters.locality]);
  return suppressTable(
    rows.map((r) => ({ service: r.service, band: r.band, waiting: r.waiting })),
    { counts: { waiting: [] }, denominators: {}, rowDimension: 'band', columnDimension: null, partition: ['service'] },
    settings.suppressionThreshold,
  ) as WaitingListBand[];
}
