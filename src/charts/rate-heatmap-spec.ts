// Heat table of referral rates: school type (rows) × age phase (columns), each cell coloured by its like-for-like
// comparison (METHODS §3) and saying its rate and comparison in words, so colour is never the only cue. A type ×
// phase cell is compared with all school types at the same age (its column's "All types" cell); a type's "All
// ages" cell shows its rate adjusted for age mix, compared through the standardised ratio with 1; the "All types"
// row is the benchmark (shown, not compared); the area's all-ages cell is crude. Margins are drawn last.
import type { TopLevelSpec } from 'vega-lite';
import type { RateCell } from '../analytics/rates.ts';
import { AGE_PHASES, SCHOOL_TYPES } from '../contract/values.ts';
import { formatCount, formatInterval, formatOneDp, isValue, label, plural, serviceName, subtitleOf } from './format.ts';
import { COMPARISON_DOMAIN, COMPARISON_INK, COMPARISON_RANGE, FONT_SIZES, SECONDARY_INK, frame } from './theme.ts';

export interface RateHeatmapOptions {
  service: string;
  /** e.g. "April 2023 to March 2024". */
  periodLabel?: string;
}

type CellState = (typeof COMPARISON_DOMAIN)[number];

export const ALL_TYPES = 'All types';
export const ALL_AGES = 'All ages';
const ROW_HEIGHT = 56;
/** Title, top axis and the three-row legend: autosize 'fit' counts them inside `height`. */
const CHROME_HEIGHT = 200;

export interface HeatmapRow {
  school_type: string; age_phase: string; state: CellState; ink: string;
  rate_text: string; state_text: string;
  rate: string; interval95: string; referrals: string; pupils: string;
  /** A type's all-ages cell: its rate adjusted for age mix and the ratio to expected (else empty). */
  adjusted: string; ratio: string; compared_with: string; explanation: string;
}

function stateOf(cell: RateCell): CellState {
  if (cell.rate === 'c' || cell.comparison === 'c') return 'suppressed';
  if (!isValue(cell.rate)) return 'not compared';
  return (COMPARISON_DOMAIN as readonly string[]).includes(cell.comparison) ? cell.comparison as CellState : 'not compared';
}

function stateText(cell: RateCell, state: CellState): string {
  if (state === 'suppressed') return 'c: fewer than 5';
  if (cell.kind === 'area') return 'area rate (crude)';
  if (cell.kind === 'phase benchmark') return isValue(cell.rate) ? 'benchmark' : 'no pupils';
  if (!isValue(cell.rate)) return 'no pupils';
  if (state === 'not compared') return 'not compared';
  return cell.kind === 'type, all ages' ? `${state} (age-adj.)` : state;
}

const cellValue = (cell: RateCell) => (cell.kind === 'type, all ages' && isValue(cell.adjusted_rate) ? cell.adjusted_rate : cell.rate);

/** The rows the heat table draws (exported so a view can update the named dataset without rebuilding the spec). */
export function rateHeatmapRows(cells: RateCell[], service: string): HeatmapRow[] {
  return cells.filter((c) => c.service === service).map((cell) => {
    const state = stateOf(cell);
    return {
      school_type: label(cell.school_type, ALL_TYPES),
      age_phase: label(cell.age_phase, ALL_AGES),
      state, ink: COMPARISON_INK[state],
      rate_text: state === 'suppressed' ? 'c' : isValue(cellValue(cell)) ? formatOneDp(cellValue(cell)) : '–',
      state_text: stateText(cell, state),
      rate: formatOneDp(cell.rate), interval95: formatInterval(cell.lower95, cell.upper95),
      referrals: formatCount(cell.referrals), pupils: formatCount(cell.pupils),
      adjusted: cell.kind === 'type, all ages' ? formatOneDp(cell.adjusted_rate) : '',
      ratio: cell.kind === 'type, all ages' ? (isValue(cell.ratio) ? cell.ratio.toFixed(2) : String(cell.ratio ?? '–')) : '',
      compared_with: cell.compared_with,
      explanation: cell.explanation,
    };
  });
}

