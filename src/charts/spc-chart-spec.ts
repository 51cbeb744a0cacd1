// XmR chart of referrals (METHODS §5), monthly or in 3-month totals: the series with each segment's mean (solid),
// process limits (dashed, drawn truncated at 0) and 2σ lines (dotted, light), a vertical line at each change point;
// special-cause points coloured AND shaped by direction in neutral colours (higher demand is not "bad"); points
// drawn but not judged (August on an adjusted series) as grey squares. Suppressed periods (value null) are left out
// and break the line. No mean or limits when the series is too sparse for SPC, and no point is flagged then.
import type { TopLevelSpec } from 'vega-lite';
import type { SpcSeries } from '../analytics/spc.ts';
import { formatCount, formatMonth, formatOneDp, label, monthStart, plural, serviceName, subtitleOf } from './format.ts';
import { drawnLimit } from '../stats/spc.ts';
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

const CAUSES = ['Common cause', 'Special cause: higher', 'Special cause: lower', 'Drawn, not judged'];
const NOT_JUDGED_INK = '#6f777b';

function groupName(series: SpcSeries): string {
  if (series.group_kind === 'area' || series.group_value === null) return 'all schools';
  return label(series.group_value);
}

/** "Jun–Aug 2026" for a 3-month period, "Aug 2026" for a month. */
export function periodText(p: { month: string; lastMonth?: string }): string {
  if (!p.lastMonth || p.lastMonth === p.month) return formatMonth(p.month);
  return `${formatMonth(p.month).slice(0, 3)}–${formatMonth(p.lastMonth)}`;
}

/** A limit's line label: the value drawn, and the value when it was truncated at 0. */
const limitLabel = (name: string, value: number) => (value < 0 ? `${name} 0 (${formatOneDp(value)}, drawn at 0)` : `${name} ${formatOneDp(value)}`);

