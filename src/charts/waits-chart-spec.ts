// Waits to first contact (METHODS §8), by school type or by age phase (the margins of the waits table, with the
// area last): % seen within 18 weeks with its 95% Wilson interval, and median / 90th percentile weeks.
// Suppressed ('c') and empty (null) groups are not drawn; the description counts them.
import type { TopLevelSpec } from 'vega-lite';
import type { WaitsCell } from '../analytics/waits.ts';
import { AGE_PHASES, SCHOOL_TYPES } from '../contract/values.ts';
import { formatCount, formatInterval, formatOneDp, isValue, label, plural, serviceName, subtitleOf } from './format.ts';
import { INK, PALETTE, SECONDARY_INK, Y_TITLE_ABOVE_LABELS, frame } from './theme.ts';

export interface WaitsChartOptions {
  service: string;
  by: 'school_type' | 'age_phase';
  periodLabel?: string;
  /** A target % seen within 18 weeks, drawn as a reference line only when given (the data hold none). */
  targetPct?: number;
}

const ROW_HEIGHT = 40;
const CHROME_HEIGHT = 150;

/** The margin cells for one service and dimension, in reading order, the area ("All …") last. */
export function waitsGroups(cells: WaitsCell[], options: WaitsChartOptions): { group: string; cell: WaitsCell }[] {
  const other = options.by === 'school_type' ? 'age_phase' : 'school_type';
  const order: readonly string[] = options.by === 'school_type' ? SCHOOL_TYPES : AGE_PHASES;
  const allLabel = options.by === 'school_type' ? 'All school types' : 'All ages';
  return cells
    .filter((c) => c.service === options.service && c[other] === null)
    .sort((a, b) => rank(a[options.by], order) - rank(b[options.by], order))
    .map((cell) => ({ group: label(cell[options.by], allLabel), cell }));
}

const rank = (code: string | null, order: readonly string[]) => (code === null ? order.length + 1 : order.indexOf(code) === -1 ? order.length : order.indexOf(code));
const byTitle = (by: WaitsChartOptions['by']) => (by === 'school_type' ? 'School type' : 'Age phase');
const hiddenText = (suppressed: number, empty: number) =>
  `${plural(suppressed, 'group')} suppressed (small numbers) and ${plural(empty, 'group')} with no one seen, not drawn`;

