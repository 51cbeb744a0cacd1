// Monthly referral counts as bars. A suppressed month ('c') draws no bar, only a "c" at the baseline, so a gap is
// visibly a suppression and not a zero.
import type { TopLevelSpec } from 'vega-lite';
import { formatCount, formatMonth, isValue, monthStart, plural, subtitleOf } from './format.ts';
import { PALETTE, SECONDARY_INK, Y_TITLE_ABOVE, frame } from './theme.ts';

export interface MonthlyTrendPoint { month: string; referrals: number | 'c' }
export interface MonthlyTrendOptions { title: string; periodLabel?: string }

export function monthlyTrendSpec(points: MonthlyTrendPoint[], options: MonthlyTrendOptions): TopLevelSpec {
  const rows = points.map((p) => ({
    date: monthStart(p.month), referrals: isValue(p.referrals) ? p.referrals : null, suppressed: p.referrals === 'c',
    month_text: formatMonth(p.month), referrals_text: formatCount(p.referrals),
  }));
  const suppressed = rows.filter((r) => r.suppressed).length;
  const total = rows.reduce((s, r) => s + (r.referrals ?? 0), 0);
  const x = { field: 'date', type: 'ordinal' as const, timeUnit: 'utcyearmonth' as const, title: 'Month', axis: { format: '%b %Y' as const, labelOverlap: true, labelAngle: -45 } };
  const tooltip = [{ field: 'month_text', title: 'Month' }, { field: 'referrals_text', title: 'Referrals' }];
  return {
    ...frame(340,
      `Bar chart of referrals per month: ${plural(rows.length - suppressed, 'month')} drawn (${formatCount(total)} referrals); `
      + `${plural(suppressed, 'month')} suppressed (fewer than 5 referrals, shown as c with no bar).`),
    title: { text: options.title, subtitle: subtitleOf('Referrals per month', options.periodLabel, suppressed ? 'c = fewer than 5 referrals, not drawn' : null) },
    data: { name: 'table', values: rows },
    encoding: { x, tooltip },
    layer: [
      {
        name: 'months',
        transform: [{ filter: 'isValid(datum.referrals)' }],
        mark: { type: 'bar', color: PALETTE.lower },
        encoding: { y: { field: 'referrals', type: 'quantitative', title: 'Referrals per month', axis: Y_TITLE_ABOVE } },
      },
      {
        name: 'suppressed_months',
        transform: [{ filter: 'datum.suppressed' }],
        mark: { type: 'text', baseline: 'bottom', dy: -3, color: SECONDARY_INK, fontStyle: 'italic' },
        encoding: { y: { datum: 0, type: 'quantitative' }, text: { value: 'c' } },
      },
    ],
  };
}
