// A wait measure over time as an XmR chart (METHODS §5): the monthly values, mean (solid), process limits (dashed,
// drawn truncated at 0) and the target (thick dotted line, labelled). Where a measure has a better direction (% seen
// within the target: higher; median wait: lower), special-cause points are improvement (blue) or concern (orange),
// as in Making Data Count; the waiting list's are only higher or lower. Months not shown (fewer than 10 seen, or
// 1–4 children) are left out and break the line.
import type { TopLevelSpec } from 'vega-lite';
import type { WaitsMeasure } from '../analytics/waits-over-time.ts';
import { drawnLimit } from '../stats/spc.ts';
import { formatMonth, formatOneDp, label, monthStart } from './format.ts';
import { INK, PALETTE, SECONDARY_INK, SPECIAL_CAUSE, Y_TITLE_ABOVE, frame } from './theme.ts';

const CAUSES = ['Common cause', 'Special cause: higher', 'Special cause: lower', 'Special cause: improvement', 'Special cause: concern'];
const CAUSE_COLOURS = [SPECIAL_CAUSE.common, SPECIAL_CAUSE.high, SPECIAL_CAUSE.low, PALETTE.lower, PALETTE.higher];

/** Which kind of special cause a point is, for a measure with or without a better direction. */
export function causeOf(rule: string | null, side: 'high' | 'low' | null, higherIsBetter: boolean | null): string {
  if (rule === null || side === null) return CAUSES[0] as string;
  if (higherIsBetter === null) return (side === 'high' ? CAUSES[1] : CAUSES[2]) as string;
  return ((side === 'high') === higherIsBetter ? CAUSES[3] : CAUSES[4]) as string;
}

export function waitsOverTimeSpec(service: string, m: WaitsMeasure): TopLevelSpec {
  const rows = m.points.map((p) => ({
    date: monthStart(p.month), value: p.value, month_text: formatMonth(p.month), value_text: formatOneDp(p.value),
    cause: causeOf(p.rule, p.side, m.higherIsBetter),
    shape: p.rule === null || p.side === null ? 'circle' : p.side === 'high' ? 'triangle-up' : 'triangle-down',
  }));
  const causes = CAUSES.filter((_, i) => i === 0 || (m.higherIsBetter === null ? i <= 2 : i >= 3));
  const c = m.chart && m.chart.tooFewForSpc === null ? m.chart : null;
  const lines = [
    ...(c ? [
      { name: 'Mean', value: c.mean, dash: [1, 0], colour: INK, width: 1.5 },
      { name: 'Upper process limit', value: drawnLimit(c.upperProcessLimit), dash: [6, 4], colour: SECONDARY_INK, width: 1.5 },
      { name: 'Lower process limit', value: drawnLimit(c.lowerProcessLimit), dash: [6, 4], colour: SECONDARY_INK, width: 1.5 },
    ] : []),
    ...(m.target === null ? [] : [{ name: 'Target', value: m.target, dash: [2, 2], colour: SPECIAL_CAUSE.low, width: 3 }]),
  ].filter((l) => Number.isFinite(l.value)).map((l) => ({ ...l, text: `${l.name} ${formatOneDp(l.value)}` }));
  const shown = rows.filter((r) => r.value !== null).length;
  const x = { field: 'date', type: 'temporal' as const, timeUnit: 'utcyearmonth' as const, title: 'Month', axis: { format: '%b %Y' as const, labelAngle: 0, labelOverlap: true } };
  return {
    ...frame(260, `SPC chart of ${m.label.toLowerCase()} for ${label(service).toLowerCase()}: ${shown} months shown`
      + (c ? `, mean ${formatOneDp(c.mean)}, limits ${formatOneDp(drawnLimit(c.lowerProcessLimit))} to ${formatOneDp(c.upperProcessLimit)}` : ', no limits')
      + (m.target === null ? '.' : `; target ${formatOneDp(m.target)} ${m.unit}.`)),
    title: { text: `${service}: ${m.label}`, subtitle: [m.target === null ? 'No target' : `Target: ${formatOneDp(m.target)} ${m.unit} (blue dotted line)`] },
    data: { name: 'table', values: rows },
    layer: [
      ...(lines.length ? [{
        name: 'wait_lines',
        data: { name: 'lines', values: lines },
        mark: { type: 'rule' as const },
        encoding: {
          y: { field: 'value', type: 'quantitative' as const, title: m.unit === '%' ? '%' : m.unit, axis: Y_TITLE_ABOVE },
          strokeDash: { field: 'dash', type: 'nominal' as const, scale: null },
          stroke: { field: 'colour', type: 'nominal' as const, scale: null },
          strokeWidth: { field: 'width', type: 'quantitative' as const, scale: null },
          tooltip: { field: 'text', title: 'Line' },
        },
      }] : []),
      { name: 'series', mark: { type: 'line', color: SECONDARY_INK, strokeWidth: 1.5 }, encoding: { x, y: { field: 'value', type: 'quantitative', title: m.unit } } },
      {
        name: 'months',
        transform: [{ filter: 'datum.value !== null' }],
        mark: { type: 'point', filled: true, size: 50 },
        encoding: {
          x, y: { field: 'value', type: 'quantitative' },
          color: { field: 'cause', type: 'nominal', title: 'Variation', scale: { domain: causes, range: causes.map((c) => CAUSE_COLOURS[CAUSES.indexOf(c)] as string) }, legend: { orient: 'bottom', direction: 'vertical', columns: 1 } },
          shape: { field: 'shape', type: 'nominal', scale: null, legend: null },
          tooltip: [{ field: 'month_text', title: 'Month' }, { field: 'value_text', title: m.label }, { field: 'cause', title: 'Variation' }],
        },
      },
    ],
  };
}
