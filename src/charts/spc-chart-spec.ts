// XmR chart of monthly referrals (METHODS §5): the series with its mean (solid), process limits (dashed) and 2σ
// lines (dotted, light); special-cause points coloured AND shaped by direction in neutral colours (higher demand is
// not "bad"). Suppressed months (value null) are left out and break the line. No limits when the series is too
// sparse for SPC, and no point is flagged then.
import type { TopLevelSpec } from 'vega-lite';
import type { SpcSeries } from '../analytics/spc.ts';
import { formatCount, formatMonth, formatOneDp, label, monthStart, plural, serviceName, subtitleOf } from './format.ts';
import { INK, SECONDARY_INK, SPECIAL_CAUSE, Y_TITLE_ABOVE, frame } from './theme.ts';

export interface SpcChartOptions {
  title?: string;
  periodLabel?: string;
}

/** SPC rule codes (src/stats) in plain English; trend and shift take their direction from the point's side. */
export function ruleText(rule: string | null, side: 'high' | 'low' | null): string {
  const direction = side === 'low' ? 'falling' : 'rising';
  switch (rule) {
    case null: return 'Common cause (no rule broken)';
    case 'outside_limits': return 'Outside the process limits';
    case 'trend': return `Trend: 7 points ${direction}`;
    case 'two_of_three': return '2 of 3 points near a limit';
    case 'shift': return `Shift: 7 points ${side === 'low' ? 'below' : 'above'} the mean`;
    default: return rule;
  }
}

const CAUSES = ['Common cause', 'Special cause: higher', 'Special cause: lower'];

function groupName(series: SpcSeries): string {
  if (series.group_kind === 'area' || series.group_value === null) return 'all schools';
  return label(series.group_value);
}

export function spcChartSpec(series: SpcSeries, options: SpcChartOptions = {}): TopLevelSpec {
  const noLimits = series.tooFewForSpc !== null;
  const adjusted = series.series === 'seasonally_adjusted';
  const rows = series.points.map((p) => {
    const flagged = !noLimits && p.rule !== null && p.value !== null;
    return {
      date: monthStart(p.month), value: p.value,
      cause: !flagged ? CAUSES[0] : p.side === 'low' ? CAUSES[2] : CAUSES[1],
      month_text: formatMonth(p.month), referrals_text: formatCount(p.referrals),
      value_text: formatOneDp(p.value), rule_text: flagged ? ruleText(p.rule, p.side) : ruleText(null, null),
    };
  });
  const shown = rows.filter((r) => r.value !== null);
  const flagged = shown.filter((r) => r.cause !== CAUSES[0]);
  const suppressed = rows.length - shown.length;
  const valueTitle = adjusted ? 'Referrals per month (seasonally adjusted)' : 'Referrals per month';
  const lines = [
    { name: 'Mean', value: series.mean, dash: [1, 0], colour: INK, width: 1.5 },
    ...(noLimits ? [] : [
      { name: 'Upper process limit', value: series.upperProcessLimit, dash: [6, 4], colour: SECONDARY_INK, width: 1.5 },
      { name: 'Lower process limit', value: series.lowerProcessLimit, dash: [6, 4], colour: SECONDARY_INK, width: 1.5 },
      { name: 'Upper 2σ line', value: series.upperTwoSigma, dash: [1, 3], colour: '#6f777b', width: 1 },
      { name: 'Lower 2σ line', value: series.lowerTwoSigma, dash: [1, 3], colour: '#6f777b', width: 1 },
    ]),
  ].filter((l) => Number.isFinite(l.value))
    .map((l) => ({ ...l, label: `${l.name} ${formatOneDp(l.value)}`, short: `${l.name.replace(' process', '')} ${formatOneDp(l.value)}` }));
  const labelled = lines.filter((l) => !l.name.includes('2σ'));
  const x = { field: 'date', type: 'temporal' as const, timeUnit: 'utcyearmonth' as const, title: 'Month', axis: { format: '%b %Y' as const, labelAngle: 0, labelOverlap: true } };
  const y = { field: 'value', type: 'quantitative' as const, title: valueTitle };
  const description = `SPC chart of ${serviceName(series.service)} referrals per month for ${groupName(series)} `
    + `(${adjusted ? 'seasonally adjusted' : 'raw counts'}${options.periodLabel ? `, ${options.periodLabel}` : ''}): `
    + `${plural(shown.length, 'month')} plotted around a mean of ${formatOneDp(series.mean)}, `
    + (noLimits ? 'no limits drawn (too few referrals for SPC); '
      : `${plural(flagged.filter((r) => r.cause === CAUSES[1]).length, 'point')} of high and ${plural(flagged.filter((r) => r.cause === CAUSES[2]).length, 'point')} of low special cause; `)
    + `${plural(suppressed, 'month')} suppressed (fewer than 5 referrals) and not plotted.`;
  return {
    ...frame(400, description),
    title: {
      text: options.title ?? `${label(series.service)} referrals per month: ${groupName(series)}`,
      subtitle: subtitleOf(
        options.periodLabel, adjusted ? 'Seasonally adjusted' : 'Raw counts',
        series.trial && !noLimits ? 'Trial limits (fewer than 13 points)' : null,
        noLimits ? 'Too few referrals for SPC: no limits' : null,
      ),
    },
    data: { name: 'table', values: rows },
    layer: [
      {
        name: 'spc_lines',
        data: { name: 'lines', values: lines },
        mark: { type: 'rule' },
        encoding: {
          y: { field: 'value', type: 'quantitative', title: valueTitle, axis: Y_TITLE_ABOVE },
          strokeDash: { field: 'dash', type: 'nominal', scale: null },
          stroke: { field: 'colour', type: 'nominal', scale: null },
          strokeWidth: { field: 'width', type: 'quantitative', scale: null },
          tooltip: { field: 'label', title: 'Line' },
        },
      },
      {
        name: 'spc_line_labels',
        data: { name: 'line_labels', values: labelled },
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, x: 'width', color: SECONDARY_INK, aria: false },
        encoding: { y: { field: 'value', type: 'quantitative' }, text: { field: 'short' } },
      },
      {
        name: 'series',
        mark: { type: 'line', color: SECONDARY_INK, strokeWidth: 1.5, invalid: 'break-paths-filter-domains' },
        encoding: { x, y },
      },
      {
        name: 'months',
        transform: [{ filter: 'datum.value !== null' }],
        mark: { type: 'point', filled: true, size: 70, stroke: '#ffffff', strokeWidth: 0.5 },
        encoding: {
          x, y,
          color: { field: 'cause', type: 'nominal', title: 'Variation', scale: { domain: CAUSES, range: [SPECIAL_CAUSE.common, SPECIAL_CAUSE.high, SPECIAL_CAUSE.low] } },
          shape: { field: 'cause', type: 'nominal', title: 'Variation', scale: { domain: CAUSES, range: ['circle', 'triangle-up', 'triangle-down'] } },
          size: { condition: { test: `datum.cause !== '${CAUSES[0]}'`, value: 140 }, value: 60 },
          tooltip: [
            { field: 'month_text', title: 'Month' }, { field: 'referrals_text', title: 'Referrals recorded' },
            { field: 'value_text', title: adjusted ? 'Seasonally adjusted value' : 'Value charted' },
            { field: 'rule_text', title: 'Why' },
          ],
        },
      },
    ],
  };
}
