// Rising demand: monthly referral series with XmR limits, special-cause rules and the recent-trend test
// (METHODS §5, §6), for the area, each school type and each age phase (or one school).
import type { MonthlyReferralsRow, RunQuery } from '../queries/index.ts';
import {
  poissonCountInterval, rateTrend, seasonallyAdjust, variationIcon, xmrChart,
  type SpcRule, type XmrResult,
} from '../stats/index.ts';
import type { Filters, Period } from './filters.ts';
import { periodParams } from './params.ts';
import type { AnalyticsSettings } from './settings.ts';

export interface SpcPoint {
  month: string;
  /** The count as recorded ("c" when 1–4). */
  referrals: number | 'c';
  /** The value charted: seasonally adjusted or raw (null when suppressed). */
  value: number | null;
  rule: SpcRule | null;
  side: 'high' | 'low' | null;
}

export interface SpcSeries {
  service: string;
  group_kind: MonthlyReferralsRow['group_kind'];
  group_value: string | null;
  /** Which series the limits and rules were computed on, and why (e.g. under 24 months: not adjusted). */
  series: 'seasonally_adjusted' | 'raw';
  seriesNote: string;
  screened: boolean;
  mean: number; upperProcessLimit: number; lowerProcessLimit: number; upperTwoSigma: number; lowerTwoSigma: number;
  trial: boolean;
  /** Set when the series is too sparse for SPC: no point is flagged. */
  tooFewForSpc: string | null;
  icon: ReturnType<typeof variationIcon>;
  trend: ReturnType<typeof rateTrend>;
  points: SpcPoint[];
}

function chartSeries(rows: MonthlyReferralsRow[], settings: AnalyticsSettings, threshold: number): SpcSeries {
  const first = rows[0] as MonthlyReferralsRow;
  const raw = rows.map((r) => ({ month: r.month, value: r.referrals }));
  const adjusted = settings.spcSeries === 'seasonally_adjusted' ? seasonallyAdjust(raw) : null;
  const useAdjusted = adjusted !== null && adjusted.adjusted;
  const values = useAdjusted ? adjusted.points.map((p) => p.value) : raw.map((p) => p.value);
  const chart: XmrResult = xmrChart(values, { screen: settings.spcScreening });
  // The recent-trend test runs on the series shown: on raw counts every August would read as a fall.
  const indices = useAdjusted ? adjusted.points.map((p) => p.index) : rows.map(() => 1);
  const last5 = rows.slice(-5).map((r, i) => {
    const index = indices[indices.length - Math.min(5, rows.length) + i] ?? 1;
    const ci = poissonCountInterval(r.referrals, 0.95);
    return { value: r.referrals / index, lower: ci.lower / index, upper: ci.upper / index };
  });
  const small = (c: number) => c > 0 && c < threshold;
  return {
    service: first.service, group_kind: first.group_kind, group_value: first.group_value,
    series: useAdjusted ? 'seasonally_adjusted' : 'raw',
    seriesNote: adjusted === null ? 'Raw monthly counts (seasonal adjustment switched off).' : adjusted.reason,
    screened: settings.spcScreening,
    mean: chart.mean, upperProcessLimit: chart.upperProcessLimit, lowerProcessLimit: chart.lowerProcessLimit,
    upperTwoSigma: chart.upperTwoSigma, lowerTwoSigma: chart.lowerTwoSigma, trial: chart.trial,
    tooFewForSpc: chart.tooFewForSpc,
    icon: variationIcon(chart),
    trend: rateTrend(last5.map((p) => p.value), last5.map((p) => p.lower), last5.map((p) => p.upper)),
    points: rows.map((r, i) => ({
      month: r.month,
      referrals: small(r.referrals) ? 'c' : r.referrals,
      value: small(r.referrals) ? null : (values[i] ?? null),
      rule: chart.points[i]?.rule ?? null,
      side: chart.points[i]?.side ?? null,
    })),
  };
}

/** One series per service × group; `schoolUrn` narrows every series to one school. */
export async function spcSeries(
  run: RunQuery, filters: Filters, period: Period, settings: AnalyticsSettings, schoolUrn: string | null = null,
): Promise<SpcSeries[]> {
  const rows = await run('monthly-referrals', [...periodParams(filters, period), filters.locality, schoolUrn]);
  const groups = new Map<string, MonthlyReferralsRow[]>();
  for (const row of rows) {
    const key = `${row.service}|${row.group_kind}|${row.group_value ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  return [...groups.values()].map((g) => chartSeries(g, settings, settings.suppressionThreshold));
}