export function waitsChartSpec(cells: WaitsCell[], options: WaitsChartOptions): TopLevelSpec {
  const groups = waitsGroups(cells, options);
  const rows = groups.filter(({ cell }) => isValue(cell.pct_within_18_weeks)).map(({ group, cell }) => ({
    group, pct: cell.pct_within_18_weeks as number,
    lower: isValue(cell.lower95) ? cell.lower95 : cell.pct_within_18_weeks as number,
    upper: isValue(cell.upper95) ? cell.upper95 : cell.pct_within_18_weeks as number,
    pct_text: `${formatOneDp(cell.pct_within_18_weeks)}%`, interval95: `${formatInterval(cell.lower95, cell.upper95)}%`,
    seen_text: formatCount(cell.seen), within_text: formatCount(cell.seen_within_18_weeks),
  }));
  const suppressed = groups.filter(({ cell }) => cell.pct_within_18_weeks === 'c').length;
  const empty = groups.length - rows.length - suppressed;
  const y = { field: 'group', type: 'nominal' as const, title: byTitle(options.by), sort: groups.map((g) => g.group), axis: Y_TITLE_ABOVE_LABELS };
  const x = { field: 'pct', type: 'quantitative' as const, title: '% seen within 18 weeks of referral', scale: { domain: [0, 100] } };
  const target = options.targetPct;
  return {
    ...frame(Math.max(1, rows.length) * ROW_HEIGHT + CHROME_HEIGHT,
      `Percentage of children first seen by ${serviceName(options.service)} within 18 weeks of referral, by ${byTitle(options.by).toLowerCase()}, with 95% intervals: `
      + `${plural(rows.length, 'group')} shown; ${hiddenText(suppressed, empty)}.`),
    title: {
      text: `${label(options.service)}: children seen within 18 weeks`,
      subtitle: subtitleOf('% of first contacts within 18 weeks of referral, with 95% interval', options.periodLabel),
    },
    data: { name: 'table', values: rows },
    layer: [
      {
        name: 'intervals',
        mark: { type: 'rule', color: SECONDARY_INK, strokeWidth: 2 },
        encoding: { y, x: { field: 'lower', type: 'quantitative', scale: x.scale, title: x.title }, x2: { field: 'upper' } },
      },
      {
        name: 'groups',
        mark: { type: 'point', filled: true, size: 110, color: PALETTE.lower },
        encoding: {
          y, x,
          tooltip: [
            { field: 'group', title: byTitle(options.by) }, { field: 'pct_text', title: 'Seen within 18 weeks' },
            { field: 'interval95', title: '95% interval' }, { field: 'within_text', title: 'Seen within 18 weeks (children)' },
            { field: 'seen_text', title: 'Seen (children)' },
          ],
        },
      },
      ...(target === undefined ? [] : [{
        name: 'target',
        data: { values: [{}] },
        mark: { type: 'rule' as const, color: INK, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { x: { datum: target, type: 'quantitative' as const }, tooltip: { value: `Target: ${formatOneDp(target)}%` } },
      }]),
    ],
  };
}

/** Median and 90th percentile weeks to first contact per group: a dot plot joined by a thin rule. */
export function waitWeeksChartSpec(cells: WaitsCell[], options: WaitsChartOptions): TopLevelSpec {
  const groups = waitsGroups(cells, options);
  const shownGroups = groups.filter(({ cell }) => isValue(cell.median_weeks) && isValue(cell.p90_weeks));
  const rows = shownGroups.flatMap(({ group, cell }) => [
    { group, measure: 'Median', weeks: cell.median_weeks as number, weeks_text: `${formatOneDp(cell.median_weeks)} weeks`, seen_text: formatCount(cell.seen) },
    { group, measure: '90th percentile', weeks: cell.p90_weeks as number, weeks_text: `${formatOneDp(cell.p90_weeks)} weeks`, seen_text: formatCount(cell.seen) },
  ]);
  const spans = shownGroups.map(({ group, cell }) => ({ group, median: cell.median_weeks as number, p90: cell.p90_weeks as number }));
  const suppressed = groups.filter(({ cell }) => cell.median_weeks === 'c' || cell.p90_weeks === 'c').length;
  const empty = groups.length - shownGroups.length - suppressed;
  const y = { field: 'group', type: 'nominal' as const, title: byTitle(options.by), sort: groups.map((g) => g.group), axis: Y_TITLE_ABOVE_LABELS };
  const xTitle = 'Weeks from referral to first contact';
  return {
    ...frame(Math.max(1, shownGroups.length) * ROW_HEIGHT + CHROME_HEIGHT,
      `Median and 90th percentile weeks from referral to first contact for ${serviceName(options.service)}, by ${byTitle(options.by).toLowerCase()}: `
      + `${plural(shownGroups.length, 'group')} shown; ${hiddenText(suppressed, empty)}.`),
    title: {
      text: `${label(options.service)}: weeks waited for a first contact`,
      subtitle: subtitleOf('Median and 90th percentile, in weeks', options.periodLabel),
    },
    data: { name: 'table', values: rows },
    layer: [
      {
        name: 'spans',
        data: { name: 'spans', values: spans },
        mark: { type: 'rule', color: '#b1b4b6', strokeWidth: 2 },
        encoding: { y, x: { field: 'median', type: 'quantitative', title: xTitle }, x2: { field: 'p90' } },
      },
      {
        name: 'waits',
        mark: { type: 'point', filled: true, size: 110 },
        encoding: {
          y,
          x: { field: 'weeks', type: 'quantitative', title: xTitle, scale: { zero: true } },
          color: { field: 'measure', type: 'nominal', title: null, scale: { domain: ['Median', '90th percentile'], range: [PALETTE.lower, INK] } },
          shape: { field: 'measure', type: 'nominal', title: null, scale: { domain: ['Median', '90th percentile'], range: ['circle', 'diamond'] } },
          tooltip: [
            { field: 'group', title: byTitle(options.by) }, { field: 'measure', title: 'Measure' },
            { field: 'weeks_text', title: 'Wait' }, { field: 'seen_text', title: 'Seen (children)' },
          ],
        },
      },
    ],
  };
}
