// compiledSpec: a chart whose skeleton was compiled before gets the Vega spec its own Vega-Lite compile gives, with
// its rows, signal values (subtitle, lifted domains) and description put into the kept compile — checked on the
// product's chart specs, pairs of different data under one skeleton; and a chart drawn from it draws the same SVG.
import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import type { VisualizationSpec } from 'vega-embed';
import { describe, expect, it } from 'vitest';
import { funnelPlotSpec } from '../../src/charts/funnel-plot-spec.ts';
import { queueProjectionSpec } from '../../src/charts/queue-projection-spec.ts';
import { rateHeatmapSpec } from '../../src/charts/rate-heatmap-spec.ts';
import { spcChartSpec } from '../../src/charts/spc-chart-spec.ts';
import { specWithCopiedRows, splitSpec, type SpecParts } from '../../src/charts/spec-data.ts';
import { compiledSpec } from '../../src/components/compiled-spec.ts';
import { funnelSeries, rateCells, spcSeriesFixture } from './charts/fixtures.ts';
import { numberIds } from './charts/svg-compare.ts';

function split(spec: TopLevelSpec, width = 600): SpecParts {
  const parts = splitSpec({ ...spec, width } as VisualizationSpec);
  if (!parts) throw new Error('not split');
  return parts;
}

const own = (parts: SpecParts) => compile(specWithCopiedRows(parts) as TopLevelSpec).spec;

async function svgOf(spec: ReturnType<typeof own>): Promise<string> {
  const view = new View(parse(spec), { renderer: 'none' });
  // Clip path ids count up across views: renumbered.
  const svg = numberIds(await view.toSVG());
  view.finalize();
  return svg;
}

/** `second` after `first` (same skeleton): the kept compile refilled is exactly second's own compile, and draws alike. */
async function expectRefilledLikeOwn(first: TopLevelSpec, second: TopLevelSpec, width = 600): Promise<void> {
  const [a, b] = [split(first, width), split(second, width)];
  expect(b.key).toBe(a.key);
  expect(compiledSpec(a)).toEqual(own(a));
  const refilled = compiledSpec(b);
  expect(refilled).not.toBeNull();
  expect(refilled).toEqual(own(b));
  expect(refilled).not.toEqual(own(a));
  expect(await svgOf(refilled!)).toBe(await svgOf(own(b)));
  // The first chart's rows are not touched by the second's.
  expect(compiledSpec(a)).toEqual(own(a));
}

describe('compiledSpec', () => {
  it('heat table: other cells, period and service rows', async () => {
    const before = rateHeatmapSpec(rateCells, { service: 'SLT', periodLabel: 'April 2023 to March 2024' });
    const after = rateHeatmapSpec(rateCells.slice(0, 7).map((c) => ({ ...c, rate: typeof c.rate === 'number' ? c.rate * 1.5 : c.rate })), { service: 'SLT', periodLabel: 'April 2022 to March 2023' });
    await expectRefilledLikeOwn(before, after);
  });

  it('funnel plot: new points, limits, area rate (a lifted value) and domain', async () => {
    const scaled = { ...funnelSeries, areaRate: 45, points: funnelSeries.points.slice(1).map((p) => ({ ...p, rate: p.rate * 2.5, pupils: p.pupils * 3 })),
      limits: funnelSeries.limits.map((l) => ({ ...l, pupils: l.pupils * 3, upper95: l.upper95 * 2, upper998: l.upper998 * 2 })) };
    await expectRefilledLikeOwn(funnelPlotSpec(funnelSeries, { periodLabel: '2023/24' }), funnelPlotSpec(scaled, { periodLabel: '2022/23' }), 640);
  });

  it('SPC chart: other months and limits', async () => {
    const other = { ...spcSeriesFixture, points: spcSeriesFixture.points.map((p) => ({ ...p, value: typeof p.value === 'number' ? p.value + 7 : p.value })) };
    await expectRefilledLikeOwn(spcChartSpec(spcSeriesFixture, { periodLabel: 'Jan 2023 to Mar 2024' }), spcChartSpec(other, { periodLabel: 'Feb 2023 to Mar 2024' }), 420);
  });

  it('queue projection: other lines and target', async () => {
    const line = (name: string, start: number) => ({ name, points: [1, 2, 3].map((m) => ({ month: `2024-0${m}`, waiting: start * m, seenWithinTarget: 0.5 })) });
    await expectRefilledLikeOwn(queueProjectionSpec('SLT', [line('Current', 10)], 12, 18), queueProjectionSpec('SLT', [line('Current', 900)], 700, 18), 500);
  });

  it('a different size is compiled afresh, not refilled from another size', () => {
    const spec = rateHeatmapSpec(rateCells, { service: 'OT', periodLabel: 'April 2023 to March 2024' });
    const [narrow, wide] = [split(spec, 310), split(spec, 910)];
    expect(compiledSpec(narrow)).toEqual(own(narrow));
    expect(compiledSpec(wide)).toEqual(own(wide));
  });
});
