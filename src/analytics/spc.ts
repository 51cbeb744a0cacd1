// Rising demand: monthly referral series with XmR limits, special-cause rules and the recent-trend test
// (METHODS §5, §6), for the area, each school type and each age phase (or one school). Sparse series become
// 3-month totals or counts without limits; change points (proposed, or set by the user) re-baseline the limits.
// Every derived value is computed in src/stats/spc-series.ts from the counts passed in.
import type { MonthlyReferralsRow, RunQuery } from '../queries/index.ts';
import { buildSpcSeries, type SpcSeries } from '../stats/spc-series.ts';
import type { Filters, Period } from './filters.ts';
import { periodParams } from './params.ts';
import type { AnalyticsSettings } from './settings.ts';

export type { SpcPoint, SpcSeries, SpcSegment, SpcProposal } from '../stats/spc-series.ts';
export { spcSeriesKey } from '../stats/spc-series.ts';

/** One series per service × group; `schoolUrn` narrows every series to one school. `changePoints`: series key → months. */
export async function spcSeries(
  run: RunQuery, filters: Filters, period: Period, settings: AnalyticsSettings, schoolUrn: string | null = null,
  changePoints: Readonly<Record<string, readonly string[]>> = {},
): Promise<SpcSeries[]> {
  const rows = await run('monthly-referrals', [...periodParams(filters, period), filters.locality, schoolUrn]);
  const groups = new Map<string, MonthlyReferralsRow[]>();
  for (const row of rows) {
    const key = `${row.service}|${row.group_kind}|${row.group_value ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  const small = (c: number) => c > 0 && c < settings.suppressionThreshold;
  // The disclosure gate replaces `publish` at merge: it receives each cell's true count (and cell key).
  const publish = (count: number): number | 'c' => (small(count) ? 'c' : count);
  return [...groups.values()].map((g) => {
    const first = g[0] as MonthlyReferralsRow;
    return buildSpcSeries(
      { service: first.service, group_kind: first.group_kind, group_value: first.group_value },
      g.map((r) => ({ month: r.month, count: r.referrals })),
      publish,
      { adjust: settings.spcSeries === 'seasonally_adjusted', screen: settings.spcScreening, changePoints },
    );
  });
}
