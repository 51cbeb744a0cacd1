// Published context as reference lines: one line per published series (provider, ICB, region, England; or LA,
// region, England), each dashed in its own pattern and colour, and the local series (when there is one) solid on
// top. The lines share an axis but nothing else: no band, no test, no combined figure (src/context says why).
// A suppressed local point draws nothing and carries a "c" at the baseline.
import type { TopLevelSpec } from 'vega-lite';
import type { LocalWaitsPoint } from '../context/local.ts';
import type { PupilsRow, SlcnShare, TimelinessRow, WaitsContextRow } from '../context/figures.ts';
import { formatMonth, formatOneDp, isValue, plural, subtitleOf } from './format.ts';
import { SECONDARY_INK, SERVICE_COLOURS, Y_TITLE_ABOVE, frame } from './theme.ts';

export interface ContextLinePoint {
  readonly x: string;
  readonly series: string;
  readonly value: number | 'c' | null;
  /** True for the local (this data set's) series; false for published figures. */
  readonly local: boolean;
}

export interface ContextLinesOptions {
  readonly title: string;
  readonly yTitle: string;
  readonly xTitle: string;
  /** Source line(s) shown under the title, e.g. "Source: NHS England, 2023". */
  readonly source: string;
  readonly subtitle?: string;
  /** Colour of the local series (default SLT blue). */
  readonly localColour?: string;
}

// Published series styles in order: colour (≥ 3:1 on white) and dash pattern, so colour is never the only carrier.
const PUBLISHED_STYLES: readonly { colour: string; dash: number[] }[] = [
  { colour: '#a34700', dash: [6, 3] }, { colour: '#4c2c92', dash: [2, 2] },
  { colour: '#505a5f', dash: [8, 3, 2, 3] }, { colour: '#0b0c0c', dash: [12, 4] },
];

export function contextLinesSpec(points: readonly ContextLinePoint[], options: ContextLinesOptions): TopLevelSpec {
  const xs = [...new Set(points.map((p) => p.x))];
  const series = [...new Set(points.map((p) => p.series))].sort((a, b) => Number(isLocal(points, b)) - Number(isLocal(points, a)));
  let published = 0;
  const styles = series.map((s) => (isLocal(points, s)
    ? { colour: options.localColour ?? SERVICE_COLOURS.SLT, dash: [1, 0] }
    : (PUBLISHED_STYLES[published++ % PUBLISHED_STYLES.length] ?? { colour: '#0b0c0c', dash: [1, 0] })));
  const rows = points.map((p) => ({
    x: p.x, series: p.series, local: p.local, value: isValue(p.value) ? p.value : null, suppressed: p.value === 'c',
    value_text: p.value === 'c' ? 'c (suppressed)' : isValue(p.value) ? `${formatOneDp(p.value)}%` : 'no data',
  }));
  const suppressed = rows.filter((r) => r.suppressed).length;
  const drawn = series.map((s) => `${s} (${plural(rows.filter((r) => r.series === s && r.value !== null).length, 'point')})`).join('; ');
  const x = { field: 'x', type: 'ordinal' as const, title: options.xTitle, sort: xs, axis: { labelAngle: -45, labelOverlap: true } };
  const colour = { field: 'series', type: 'nominal' as const, title: null, scale: { domain: series, range: styles.map((s) => s.colour) }, legend: { columns: 1, symbolType: 'stroke', symbolStrokeWidth: 3, labelLimit: 1000 } };
  const dash = { field: 'series', type: 'nominal' as const, scale: { domain: series, range: styles.map((s) => s.dash) } };
  const y = { field: 'value', type: 'quantitative' as const, title: options.yTitle, axis: Y_TITLE_ABOVE, scale: { zero: true } };
  const tooltip = [{ field: 'series', title: 'Series' }, { field: 'x', title: options.xTitle }, { field: 'value_text', title: options.yTitle }];
  return {
    ...frame(320, `Line chart: ${options.title}. ${drawn}.${suppressed ? ` ${plural(suppressed, 'local point')} suppressed (shown as c).` : ''} Published figures are context, not compared by any test.`),
    title: { text: options.title, subtitle: subtitleOf(options.subtitle, options.source, suppressed ? 'c = suppressed to protect privacy' : null) },
    data: { name: 'table', values: rows },
    encoding: { x, tooltip },
    layer: [
      {
        name: 'lines',
        transform: [{ filter: 'isValid(datum.value)' }],
        mark: { type: 'line', strokeWidth: 2.5 },
        encoding: { y, color: colour, strokeDash: dash, detail: { field: 'series' } },
      },
      {
        name: 'points',
        transform: [{ filter: 'isValid(datum.value)' }],
        mark: { type: 'point', filled: true, size: 40 },
        encoding: { y, color: colour, shape: { field: 'local', type: 'nominal', scale: { domain: [true, false], range: ['circle', 'square'] }, legend: null } },
      },
      {
        name: 'suppressed_points',
        transform: [{ filter: 'datum.suppressed' }],
        mark: { type: 'text', baseline: 'bottom', dy: -3, color: SECONDARY_INK, fontStyle: 'italic' },
        encoding: { y: { datum: 0, type: 'quantitative' }, text: { value: 'c' } },
      },
    ],
  };
}

const isLocal = (points: readonly ContextLinePoint[], s: string) => points.some((p) => p.series === s && p.local);

/** Published % waiting over 18 weeks (provider, ICB, region, England) and the local line, for one service. */
export function waitsContextLines(published: readonly WaitsContextRow[], local: readonly LocalWaitsPoint[], service: string, localName = 'This data set'): ContextLinePoint[] {
  return [
    ...local.filter((p) => p.service === service).map((p) => ({ x: formatMonth(p.month), series: localName, value: p.pct_over_18_weeks, local: true })),
    ...published.filter((r) => r.service === service).map((r) => ({ x: formatMonth(r.month), series: r.series, value: r.pct_over_18_weeks, local: false })),
  ];
}

/** SLCN share of EHC plans by age for one release, LA and England (ages in order; "All ages" left out). */
export function slcnAgeLines(shares: readonly SlcnShare[], release: SlcnShare['release']): ContextLinePoint[] {
  return shares.filter((s) => s.release === release && s.age !== 'All ages')
    .sort((a, b) => a.age_order - b.age_order)
    .map((s) => ({ x: s.age_order <= 2 ? (release === 'new_plans' ? '2 and under' : 'under 3') : String(s.age_order), series: s.area, value: s.slcn_pct, local: false }));
}

/** % of new EHC plans issued within 20 weeks by year: LA, region, England. */
export const timelinessLines = (rows: readonly TimelinessRow[]): ContextLinePoint[] =>
  rows.map((r) => ({ x: String(r.year), series: r.level === 'region' ? `${r.area} (region)` : r.area, value: r.pct_within_20_weeks, local: false }));

/** % of pupils with an EHC plan (or on SEN support) by academic year: LA, region, England. */
export const pupilsLines = (rows: readonly PupilsRow[], provision = 'EHC plan'): ContextLinePoint[] =>
  rows.filter((r) => r.provision === provision)
    .map((r) => ({ x: r.academic_year, series: r.level === 'region' ? `${r.area} (region)` : r.area, value: r.pct_of_pupils, local: false }));

