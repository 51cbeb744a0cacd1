// What-if projections of the waiting list (METHODS §8): children waiting at the end of each month under the current
// plan (FTE in post now), the recommended FTE and the user's scenario, with the target list size (demand × target
// mean wait) as a dashed line. Plans differ by colour AND dash, and each line is named in the legend and tooltip.
import type { TopLevelSpec } from 'vega-lite';
import { formatMonth, formatOneDp, monthStart, serviceName } from './format.ts';
import { INK, PALETTE, SECONDARY_INK, Y_TITLE_ABOVE, frame } from './theme.ts';

export interface ProjectionLine {
  name: string;
  points: readonly { month: string; waiting: number; seenWithinTarget: number | null }[];
}

const DASHES = [[1, 0], [8, 4], [2, 3]];
const COLOURS = [SECONDARY_INK, PALETTE.lower, PALETTE.higher];

export function queueProjectionSpec(service: string, lines: readonly ProjectionLine[], targetQueue: number, targetWeeks: number): TopLevelSpec {
  const names = lines.map((l) => l.name);
  const rows = lines.flatMap((l) => l.points.map((p) => ({
    date: monthStart(p.month), plan: l.name, waiting: p.waiting, month_text: formatMonth(p.month),
    waiting_text: formatOneDp(p.waiting),
    within_text: p.seenWithinTarget === null ? 'none seen' : `${Math.round(p.seenWithinTarget * 100)}%`,
  })));
  const ends = lines.map((l) => `${l.name}: ${formatOneDp(l.points.at(-1)?.waiting ?? NaN)} waiting`).join('; ');
  const x = { field: 'date', type: 'temporal' as const, timeUnit: 'utcyearmonth' as const, title: 'Month', axis: { format: '%b %Y' as const, labelAngle: 0, labelOverlap: true } };
  return {
    ...frame(360, `Line chart of the projected ${serviceName(service)} waiting list at the end of each month, for ${lines.length} plans; `
      + `target list size ${formatOneDp(targetQueue)}. At the end: ${ends}.`),
    title: { text: `${service}: projected waiting list`, subtitle: [`Dashed line: target list size (${targetWeeks}-week target)`] },
    data: { name: 'table', values: rows },
    layer: [
      {
        name: 'target_queue',
        data: { name: 'target', values: [{ value: targetQueue, text: `Target list size ${formatOneDp(targetQueue)}` }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: INK },
        encoding: { y: { field: 'value', type: 'quantitative' }, tooltip: { field: 'text', title: 'Line' } },
      },
      {
        name: 'plans',
        mark: { type: 'line', strokeWidth: 2.5, point: { filled: true, size: 30 } },
        encoding: {
          x,
          y: { field: 'waiting', type: 'quantitative', title: 'Children waiting', axis: Y_TITLE_ABOVE },
          color: { field: 'plan', type: 'nominal', title: 'Plan', scale: { domain: names, range: COLOURS.slice(0, names.length) }, legend: { orient: 'bottom', direction: 'vertical', columns: 1, labelLimit: 320 } },
          strokeDash: { field: 'plan', type: 'nominal', title: 'Plan', scale: { domain: names, range: DASHES.slice(0, names.length) } },
          tooltip: [
            { field: 'month_text', title: 'Month' }, { field: 'plan', title: 'Plan' }, { field: 'waiting_text', title: 'Children waiting' },
            { field: 'within_text', title: `Seen within ${targetWeeks} weeks` },
          ],
        },
      },
    ],
  };
}
