// Intervals on the chart, not only in the table (METHODS §3, as Fingertips draws them): each school type × age
// phase cell's rate as a ratio to its like-for-like benchmark (all school types at the same age), and each school
// type's all-ages standardised ratio (observed ÷ expected for its age mix), with 95% (thick) and 99.8% (thin)
// whiskers against one line at 1. One axis serves every age phase, although rates fall steeply with age, because
// every row is already divided by its own benchmark; the tooltip gives the rates themselves.
import type { TopLevelSpec } from 'vega-lite';
import type { RateCell } from '../analytics/rates.ts';
import { AGE_PHASES, SCHOOL_TYPES } from '../contract/values.ts';
import { formatOneDp, isValue, label, plural, serviceName } from './format.ts';
import { COMPARISON_DOMAIN, COMPARISON_RANGE, INK, SECONDARY_INK, frame } from './theme.ts';

export interface RateIntervalsOptions { service: string; periodLabel?: string }

export interface RateIntervalRow {
  group: string; order: number; comparison: string;
  value: number; lower95: number; upper95: number; lower998: number; upper998: number;
  measure: string; rate_text: string; benchmark_text: string; interval_text: string;
}

const ROW_HEIGHT = 26;
/** Shorter names where the full one would crowd a phone's width (the table and tooltip keep the full name). */
const SHORT_TYPE: Record<string, string> = { alternative_provision: 'Alt. provision' };
const CHROME = 170;
const fixed2 = (v: number) => v.toFixed(2);

/** The plotted rows: cells with a benchmark and a published count; hidden ("c") and uncompared cells left out. */
export function rateIntervalRows(cells: readonly RateCell[], service: string): RateIntervalRow[] {
  const out: RateIntervalRow[] = [];
  for (const c of cells) {
    if (c.service !== service || c.school_type === null || c.comparison === 'c' || c.comparison === 'not compared') continue;
    const typeIndex = SCHOOL_TYPES.indexOf(c.school_type as never);
    const phaseIndex = c.age_phase === null ? AGE_PHASES.length : AGE_PHASES.indexOf(c.age_phase as never);
    const group = `${SHORT_TYPE[c.school_type] ?? label(c.school_type)} · ${c.age_phase === null ? 'all ages (adj.)' : label(c.age_phase).toLowerCase()}`;
    const base = { group, order: typeIndex * 10 + phaseIndex, comparison: c.comparison };
    if (c.kind === 'type, all ages') {
      if (!isValue(c.ratio) || !isValue(c.ratio_lower95) || !isValue(c.ratio_upper95) || !isValue(c.ratio_lower998) || !isValue(c.ratio_upper998)) continue;
      out.push({
        ...base, value: c.ratio, lower95: c.ratio_lower95, upper95: c.ratio_upper95, lower998: c.ratio_lower998, upper998: c.ratio_upper998,
        measure: 'Ratio to expected for its age mix', rate_text: `${formatOneDp(c.adjusted_rate)} per 1,000 adjusted for age mix (crude ${formatOneDp(c.rate)})`,
        benchmark_text: '1: referrals expected at the area\'s rate for each age phase', interval_text: `${fixed2(c.ratio_lower95)} to ${fixed2(c.ratio_upper95)}`,
      });
    } else if (isValue(c.benchmark) && c.benchmark > 0 && isValue(c.rate) && isValue(c.lower95) && isValue(c.upper95) && isValue(c.lower998) && isValue(c.upper998)) {
      const b = c.benchmark;
      out.push({
        ...base, value: c.rate / b, lower95: c.lower95 / b, upper95: c.upper95 / b, lower998: c.lower998 / b, upper998: c.upper998 / b,
        measure: 'Rate ÷ all school types at the same age', rate_text: `${formatOneDp(c.rate)} per 1,000 a year`,
        benchmark_text: `${formatOneDp(b)} per 1,000 (all school types, ${label(c.age_phase).toLowerCase()} age)`, interval_text: `${formatOneDp(c.lower95)} to ${formatOneDp(c.upper95)} per 1,000`,
      });
    }
  }
  return out.sort((a, b) => a.order - b.order);
}

