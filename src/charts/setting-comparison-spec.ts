// One school beside similar settings and the area: a dot with its 95% interval per row, the area also drawn as a
// dashed reference line. Kind is shown by shape and colour; suppressed or missing rows are left out and counted.
import type { TopLevelSpec } from 'vega-lite';
import { formatInterval, formatOneDp, isValue, plural, subtitleOf, type Shown } from './format.ts';
import { INK, PALETTE, Y_TITLE_ABOVE_LABELS, frame } from './theme.ts';

export interface SettingComparisonRow {
  label: string;
  rate: Shown; lower95: Shown; upper95: Shown;
  kind: 'school' | 'similar' | 'area';
}

export interface SettingComparisonOptions {
  /** The measure with its unit, e.g. "Referrals per 1,000 pupils per year". */
  measureLabel: string;
  title?: string;
  periodLabel?: string;
}

const KINDS = ['This school', 'Similar settings', 'Area'] as const;
const KIND_OF = { school: KINDS[0], similar: KINDS[1], area: KINDS[2] } as const;

export function settingComparisonSpec(rows: SettingComparisonRow[], options: SettingComparisonOptions): TopLevelSpec {
  const shown = rows.filter((r) => isValue(r.rate)).map((r) => ({
    label: r.label, kind: KIND_OF[r.kind], rate: r.rate as number,
    lower: isValue(r.lower95) ? r.lower95 : r.rate as number, upper: isValue(r.upper95) ? r.upper95 : r.rate as number,
    rate_text: formatOneDp(r.rate), interval95: formatInterval(r.lower95, r.upper95),
  }));
  const suppressed = rows.filter((r) => r.rate === 'c').length;
  // A measure with no interval (e.g. therapist hours) is drawn as dots alone, and its title says no interval.
  const withIntervals = rows.some((r) => isValue(r.lower95) && isValue(r.upper95));
  const area = shown.find((r) => r.kind === 'Area');
  const y = { field: 'label', type: 'nominal' as const, title: 'Setting', sort: rows.map((r) => r.label), axis: Y_TITLE_ABOVE_LABELS };
  const x = { field: 'rate', type: 'quantitative' as const, title: options.measureLabel, scale: { zero: true } };
  return {
    ...frame(Math.max(1, shown.length) * 40 + 150,
      `Dot plot of ${options.measureLabel.toLowerCase()}${withIntervals ? ' with 95% intervals' : ''} for ${plural(shown.length, 'row')} (a school, similar settings and the area); `
      + `${plural(suppressed, 'row')} suppressed (small numbers) and ${plural(rows.length - shown.length - suppressed, 'row')} without a figure, not drawn.`),
    title: { text: options.title ?? 'This school beside similar settings', subtitle: subtitleOf(options.measureLabel, withIntervals ? 'with 95% interval' : undefined, options.periodLabel) },
    data: { name: 'table', values: shown },
    layer: [
      ...(area ? [{
        name: 'area_line',
        data: { values: [{}] },
        mark: { type: 'rule' as const, color: INK, strokeDash: [6, 4], strokeWidth: 1 },
        encoding: { x: { datum: area.rate, type: 'quantitative' as const }, tooltip: { value: `Area: ${area.rate_text}` } },
      }] : []),
      {
        name: 'intervals',
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          y, x: { field: 'lower', type: 'quantitative', title: options.measureLabel }, x2: { field: 'upper' },
          color: { field: 'kind', type: 'nominal', legend: null, scale: { domain: [...KINDS], range: [PALETTE.muchLower, PALETTE.similarMark, INK] } },
        },
      },
      {
        name: 'settings',
        mark: { type: 'point', filled: true, size: 130 },
        encoding: {
          y, x,
          color: { field: 'kind', type: 'nominal', title: null, scale: { domain: [...KINDS], range: [PALETTE.muchLower, PALETTE.similarMark, INK] } },
          shape: { field: 'kind', type: 'nominal', title: null, scale: { domain: [...KINDS], range: ['diamond', 'circle', 'square'] } },
          tooltip: [{ field: 'label', title: 'Setting' }, { field: 'kind', title: 'Kind' }, { field: 'rate_text', title: options.measureLabel }, { field: 'interval95', title: '95% interval' }],
        },
      },
    ],
  };
}
