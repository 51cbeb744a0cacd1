// Referral forecast for workforce planning: monthly history (solid), the 12-month forecast (dashed) and its
// prediction interval (light band). Suppressed or missing history months are left out and break the line.
import type { TopLevelSpec } from 'vega-lite';
import type { WorkforcePlan } from '../analytics/workforce.ts';
import { formatCount, formatMonth, formatOneDp, isValue, label, monthStart, plural, serviceName, subtitleOf, type Shown } from './format.ts';
import { INK, PALETTE, Y_TITLE_ABOVE, frame } from './theme.ts';

export interface ForecastOptions { title?: string }

export interface HistoryPoint { month: string; value: Shown }

export function forecastSpec(history: HistoryPoint[], plan: WorkforcePlan, options: ForecastOptions = {}): TopLevelSpec {
  const past = history.map((h) => ({
    date: monthStart(h.month), value: isValue(h.value) ? h.value : null, series: 'Recorded',
    month_text: formatMonth(h.month), value_text: formatCount(h.value),
  }));
  const ahead = plan.forecast.map((f) => ({
    date: monthStart(f.month), value: f.forecast, lower: Math.max(0, f.lower), upper: f.upper, series: 'Forecast',
    month_text: formatMonth(f.month), value_text: formatOneDp(f.forecast), interval: `${formatOneDp(Math.max(0, f.lower))} to ${formatOneDp(f.upper)}`,
  }));
  const hidden = past.filter((p) => p.value === null).length;
  // The dashed line starts from the last recorded month, so history and forecast read as one series.
  const last = past.at(-1);
  const joined = last && last.value !== null ? [{ ...last, value: last.value, interval: 'recorded' }, ...ahead] : ahead;
  const meanAhead = ahead.length ? ahead.reduce((s, f) => s + f.value, 0) / ahead.length : null;
  const x = { field: 'date', type: 'temporal' as const, timeUnit: 'utcyearmonth' as const, title: 'Month', axis: { format: '%b %Y' as const, labelOverlap: true, labelAngle: 0 } };
  const yTitle = 'Referrals per month';
  const tooltip = [
    { field: 'month_text', title: 'Month' }, { field: 'series', title: 'Series' }, { field: 'value_text', title: yTitle },
  ];
  return {
    ...frame(400,
      `Line chart of ${serviceName(plan.service)} referrals per month: ${plural(past.length - hidden, 'month')} recorded and a `
      + `${ahead.length}-month forecast (${plan.forecastMethod}) averaging ${formatOneDp(meanAhead)} a month, with a 95% prediction interval; `
      + `${plural(hidden, 'month')} of history suppressed or missing and not drawn.`),
    title: {
      text: options.title ?? `${label(plan.service)}: referrals forecast`,
      subtitle: subtitleOf('Referrals per month', `Forecast: ${plan.forecastMethod}`, 'Shaded band: 95% prediction interval'),
    },
    data: { name: 'table', values: past },
    layer: [
      {
        name: 'band',
        data: { name: 'forecast', values: ahead },
        mark: { type: 'area', color: PALETTE.lower, opacity: 0.18 },
        encoding: {
          x, y: { field: 'lower', type: 'quantitative', title: yTitle, axis: Y_TITLE_ABOVE }, y2: { field: 'upper' },
          tooltip: [...tooltip, { field: 'interval', title: '95% prediction interval' }],
        },
      },
      {
        name: 'history',
        mark: { type: 'line', color: INK, strokeWidth: 2, invalid: 'break-paths-filter-domains' },
        encoding: { x, y: { field: 'value', type: 'quantitative', title: yTitle } },
      },
      {
        name: 'history_points',
        transform: [{ filter: 'isValid(datum.value)' }],
        mark: { type: 'point', filled: true, size: 30, color: INK },
        encoding: { x, y: { field: 'value', type: 'quantitative' }, tooltip },
      },
      {
        name: 'forecast',
        data: { name: 'forecast_line', values: joined },
        mark: { type: 'line', color: PALETTE.lower, strokeWidth: 2, strokeDash: [6, 4] },
        encoding: { x, y: { field: 'value', type: 'quantitative' }, tooltip: [...tooltip, { field: 'interval', title: '95% prediction interval' }] },
      },
    ],
  };
}
