// Rising demand: monthly referral series with XmR limits, special-cause rules and the recent-trend test
// (METHODS §5, §6), for the area, each school type and each age phase (or one school). Sparse series become
// 3-month totals or counts without limits; change points (proposed, or set by the user) re-baseline the limits.
// Every count passes the disclosure gate first (3-month totals are cells of their own: the months' cells added),
// and every derived value is computed in src/stats/spc-series.ts from the published counts.
import type { MonthlyReferralsRow } from '../queries/index.ts';
import { cellSum, type Cell, type CellRow, type CountQuery, type Published } from '../disclosure/index.ts';
import { buildSpcSeries, type SpcSeries } from '../stats/spc-series.ts';
import type { Filters, Period } from './filters.ts';
import { gateOf } from './gate.ts';
import { periodParams } from './params.ts';
import type { AnalyticsSettings } from './settings.ts';

export type { SpcPoint, SpcSeries, SpcSegment, SpcProposal } from '../stats/spc-series.ts';
export { spcSeriesKey } from '../stats/spc-series.ts';

/** One series per service × group; `schoolUrn` narrows every series to one school. `changePoints`: series key → months. */
export async function spcSeries(
  run: CountQuery, filters: Filters, period: Period, settings: AnalyticsSettings, schoolUrn: string | null = null,
  changePoints: Readonly<Record<string, readonly string[]>> = {},
): Promise<Published<SpcSeries[]>> {
  const gate = gateOf(settings);
  const rows = await run('monthly-referrals', [...periodParams(filters, period), filters.locality, schoolUrn]);
  const groups = new Map<string, CellRow<MonthlyReferralsRow>[]>();
  for (const row of rows) {
    const key = `${row.service}|${row.group_kind}|${row.group_value ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  return gate.publish([...groups.values()].map((g) => {
    const first = g[0] as CellRow<MonthlyReferralsRow>;
    return buildSpcSeries<Cell>(
      { service: first.service, group_kind: first.group_kind, group_value: first.group_value },
      g.map((r) => ({ month: r.month, count: r.referrals })),
      (cell) => gate.count(cell),
      { adjust: settings.spcSeries === 'seasonally_adjusted', screen: settings.spcScreening, changePoints },
      cellSum,
    );
  }));
}

/** Each service's recorded referrals a month, area-wide (1–4 as 'c'): the area series' `monthly` of spcSeries, without
 * computing every series' SPC (the Demand view's forecast shows only this beside its forecast). */
export async function areaMonthlyReferrals(
  run: CountQuery, filters: Filters, period: Period, settings: AnalyticsSettings,
): Promise<Published<Record<string, { month: string; value: number | 'c' }[]>>> {
  const gate = gateOf(settings);
  const rows = await run('monthly-referrals', [...periodParams(filters, period), filters.locality, null]);
  const history: Record<string, { month: string; value: number | 'c' }[]> = {};
  for (const row of rows) {
    if (row.group_kind === 'area') (history[row.service] ??= []).push({ month: row.month, value: gate.count(row.referrals) });
  }
  return gate.publish(history);
}
