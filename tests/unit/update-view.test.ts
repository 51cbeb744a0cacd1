// updateView: a drawn chart given new data in place draws what a fresh chart of the new spec draws (real Vega,
// headless). The browser's own check, on every chart of three views, is tests/e2e/cases/render.mjs.
import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import type { VisualizationSpec } from 'vega-embed';
import { describe, expect, it } from 'vitest';
import { funnelPlotSpec } from '../../src/charts/funnel-plot-spec.ts';
import { queueProjectionSpec } from '../../src/charts/queue-projection-spec.ts';
import { rateHeatmapSpec } from '../../src/charts/rate-heatmap-spec.ts';
import { specWithCopiedRows, splitSpec } from '../../src/charts/spec-data.ts';
import type { SpecParts } from '../../src/charts/spec-data.ts';
import { canUpdateInPlace, updateView } from '../../src/components/update-view.ts';
import { funnelSeries, rateCells } from './charts/fixtures.ts';
import { firstDifference, numberIds } from './charts/svg-compare.ts';

function split(spec: TopLevelSpec): SpecParts {
  const parts = splitSpec({ ...spec, width: 600 } as VisualizationSpec);
  if (!parts) throw new Error('not split');
  return parts;
}

async function draw(parts: SpecParts): Promise<View> {
  const view = new View(parse(compile(specWithCopiedRows(parts) as TopLevelSpec).spec), { renderer: 'none' });
  await view.runAsync();
  return view;
}

/** Ids renumbered, and the items of axis and legend marks sorted (Vega keeps a tick's item, keyed by value, in
 * place across an update, where a fresh chart lists them in order; they never overlap). */
function canonical(svg: string): string {
  return numberIds(svg).replace(/(<g class="mark-(?:rule|text|symbol) role-(?:axis|legend)-[a-z]+"[^>]*>)(.*?)(<\/g>)/g,
    (_all, open: string, items: string, close: string) => open + [...items.matchAll(/<(line|text|path)\b[^>]*?(?:\/>|>.*?<\/\1>)/g)].map((m) => m[0]).sort().join('') + close);
}

async function expectInPlaceLikeFresh(before: TopLevelSpec, after: TopLevelSpec): Promise<void> {
  const [a, b] = [split(before), split(after)];
  expect(b.key).toBe(a.key);
  const view = await draw(a);
  expect(canUpdateInPlace(view, a, b)).toBe(true);
  await updateView(view, a, b);
  const fresh = await draw(b);
  expect(firstDifference(canonical(await view.toSVG()), canonical(await fresh.toSVG()))).toBe('');
  expect(view.description()).toBe(fresh.description());
  view.finalize();
  fresh.finalize();
}

let seed = 7;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const projection = () => {
  const scale = 10 ** (1 + random() * 3);
  const months = 3 + Math.floor(random() * 9);
  const line = (name: string, start: number, step: number) => ({
    name, points: Array.from({ length: months }, (_, i) => ({ month: `2024-${String(i + 1).padStart(2, '0')}`, waiting: Math.max(0, start + step * i), seenWithinTarget: 0.5 })),
  });
  return queueProjectionSpec('SLT', [line('Current', scale, scale / 20), line('Recommended', scale * random(), -scale / 30)], scale * random(), 18);
};

describe('updateView', () => {
  it('queue projection: the new list sizes, their axis and the fitted layout are those of a fresh chart (20 pairs)', async () => {
    for (let i = 0; i < 20; i++) await expectInPlaceLikeFresh(projection(), projection());
  });

  it('funnel plot: new points, limits, area rate and domain', async () => {
    const scaled = { ...funnelSeries, areaRate: 45, points: funnelSeries.points.slice(1).map((p) => ({ ...p, rate: p.rate * 2.5, pupils: p.pupils * 3 })),
      limits: funnelSeries.limits.map((l) => ({ ...l, pupils: l.pupils * 3, upper95: l.upper95 * 2, upper998: l.upper998 * 2 })) };
    await expectInPlaceLikeFresh(funnelPlotSpec(funnelSeries, { periodLabel: '2023/24' }), funnelPlotSpec(scaled, { periodLabel: '2022/23' }));
  });

  it('heat table: fewer rows, so a lower chart (its height is given to the view)', async () => {
    const before = rateHeatmapSpec(rateCells, { service: 'SLT', periodLabel: 'April 2023 to March 2024' });
    const after = rateHeatmapSpec(rateCells.slice(0, Math.ceil(rateCells.length / 2)).map((c) => ({ ...c, rate: typeof c.rate === "number" ? c.rate * 1.5 : c.rate })), { service: 'SLT', periodLabel: 'April 2022 to March 2023' });
    await expectInPlaceLikeFresh(before, after);
  });

  it('needs the layout reset: without it the plot keeps the old data\'s fit (the check above can fail)', async () => {
    const small = queueProjectionSpec('SLT', [{ name: 'Current', points: [{ month: '2024-01', waiting: 5, seenWithinTarget: 1 }, { month: '2024-02', waiting: 8, seenWithinTarget: 1 }] }], 6, 18);
    const large = queueProjectionSpec('SLT', [{ name: 'Current', points: [{ month: '2024-01', waiting: 5000, seenWithinTarget: 1 }, { month: '2024-02', waiting: 8000, seenWithinTarget: 1 }] }], 6000, 18);
    const [a, b] = [split(small), split(large)];
    const view = await draw(a);
    for (const [name, rows] of Object.entries(b.datasets)) view.data(name, rows.map((r) => ({ ...(r as object) })));
    await view.runAsync();
    const fresh = await draw(b);
    expect(canonical(await view.toSVG())).not.toBe(canonical(await fresh.toSVG()));
  });
});