export function spcChartSpec(series: SpcSeries, options: SpcChartOptions = {}): TopLevelSpec {
  const noLimits = series.tooFewForSpc !== null;
  const adjusted = series.series === 'seasonally_adjusted';
  const quarterly = series.period === 'quarter';
  const rows = series.points.map((p) => {
    const flagged = !noLimits && p.rule !== null && p.value !== null;
    const judged = !noLimits && p.judged !== false;
    return {
      date: monthStart(p.month), value: p.value,
      cause: flagged ? (p.side === 'low' ? CAUSES[2] : CAUSES[1]) : judged ? CAUSES[0] : CAUSES[3],
      month_text: periodText(p), referrals_text: formatCount(p.referrals),
      value_text: formatOneDp(p.value),
      rule_text: flagged ? ruleText(p.rule, p.side) : judged ? ruleText(null, null) : 'Not judged by the SPC rules',
    };
  });
  const shown = rows.filter((r) => r.value !== null);
  const flagged = shown.filter((r) => r.cause === CAUSES[1] || r.cause === CAUSES[2]);
  const suppressed = rows.length - shown.length;
  const per = quarterly ? 'Referrals per 3 months' : 'Referrals per month';
  const valueTitle = adjusted ? `${per} (seasonally adjusted)` : per;
  const segments = noLimits ? [] : series.segments;
  const lastSegment = segments.length - 1;
  const lines = segments.flatMap((seg, k) => [
    { name: 'Mean', raw: seg.mean, dash: [1, 0], colour: INK, width: 1.5 },
    { name: 'Upper process limit', raw: seg.upperProcessLimit, dash: [6, 4], colour: SECONDARY_INK, width: 1.5 },
    { name: 'Lower process limit', raw: seg.lowerProcessLimit, dash: [6, 4], colour: SECONDARY_INK, width: 1.5 },
    { name: 'Upper 2σ line', raw: seg.upperTwoSigma, dash: [1, 3], colour: '#6f777b', width: 1 },
    { name: 'Lower 2σ line', raw: seg.lowerTwoSigma, dash: [1, 3], colour: '#6f777b', width: 1 },
  ].filter((l) => Number.isFinite(l.raw)).map((l) => ({
    ...l, value: l.name === 'Mean' ? l.raw : drawnLimit(l.raw), from: monthStart(seg.from), to: monthStart(seg.to), last: k === lastSegment,
    label: `${limitLabel(l.name, l.raw)} (${formatMonth(seg.from)} to ${formatMonth(seg.to)})`,
    short: limitLabel(l.name.replace(' process', ''), l.raw),
  })))
    // A 2σ line below 0 is not drawn at all (it would sit on the limit at 0).
    .filter((l) => !(l.name.includes('2σ') && l.raw < 0));
  const labelled = lines.filter((l) => l.last && !l.name.includes('2σ'));
  const changes = noLimits ? [] : series.changePoints.map((m) => ({ date: monthStart(m), text: `New limits from ${formatMonth(m)}`, short: 'New limits' }));
  const x = { field: 'date', type: 'temporal' as const, timeUnit: 'utcyearmonth' as const, title: quarterly ? '3-month period (first month)' : 'Month', axis: { format: '%b %Y' as const, labelAngle: 0, labelOverlap: true } };
  // All drawn values 0 (the rest hidden as 1–4): a 0–5 axis, not a collapsed one labelled "0.000000".
  const flat = shown.every((r) => (r.value ?? 0) <= 0) && lines.every((l) => l.raw <= 0);
  const y = { field: 'value', type: 'quantitative' as const, title: valueTitle, ...(flat ? { scale: { domain: [0, 5] } } : {}) };
  const description = `SPC chart of ${serviceName(series.service)} referrals ${quarterly ? 'per 3 months' : 'per month'} for ${groupName(series)} `
    + `(${adjusted ? 'seasonally adjusted' : 'raw counts'}${options.periodLabel ? `, ${options.periodLabel}` : ''}): `
    + `${plural(shown.length, quarterly ? 'period' : 'month')} plotted`
    + (noLimits ? ', no limits drawn (too few referrals for SPC); '
      : ` around a mean of ${formatOneDp(series.mean)}${changes.length ? ` (limits recalculated from ${series.changePoints.map(formatMonth).join(' and ')})` : ''}, `
        + `${plural(flagged.filter((r) => r.cause === CAUSES[1]).length, 'point')} of high and ${plural(flagged.filter((r) => r.cause === CAUSES[2]).length, 'point')} of low special cause; `)
    + `${plural(suppressed, quarterly ? 'period' : 'month')} suppressed (fewer than 5 referrals) and not plotted.`;
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
      // Empty layers are left out: an empty mark group would be an unlabelled image to a screen reader.
      ...(lines.length ? [
      {
        name: 'spc_lines',
        data: { name: 'lines', values: lines },
        mark: { type: 'rule' },
        encoding: {
          x: { field: 'from', type: 'temporal', timeUnit: 'utcyearmonth' },
          x2: { field: 'to' },
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
      ] as const : []),
      ...(changes.length ? [
      {
        name: 'spc_change_points',
        data: { name: 'change_points', values: changes },
        mark: { type: 'rule', color: INK, strokeWidth: 2 },
        encoding: { x: { field: 'date', type: 'temporal', timeUnit: 'utcyearmonth' }, tooltip: { field: 'text', title: 'Re-baselined' } },
      },
      {
        name: 'spc_change_labels',
        data: { name: 'change_labels', values: changes },
        mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, dy: -4, y: 'height', color: INK, aria: false },
        encoding: { x: { field: 'date', type: 'temporal', timeUnit: 'utcyearmonth' }, text: { field: 'short' } },
      },
      ] as const : []),
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
          color: { field: 'cause', type: 'nominal', title: 'Variation', scale: { domain: CAUSES, range: [SPECIAL_CAUSE.common, SPECIAL_CAUSE.high, SPECIAL_CAUSE.low, NOT_JUDGED_INK] } },
          shape: { field: 'cause', type: 'nominal', title: 'Variation', scale: { domain: CAUSES, range: ['circle', 'triangle-up', 'triangle-down', 'square'] } },
          size: { condition: { test: `datum.cause === '${CAUSES[1]}' || datum.cause === '${CAUSES[2]}'`, value: 140 }, value: 60 },
          tooltip: [
            { field: 'month_text', title: quarterly ? 'Period' : 'Month' }, { field: 'referrals_text', title: 'Referrals recorded' },
            { field: 'value_text', title: adjusted ? 'Seasonally adjusted value' : 'Value charted' },
            { field: 'rule_text', title: 'Why' },
          ],
        },
      },
    ],
  };
}