/** The log axis cannot show 0: a ratio or bound below this is drawn at it (the tooltip and table keep the value). */
export const LOG_FLOOR = 0.02;
const floored = (r: RateIntervalRow): RateIntervalRow => ({
  ...r, value: Math.max(r.value, LOG_FLOOR), lower95: Math.max(r.lower95, LOG_FLOOR), upper95: Math.max(r.upper95, LOG_FLOOR),
  lower998: Math.max(r.lower998, LOG_FLOOR), upper998: Math.max(r.upper998, LOG_FLOOR),
});

export function rateIntervalsSpec(cells: readonly RateCell[], options: RateIntervalsOptions): TopLevelSpec {
  const rows = rateIntervalRows(cells, options.service).map(floored);
  const flagged = rows.filter((r) => r.comparison !== 'similar').length;
  const description = `Chart of ${serviceName(options.service)} referral rates for each school type and age phase as a ratio to its like-for-like benchmark, with 95% and 99.8% intervals`
    + `${options.periodLabel ? `, ${options.periodLabel}` : ''}: ${plural(rows.length, 'group')} shown, ${plural(flagged, 'group')} outside the 95% interval of the benchmark. Hidden (c) and uncompared groups are left out.`;
  const tooltip = [
    { field: 'group', title: 'Group' },
    { field: 'measure', title: 'Measure' },
    { field: 'value', title: 'Ratio', format: '.2f' },
    { field: 'rate_text', title: 'Rate' },
    { field: 'interval_text', title: '95% interval' },
    { field: 'benchmark_text', title: 'Benchmark' },
    { field: 'comparison', title: 'Comparison' },
  ];
  const x = { type: 'quantitative', scale: { type: 'log', domainMid: 1 }, title: 'Ratio to benchmark (log scale)' } as const;
  return {
    ...frame(Math.max(1, rows.length) * ROW_HEIGHT + CHROME, description),
    title: {
      // Two lines, so the title never widens the chart past a phone's width.
      text: [`${label(options.service)}:`, 'against like-for-like benchmarks'],
      subtitle: ['95% (thick) and 99.8% (thin) intervals', ...(options.periodLabel ? [options.periodLabel] : [])],
    },
    data: { name: 'table', values: rows },
    encoding: { y: { field: 'group', type: 'nominal', sort: { field: 'order' }, title: null, axis: { ticks: false, domain: false, labelLimit: 175, labelFontSize: 12 } }, tooltip },
    layer: [
      { name: 'benchmark', data: { values: [{ one: 1 }] }, mark: { type: 'rule', color: INK, strokeWidth: 1.5, strokeDash: [4, 3] }, encoding: { x: { field: 'one', ...x }, y: {}, tooltip: null } },
      { name: 'interval998', mark: { type: 'rule', color: SECONDARY_INK, strokeWidth: 1.5 }, encoding: { x: { field: 'lower998', ...x }, x2: { field: 'upper998' } } },
      { name: 'interval95', mark: { type: 'rule', strokeWidth: 5 }, encoding: {
        x: { field: 'lower95', ...x }, x2: { field: 'upper95' },
        color: {
          field: 'comparison', type: 'nominal', title: 'Compared like with like',
          scale: { domain: COMPARISON_DOMAIN.slice(0, 5), range: COMPARISON_RANGE.slice(0, 5) },
          legend: { orient: 'bottom', direction: 'horizontal', columns: 2, symbolType: 'stroke', symbolStrokeWidth: 5 },
        },
      } },
      { name: 'points', mark: { type: 'point', filled: true, size: 70, color: INK }, encoding: { x: { field: 'value', ...x }, shape: { value: 'diamond' } } },
    ],
  } as TopLevelSpec;
}
