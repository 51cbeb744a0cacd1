// Funnel plot of schools (METHODS §4): rate against pupils on roll, 95% (dashed) and 99.8% (solid) limits around
// the pooled area rate. Position is shown by colour AND shape (WCAG 1.4.1): ▲ above, ▼ below, doubled beyond 99.8%.
//
// x is on a log scale: school rolls run from about 20 (alternative provision) to over 2,000 (secondary, college),
// and on a linear axis most special and AP schools would be crushed against the left edge, exactly where the funnel
// is widest and a reader most needs to see which side of a limit a point lies. The limits are already sampled on a
// log-spaced grid (funnelCurve), so they draw smoothly.
//
// Selection: a point selection param named `school` (click, fields ['urn']; double-click clears). A React view reads
// it with `view.addSignalListener('school', (_, value) => value?.urn?.[0])` — value is `{ urn: [urn] }` or `{}`.
// Clicking is not keyboard-accessible: the view must also offer a school picker.
import type { TopLevelSpec } from 'vega-lite';
import type { FunnelSeries } from '../analytics/funnel.ts';
import { formatCount, formatInterval, formatOneDp, label, plural, serviceName, subtitleOf } from './format.ts';
import { INK, PALETTE, SECONDARY_INK, Y_TITLE_ABOVE, frame } from './theme.ts';

export interface FunnelPlotOptions {
  periodLabel?: string;
  /** A school to emphasise (larger, outlined, labelled with its name). */
  highlightUrn?: string | null;
}

export const SCHOOL_SELECTION = 'school';

const POSITIONS = ['below 99.8%', 'below 95%', 'within', 'above 95%', 'above 99.8%'] as const;
const POSITION_LEGEND = ['Much lower (below 99.8%)', 'Lower (below 95%)', 'Within the limits', 'Higher (above 95%)', 'Much higher (above 99.8%)'];
const POSITION_COLOURS = [PALETTE.muchLower, PALETTE.lower, PALETTE.similarMark, PALETTE.higher, PALETTE.muchHigher];
/** Shapes in Vega's unit square: circle within, triangles for a direction, doubled triangles beyond 99.8%. */
const POSITION_SHAPES = [
  'M-1,-1L0,0L1,-1Z M-1,0L0,1L1,0Z', 'triangle-down', 'circle', 'triangle-up', 'M-1,0L0,-1L1,0Z M-1,1L0,0L1,1Z',
];

function describe(series: FunnelSeries, options: FunnelPlotOptions): string {
  const n = (...p: string[]) => series.points.filter((x) => p.includes(x.position)).length;
  return `Funnel plot of ${plural(series.points.length, 'school')}' ${serviceName(series.service)} referral rates per 1,000 pupils per year `
    + `against pupils on roll${options.periodLabel ? `, ${options.periodLabel}` : ''}, with 95% and 99.8% limits around the area rate of `
    + `${formatOneDp(series.areaRate)}: ${n('above 95%', 'above 99.8%')} above the 95% limit (${n('above 99.8%')} of them above 99.8%), `
    + `${n('below 95%', 'below 99.8%')} below (${n('below 99.8%')} below 99.8%), ${n('within')} within; `
    + `${plural(series.suppressedSchools, 'school')} not plotted (fewer than 5 referrals or no pupils).`;
}

