// Rising demand: monthly referral series with XmR limits, special-cause rules and the recent-trend test
// (METHODS §5, §6), for the area, each school type and each age phase (or one school). Each month's count is
// published by the disclosure gate first; the chart, its mean and limits and every rule run on published counts.
// A series with any month of 1–4 referrals ("c") is never judged: no limits, no flags (a hidden month could
// otherwise be read back from its neighbours' rules or the mean).
import type { MonthlyReferralsRow } from '../queries/index.ts';
import type { CellRow, CountQuery, Gate, Published } from '../disclosure/index.ts';
import {
  poissonCountInterval, rateTrend, seasonallyAdjust, variationIcon, xmrChart,
  type SpcRule, type XmrResult,
} from '../stats/index.ts';
import type { Filters, Period } from './filters.ts';
import { gateOf } from './gate.ts';
import { periodParams } from './params.ts';
import type { AnalyticsSettings } from './settings.ts';

export interface SpcPoint {
  month: string;
  /** The count as published ("c" when 1–4). */
  referrals: number | 'c';
  /** The value charted: seasonally adjusted or raw (null when "c"). */
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

type MonthRow = CellRow<MonthlyReferralsRow>;

export const HIDDEN_MONTHS_NOTE = 'Some months have 1–4 referrals (shown as c), so this series is not judged: no limits or flags are drawn, and the mean counts each hidden month as half the threshold.';

function chartSeries(rows: MonthRow[], settings: AnalyticsSettings, gate: Gate): SpcSeries {
  const first = rows[0] as MonthRow;
  const shown = rows.map((r) => gate.count(r.referrals));
  const anyHidden = shown.some((v) => v === 'c');
  // Hidden months stand in at half the threshold for the mean only: a constant, so it reveals nothing.
  const filled = shown.map((v) => (v === 'c' ? gate.threshold / 2 : v));
  const raw = rows.map((r, i) => ({ month: r.month, value: filled[i] as number }));
  const adjusted = settings.spcSeries === 'seasonally_adjusted' ? seasonallyAdjust(raw) : null;
  const useAdjusted = adjusted !== null && adjusted.adjusted;
  const values = useAdjusted ? adjusted.points.map((p) => p.value) : raw.map((p) => p.value);
  const computed: XmrResult = xmrChart(values, { screen: settings.spcScreening });
  const chart: XmrResult = anyHidden
    ? { ...computed, tooFewForSpc: HIDDEN_MONTHS_NOTE, points: computed.points.map((p) => ({ ...p, rule: null, side: null })) }
    : computed;
  // The recent-trend test runs on the series shown: on raw counts every August would read as a fall.
  const indices = useAdjusted ? adjusted.points.map((p) => p.index) : rows.map(() => 1);
  const lastShown = shown.slice(-5);
  const last5 = lastShown.map((v, i) => {
    const index = indices[indices.length - lastShown.length + i] ?? 1;
    if (v === 'c') return { value: NaN, lower: NaN, upper: NaN };
    const ci = poissonCountInterval(v, 0.95);
    return { value: v / index, lower: ci.lower / index, upper: ci.upper / index };
  });
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
      referrals: shown[i] as number | 'c',
      value: shown[i] === 'c' ? null : (values[i] ?? null),
      rule: chart.points[i]?.rule ?? null,
      side: chart.points[i]?.side ?? null,
    })),
  };
}

/** The monthly rows grouped into one list per service × group. */
export function seriesGroups(rows: readonly MonthRow[]): MonthRow[][] {
  const groups = new Map<string, MonthRow[]>();
  for (const row of rows) {
    const key = `${row.service}|${row.group_kind}|${row.group_value ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()];
}

/** One series per service × group; `schoolUrn` narrows every series to one school. */
export async function spcSeries(
  run: CountQuery, filters: Filters, period: Period, settings: AnalyticsSettings, schoolUrn: string | null = null,
): Promise<Published<SpcSeries[]>> {
  const gate = gateOf(settings);
  const rows = await run('monthly-referrals', [...periodParams(filters, period), filters.locality, schoolUrn]);
  return gate.publish(seriesGroups(rows).map((g) => chartSeries(g, settings, gate)));
}
