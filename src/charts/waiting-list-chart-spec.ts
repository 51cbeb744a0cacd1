// Children waiting for a first contact, by how long they have waited, drawn to scale as a histogram: each band
// spans its weeks on the x axis (0–6, 6–12, 12–18, 18–52 and an open 52+ drawn to 78), and its height is children
// per week of waiting, so each bar's area is its number of children and a wide band is not drawn as if it held
// more. The count is printed on each bar. A suppressed band draws no bar: it carries a "c" at the baseline instead.
import type { TopLevelSpec } from 'vega-lite';
import type { WaitingListBand } from '../analytics/waits.ts';
import { formatCount, isValue, label, plural, serviceName, subtitleOf } from './format.ts';
import { PALETTE, SECONDARY_INK, Y_TITLE_ABOVE, frame } from './theme.ts';

export interface WaitingListChartOptions {
  service: string;
  /** e.g. "at 31 March 2024". */
  asOfLabel?: string;
}

/** Where an open-ended band ("52+ weeks") is drawn to, in weeks. */
export const OPEN_BAND_DRAWN_TO = 78;

/** A band's weeks from its name: "6-12 weeks" → [6, 12]; "52+ weeks" or "over 52 weeks" → [52, OPEN_BAND_DRAWN_TO]. */
export function bandWeeks(band: string): [number, number] {
  const range = /^(\d+)\s*[-–]\s*(\d+)/.exec(band);
  if (range) return [Number(range[1]), Number(range[2])];
  const open = /^(\d+)\+/.exec(band) ?? /^over (\d+)/.exec(band);
  if (open) return [Number(open[1]), Math.max(Number(open[1]) + 1, OPEN_BAND_DRAWN_TO)];
  throw new RangeError(`Cannot read the weeks of the band "${band}".`);
}

export function waitingListChartSpec(bands: WaitingListBand[], options: WaitingListChartOptions): TopLevelSpec {
  const own = bands.filter((b) => b.service === options.service);
  const rows = own.map((b) => {
    const [from, to] = bandWeeks(b.band);
    const waiting = isValue(b.waiting) ? b.waiting : null;
    return {
      band: b.band, from, to, mid: (from + to) / 2, waiting, per_week: waiting === null ? null : waiting / (to - from),
      suppressed: b.waiting === 'c', waiting_text: formatCount(b.waiting),
    };
  });
  const suppressed = rows.filter((r) => r.suppressed).length;
  const total = rows.reduce((s, r) => s + (r.waiting ?? 0), 0);
  const ticks = [...new Set(rows.flatMap((r) => [r.from, r.to]))].sort((a, b) => a - b);
  const x = {
    field: 'from', type: 'quantitative' as const, title: 'Weeks waited so far (52+ drawn to 78)',
    scale: { domain: [0, Math.max(OPEN_BAND_DRAWN_TO, ...ticks)], nice: false }, axis: { values: ticks, labelAngle: 0, grid: false },
  };
  const tooltip = [{ field: 'band', title: 'Waited' }, { field: 'waiting_text', title: 'Children waiting' }, { field: 'per_week', title: 'Children per week of waiting', format: '.1f' }];
  return {
    ...frame(360,
      `Histogram of children waiting for ${serviceName(options.service)} by weeks waited so far, bars drawn to scale (area = children): ${plural(rows.length - suppressed, 'band')} drawn `
      + `(${formatCount(total)} children in them); ${plural(suppressed, 'band')} suppressed (fewer than 5 children, shown as c).`),
    title: {
      text: `${label(options.service)}: children waiting for a first contact`,
      subtitle: subtitleOf('Children per week of waiting; each bar\'s area is its children', options.asOfLabel, suppressed ? 'c = fewer than 5 children' : null),
    },
    data: { name: 'table', values: rows },
    encoding: { x, tooltip },
    layer: [
      {
        name: 'bands',
        transform: [{ filter: 'isValid(datum.waiting)' }],
        mark: { type: 'rect', color: PALETTE.lower, stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          x2: { field: 'to' },
          y: { field: 'per_week', type: 'quantitative', title: 'Children per week of waiting', axis: Y_TITLE_ABOVE },
          y2: { datum: 0 },
        },
      },
      {
        name: 'band_values',
        transform: [{ filter: 'isValid(datum.waiting)' }],
        mark: { type: 'text', baseline: 'bottom', dy: -4, aria: false },
        encoding: { x: { field: 'mid', type: 'quantitative' }, y: { field: 'per_week', type: 'quantitative' }, text: { field: 'waiting_text' } },
      },
      {
        name: 'suppressed_bands',
        transform: [{ filter: 'datum.suppressed' }],
        mark: { type: 'text', baseline: 'bottom', dy: -4, color: SECONDARY_INK, fontStyle: 'italic' },
        encoding: { x: { field: 'mid', type: 'quantitative' }, y: { datum: 0, type: 'quantitative' }, text: { value: 'c' } },
      },
    ],
  };
}