function describe(rows: HeatmapRow[], options: RateHeatmapOptions): string {
  const count = (...states: CellState[]) => rows.filter((r) => states.includes(r.state)).length;
  const shown = rows.length - count('suppressed');
  return `Heat table of ${serviceName(options.service)} referral rates per 1,000 pupils per year by school type and age phase`
    + `${options.periodLabel ? `, ${options.periodLabel}` : ''}: ${plural(shown, 'cell')} with a figure, `
    + `${count('higher', 'much higher')} higher than their like-for-like benchmark, ${count('lower', 'much lower')} lower, ${count('similar')} similar; `
    + `${plural(count('suppressed'), 'cell')} suppressed (small numbers, shown as c).`;
}

export function rateHeatmapSpec(cells: RateCell[], options: RateHeatmapOptions): TopLevelSpec {
  const rows = rateHeatmapRows(cells, options.service);
  const typeOrder = [...SCHOOL_TYPES.map((t) => label(t)), ALL_TYPES];
  const phaseOrder = [...AGE_PHASES.map((p) => label(p)), ALL_AGES];
  const rowCount = Math.max(1, new Set(rows.map((r) => r.school_type)).size);
  const tooltip = [
    { field: 'school_type', title: 'School type' },
    { field: 'age_phase', title: 'Age phase' },
    { field: 'rate', title: 'Referrals per 1,000 pupils a year (crude)' },
    { field: 'interval95', title: '95% interval (crude rate)' },
    { field: 'adjusted', title: 'Adjusted for age mix (per 1,000)' },
    { field: 'ratio', title: 'Ratio to expected for age mix' },
    { field: 'referrals', title: 'Referrals' },
    { field: 'pupils', title: 'Pupils' },
    { field: 'compared_with', title: 'Compared with' },
    { field: 'state', title: 'Comparison' },
    { field: 'explanation', title: 'Why' },
  ];
  return {
    ...frame(rowCount * ROW_HEIGHT + CHROME_HEIGHT, describe(rows, options)),
    title: {
      text: `${label(options.service)}: referral rates by school type and age`,
      subtitle: subtitleOf('Referrals per 1,000 pupils per year; each cell against all types at the same age; "All ages": adjusted for age mix', options.periodLabel, 'c = fewer than 5'),
    },
    data: { name: 'table', values: rows },
    encoding: {
      x: { field: 'age_phase', type: 'nominal', sort: phaseOrder, title: 'Age phase', axis: { orient: 'top', labelAngle: 0, ticks: false, domain: false } },
      y: { field: 'school_type', type: 'nominal', sort: typeOrder, title: 'School type', axis: { ticks: false, domain: false } },
      tooltip,
    },
    layer: [
      {
        name: 'cells',
        mark: { type: 'rect', stroke: SECONDARY_INK, strokeWidth: 1 },
        encoding: {
          color: {
            field: 'state', type: 'ordinal', title: 'Compared like with like',
            scale: { domain: [...COMPARISON_DOMAIN], range: COMPARISON_RANGE },
            legend: { symbolType: 'square', symbolStrokeColor: SECONDARY_INK, symbolStrokeWidth: 1 },
          },
        },
      },
      {
        name: 'cell_rates',
        mark: { type: 'text', fontSize: FONT_SIZES.title, fontWeight: 'bold', dy: -9, aria: false },
        encoding: { text: { field: 'rate_text' }, color: { field: 'ink', type: 'nominal', scale: null } },
      },
      {
        name: 'cell_states',
        mark: { type: 'text', fontSize: FONT_SIZES.label, dy: 11, aria: false },
        encoding: { text: { field: 'state_text' }, color: { field: 'ink', type: 'nominal', scale: null } },
      },
    ],
  };
}
