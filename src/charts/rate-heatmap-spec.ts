// Heat table of referral rates: school type (rows) × age phase (columns), each cell coloured by its comparison
// with the area (METHODS §3) and saying its rate and comparison in words, so colour is never the only cue.
// Margins (school_type or age_phase null) are the "All ages" column and "All types" row, drawn last.
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
  rate: string; interval95: string; referrals: string; pupils: string; explanation: string;
}

function stateOf(cell: RateCell): CellState {
  if (cell.rate === 'c' || cell.comparison === 'c') return 'suppressed';
  if (!isValue(cell.rate)) return 'not compared';
  return (COMPARISON_DOMAIN as readonly string[]).includes(cell.comparison) ? cell.comparison as CellState : 'not compared';
}

function stateText(cell: RateCell, state: CellState): string {
  if (state === 'suppressed') return 'suppressed';
  if (cell.school_type === null && cell.age_phase === null) return 'area rate';
  if (!isValue(cell.rate)) return 'no pupils';
  return state === 'not compared' ? 'not compared' : state;
}

/** The rows the heat table draws (exported so a view can update the named dataset without rebuilding the spec). */
export function rateHeatmapRows(cells: RateCell[], service: string): HeatmapRow[] {
  return cells.filter((c) => c.service === service).map((cell) => {
    const state = stateOf(cell);
    return {
      school_type: label(cell.school_type, ALL_TYPES),
      age_phase: label(cell.age_phase, ALL_AGES),
      state, ink: COMPARISON_INK[state],
      rate_text: state === 'suppressed' ? 'c' : isValue(cell.rate) ? formatOneDp(cell.rate) : '–',
      state_text: stateText(cell, state),
      rate: formatOneDp(cell.rate), interval95: formatInterval(cell.lower95, cell.upper95),
      referrals: formatCount(cell.referrals), pupils: formatCount(cell.pupils),
      explanation: state === 'suppressed' ? 'Suppressed: fewer than 5 referrals or pupils, or hidden to protect a small number elsewhere in the table.' : cell.explanation,
    };
  });
}

function describe(rows: HeatmapRow[], options: RateHeatmapOptions): string {
  const count = (...states: CellState[]) => rows.filter((r) => states.includes(r.state)).length;
  const shown = rows.length - count('suppressed');
  return `Heat table of ${serviceName(options.service)} referral rates per 1,000 pupils per year by school type and age phase`
    + `${options.periodLabel ? `, ${options.periodLabel}` : ''}: ${plural(shown, 'cell')} with a figure, `
    + `${count('higher', 'much higher')} higher than the area, ${count('lower', 'much lower')} lower, ${count('similar')} similar; `
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
    { field: 'rate', title: 'Referrals per 1,000 pupils a year' },
    { field: 'interval95', title: '95% interval' },
    { field: 'referrals', title: 'Referrals' },
    { field: 'pupils', title: 'Pupils' },
    { field: 'state', title: 'Compared with the area' },
    { field: 'explanation', title: 'Why' },
  ];
  return {
    ...frame(rowCount * ROW_HEIGHT + CHROME_HEIGHT, describe(rows, options)),
    title: {
      text: `${label(options.service)}: referral rates by school type and age`,
      subtitle: subtitleOf('Referrals per 1,000 pupils per year', options.periodLabel, 'c = suppressed (small numbers)'),
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
            field: 'state', type: 'ordinal', title: 'Compared with the area',
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
