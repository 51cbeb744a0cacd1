// Published context as reference lines: one line per published series (provider, ICB, region, England; or LA,
// region, England), each dashed in its own pattern and colour, and the local series (when there is one) solid on
// top. The lines share an axis but nothing else: no band, no test, no combined figure (src/context says why).
// A suppressed local point draws nothing and carries a "c" at the baseline.
import type { TopLevelSpec } from 'vega-lite';
import type { LocalWaitsPoint } from '../context/local.ts';
import type { PupilsRow, SlcnShare, TimelinessRow, WaitsContextRow } from '../context/figures.ts';
import { formatMonth, formatOneDp, isValue, plural } from './format.ts';
import { SECONDARY_INK, SERVICE_COLOURS, Y_TITLE_ABOVE, frame } from './theme.ts';

export interface ContextLinePoint {
  readonly x: string;
  readonly series: string;
  readonly value: number | 'c' | null;
  /** True for the local (this data set's) series; false for published figures. */
  readonly local: boolean;
  /** Which published geography the series is: it sets the line's style, the same in every chart. */
  readonly level?: 'la' | 'provider' | 'icb' | 'region' | 'england';
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

// Published series styles by geography: colour (≥ 3:1 on white) and dash pattern, so colour is never the only
// carrier. The LA and the provider never share a chart, so they share a style.
const LEVEL_STYLES = {
  la: { colour: '#a34700', dash: [6, 3] }, provider: { colour: '#a34700', dash: [6, 3] }, icb: { colour: '#4c2c92', dash: [2, 2] },
  region: { colour: '#505a5f', dash: [8, 3, 2, 3] }, england: { colour: '#0b0c0c', dash: [12, 4] },
} as const;
const LEVEL_ORDER = ['la', 'provider', 'icb', 'region', 'england'] as const;

export function contextLinesSpec(points: readonly ContextLinePoint[], options: ContextLinesOptions): TopLevelSpec {
  const xs = [...new Set(points.map((p) => p.x))];
  const levelOf = (s: string) => points.find((p) => p.series === s)?.level;
  const rank = (s: string) => (isLocal(points, s) ? -1 : LEVEL_ORDER.indexOf(levelOf(s) ?? 'england'));
  const series = [...new Set(points.map((p) => p.series))].sort((a, b) => rank(a) - rank(b));
  const styles = series.map((s) => (isLocal(points, s)
    ? { colour: options.localColour ?? SERVICE_COLOURS.SLT, dash: [1, 0] }
    : LEVEL_STYLES[levelOf(s) ?? 'england']));
  const rows = points.map((p) => ({
    x: p.x, series: p.series, local: p.local, value: isValue(p.value) ? p.value : null, suppressed: p.value === 'c',
    value_text: p.value === 'c' ? 'c (suppressed)' : isValue(p.value) ? `${formatOneDp(p.value)}%` : 'no data',
  }));
  const suppressed = rows.filter((r) => r.suppressed).length;
  const drawn = series.map((s) => `${s} (${plural(rows.filter((r) => r.series === s && r.value !== null).length, 'point')})`).join('; ');
  const x = { field: 'x', type: 'ordinal' as const, title: options.xTitle, sort: xs, axis: { labelAngle: -45, labelOverlap: true } };
  const colour = { field: 'series', type: 'nominal' as const, title: null, scale: { domain: series, range: styles.map((s) => s.colour) }, legend: { columns: 1, symbolType: 'stroke', symbolStrokeWidth: 3, labelLimit: 290 } };
  const dash = { field: 'series', type: 'nominal' as const, scale: { domain: series, range: styles.map((s) => s.dash) } };
  const y = { field: 'value', type: 'quantitative' as const, title: options.yTitle, axis: Y_TITLE_ABOVE, scale: { zero: true } };
  const tooltip = [{ field: 'series', title: 'Series' }, { field: 'x', title: options.xTitle }, { field: 'value_text', title: options.yTitle }];
  return {
    ...frame(440, `Line chart: ${options.title}. ${drawn}.${suppressed ? ` ${plural(suppressed, 'local point')} suppressed (shown as c).` : ''} Published figures are context, not compared by any test.`),
    // Wrapped short so that on a 390 px phone neither title nor subtitle widens the chart past its container.
    title: { text: wrap(options.title, 32), subtitle: [options.subtitle, options.source, suppressed ? 'c = suppressed to protect privacy' : null].flatMap((t) => (t ? wrap(t, 46) : [])) },
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

/** Words into lines of at most `max` characters (a longer word gets a line of its own). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + word.length + 1 <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const isLocal = (points: readonly ContextLinePoint[], s: string) => points.some((p) => p.series === s && p.local);

/** Published % waiting over 18 weeks (provider, ICB, region, England) and the local line, for one service. */
export function waitsContextLines(published: readonly WaitsContextRow[], local: readonly LocalWaitsPoint[], service: string, localName = 'This data set'): ContextLinePoint[] {
  return [
    ...local.filter((p) => p.service === service).map((p) => ({ x: formatMonth(p.month), series: localName, value: p.pct_over_18_weeks, local: true })),
    ...published.filter((r) => r.service === service).map((r) => ({ x: formatMonth(r.month), series: r.series, value: r.pct_over_18_weeks, local: false, level: r.level })),
  ];
}

/** SLCN share of EHC plans by age for one release, LA and England (ages in order; "All ages" left out). */
export function slcnAgeLines(shares: readonly SlcnShare[], release: SlcnShare['release']): ContextLinePoint[] {
  return shares.filter((s) => s.release === release && s.age !== 'All ages')
    .sort((a, b) => a.age_order - b.age_order)
    .map((s) => ({ x: s.age_order <= 2 ? (release === 'new_plans' ? '2 and under' : 'under 3') : String(s.age_order), series: s.area, value: s.slcn_pct, local: false, level: s.level }));
}

/** % of new EHC plans issued within 20 weeks by year: LA, region, England. */
export const timelinessLines = (rows: readonly TimelinessRow[]): ContextLinePoint[] =>
  rows.map((r) => ({ x: String(r.year), series: r.level === 'region' ? `${r.area} (region)` : r.area, value: r.pct_within_20_weeks, local: false, level: r.level }));

/** % of pupils with an EHC plan (or on SEN support) by academic year: LA, region, England. */
export const pupilsLines = (rows: readonly PupilsRow[], provision = 'EHC plan'): ContextLinePoint[] =>
  rows.filter((r) => r.provision === provision)
    .map((r) => ({ x: r.academic_year, series: r.level === 'region' ? `${r.area} (region)` : r.area, value: r.percent, local: false, level: r.level }));

