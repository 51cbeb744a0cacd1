// Children waiting for a first contact, by how long they have waited (bands in the order the analytics layer
// gives them). A suppressed band draws no bar: it carries a "c" at the baseline instead.
import type { TopLevelSpec } from 'vega-lite';
import type { WaitingListBand } from '../analytics/waits.ts';
import { formatCount, isValue, label, plural, serviceName, subtitleOf } from './format.ts';
import { PALETTE, SECONDARY_INK, Y_TITLE_ABOVE, frame } from './theme.ts';

export interface WaitingListChartOptions {
  service: string;
  /** e.g. "at 31 March 2024". */
  asOfLabel?: string;
}

export function waitingListChartSpec(bands: WaitingListBand[], options: WaitingListChartOptions): TopLevelSpec {
  const own = bands.filter((b) => b.service === options.service);
  const rows = own.map((b) => ({
    band: b.band, waiting: isValue(b.waiting) ? b.waiting : null, suppressed: b.waiting === 'c',
    waiting_text: formatCount(b.waiting),
  }));
  const suppressed = rows.filter((r) => r.suppressed).length;
  const total = rows.reduce((s, r) => s + (r.waiting ?? 0), 0);
  const x = { field: 'band', type: 'nominal' as const, title: 'Time waited so far', sort: own.map((b) => b.band), axis: { labelAngle: 0 } };
  const tooltip = [{ field: 'band', title: 'Waited' }, { field: 'waiting_text', title: 'Children waiting' }];
  return {
    ...frame(360,
      `Bar chart of children waiting for ${serviceName(options.service)} by time waited so far: ${plural(rows.length - suppressed, 'band')} drawn `
      + `(${formatCount(total)} children in them); ${plural(suppressed, 'band')} suppressed (fewer than 5 children, shown as c).`),
    title: {
      text: `${label(options.service)}: children waiting for a first contact`,
      subtitle: subtitleOf('Children on the waiting list by time waited', options.asOfLabel, suppressed ? 'c = fewer than 5 children' : null),
    },
    data: { name: 'table', values: rows },
    encoding: { x, tooltip },
    layer: [
      {
        name: 'bands',
        transform: [{ filter: 'isValid(datum.waiting)' }],
        mark: { type: 'bar', color: PALETTE.lower },
        encoding: { y: { field: 'waiting', type: 'quantitative', title: 'Children waiting', axis: Y_TITLE_ABOVE } },
      },
      {
        name: 'band_values',
        transform: [{ filter: 'isValid(datum.waiting)' }],
        mark: { type: 'text', baseline: 'bottom', dy: -4, aria: false },
        encoding: { y: { field: 'waiting', type: 'quantitative' }, text: { field: 'waiting_text' } },
      },
      {
        name: 'suppressed_bands',
        transform: [{ filter: 'datum.suppressed' }],
        mark: { type: 'text', baseline: 'bottom', dy: -4, color: SECONDARY_INK, fontStyle: 'italic' },
        encoding: { y: { datum: 0, type: 'quantitative' }, text: { value: 'c' } },
      },
    ],
  };
}