export function funnelPlotSpec(series: FunnelSeries, options: FunnelPlotOptions = {}): TopLevelSpec {
  const points = series.points.filter((p) => p.denominator > 0 && Number.isFinite(p.rate)).map((p) => ({
    urn: p.urn, name: p.name, school_type: label(p.school_type), pupils: p.denominator, rate: p.rate,
    position: POSITION_LEGEND[POSITIONS.indexOf(p.position)] ?? p.position,
    highlighted: p.urn === options.highlightUrn,
    rate_text: formatOneDp(p.rate), interval95: formatInterval(p.lower95, p.upper95),
    referrals_text: formatCount(p.referrals), pupils_text: formatCount(p.pupils), explanation: p.explanation,
  }));
  const rolls = points.map((p) => p.pupils);
  const xMin = rolls.length ? Math.min(...rolls) * 0.8 : (series.limits[0]?.pupils ?? 5);
  const xMax = rolls.length ? Math.max(...rolls) * 1.25 : (series.limits.at(-1)?.pupils ?? 1000);
  const yMax = Math.max(series.areaRate * 2, ...points.map((p) => p.rate * 1.1), 1);
  const limits = series.limits.filter((l) => l.pupils >= xMin / 1.2 && l.pupils <= xMax * 1.2).flatMap((l) => [
    { pupils: l.pupils, limit: '95% limits', side: 'lower', value: l.lower95 },
    { pupils: l.pupils, limit: '95% limits', side: 'upper', value: l.upper95 },
    { pupils: l.pupils, limit: '99.8% limits', side: 'lower', value: l.lower998 },
    { pupils: l.pupils, limit: '99.8% limits', side: 'upper', value: l.upper998 },
  ]);
  // The highlighted school's name reads away from the nearer edge, so it is never cut off by the plot's right side.
  const marked = points.find((p) => p.highlighted);
  const onRight = marked !== undefined && Math.log(marked.pupils / xMin) > Math.log(xMax / xMin) / 2;
  const x = { field: 'pupils', type: 'quantitative' as const, title: 'Pupils, weighted for age mix (log scale)', scale: { type: 'log' as const, domain: [xMin, xMax], nice: false } };
  const y = { field: 'rate', type: 'quantitative' as const, title: 'Referrals per 1,000 pupils per year (age-adjusted)', scale: { domain: [0, yMax], nice: true } };
  const tooltip = [
    { field: 'name', title: 'School' }, { field: 'urn', title: 'URN' }, { field: 'school_type', title: 'Type' },
    { field: 'rate_text', title: 'Referrals per 1,000 pupils a year' }, { field: 'interval95', title: '95% interval' },
    { field: 'referrals_text', title: 'Referrals' }, { field: 'pupils_text', title: 'Pupils on roll' },
    { field: 'explanation', title: 'Compared with the area' },
  ];
  return {
    ...frame(560, describe(series, options)),
    title: {
      text: `${label(series.service)}: referral rate by school size`,
      subtitle: subtitleOf(
        'Referrals per 1,000 pupils per year', options.periodLabel, `Area rate ${formatOneDp(series.areaRate)} (black line)`,
        'Limits: 95% dashed, 99.8% solid grey',
      ),
    },
    data: { name: 'table', values: points },
    layer: [
      {
        name: 'limits',
        data: { name: 'limits', values: limits },
        mark: { type: 'line', color: SECONDARY_INK, strokeWidth: 1.5, clip: true, interpolate: 'monotone' },
        encoding: {
          x: { ...x }, y: { field: 'value', type: 'quantitative', scale: y.scale, title: y.title, axis: Y_TITLE_ABOVE },
          detail: { field: 'side' },
          strokeDash: { field: 'limit', type: 'nominal', legend: null, scale: { domain: ['95% limits', '99.8% limits'], range: [[6, 4], [1, 0]] } },
        },
      },
      {
        name: 'area_rate',
        data: { values: [{}] },
        mark: { type: 'rule', color: INK, strokeWidth: 2, aria: false },
        encoding: { y: { datum: series.areaRate, type: 'quantitative', scale: y.scale }, tooltip: { value: `Area rate: ${formatOneDp(series.areaRate)} per 1,000 pupils a year` } },
      },
      {
        name: 'schools',
        params: [{ name: SCHOOL_SELECTION, select: { type: 'point', on: 'click', fields: ['urn'], clear: 'dblclick', toggle: false } }],
        mark: { type: 'point', filled: true, size: 90, stroke: '#ffffff', strokeWidth: 0.5, cursor: 'pointer' },
        encoding: {
          x, y,
          color: { field: 'position', type: 'nominal', title: 'Compared with the area', scale: { domain: POSITION_LEGEND, range: POSITION_COLOURS }, legend: { columns: 2 } },
          shape: { field: 'position', type: 'nominal', title: 'Compared with the area', scale: { domain: POSITION_LEGEND, range: POSITION_SHAPES } },
          opacity: { condition: { param: SCHOOL_SELECTION, empty: true, value: 0.95 }, value: 0.35 },
          tooltip,
        },
      },
      {
        name: 'highlight_ring',
        transform: [{ filter: 'datum.highlighted' }],
        mark: { type: 'point', filled: false, shape: 'circle', size: 500, stroke: INK, strokeWidth: 3, aria: false },
        encoding: { x, y, tooltip },
      },
      {
        name: 'highlight_label',
        transform: [{ filter: 'datum.highlighted' }],
        mark: { type: 'text', align: onRight ? 'right' : 'left', dx: onRight ? -16 : 16, dy: -12, fontWeight: 'bold', color: INK, aria: false },
        encoding: { x, y, text: { field: 'name' } },
      },
    ],
  };
}
