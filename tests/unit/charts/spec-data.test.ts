// splitSpec: a spec's data-free skeleton (its key) and its datasets, signals and description.
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import type { VisualizationSpec } from 'vega-embed';
import { funnelPlotSpec } from '../../../src/charts/funnel-plot-spec.ts';
import { queueProjectionSpec } from '../../../src/charts/queue-projection-spec.ts';
import { rateHeatmapSpec } from '../../../src/charts/rate-heatmap-spec.ts';
import { spcChartSpec } from '../../../src/charts/spc-chart-spec.ts';
import { waitingListChartSpec } from '../../../src/charts/waiting-list-chart-spec.ts';
import { changedDatasets, changedSignals, sameChart, specWithCopiedRows, splitSpec, SUBTITLE_SIGNAL } from '../../../src/charts/spec-data.ts';
import { funnelSeries, rateCells, spcSeriesFixture, waitingBands } from './fixtures.ts';
import { render } from './helpers.ts';
import { firstDifference, numberIds } from './svg-compare.ts';

const split = (spec: unknown) => {
  const parts = splitSpec(spec as VisualizationSpec);
  if (!parts) throw new Error('not split');
  return parts;
};

const base = (rows: unknown[], extra: Record<string, unknown> = {}) => ({
  description: `Chart of ${rows.length} rows`,
  title: { text: 'T', subtitle: [`${rows.length} rows`, 'Sep 2021 to Aug 2026'] },
  width: 'container', height: 200,
  data: { name: 'table', values: rows },
  layer: [
    { mark: 'point', encoding: { x: { field: 'a', type: 'quantitative', scale: { domain: [0, rows.length * 10] } }, y: { field: 'b', type: 'quantitative' } } },
    { data: { values: [{ v: rows.length }] }, mark: 'rule', encoding: { y: { field: 'v', type: 'quantitative' } } },
    { mark: 'rule', encoding: { x: { datum: rows.length, type: 'quantitative' }, tooltip: { value: `Area: ${rows.length}` } } },
  ],
  ...extra,
});
const rowsA = [{ a: 1, b: 2 }, { a: 3, b: 4 }];
const rowsB = [{ a: 5, b: 6 }, { a: 7, b: 8 }, { a: 9, b: 1 }];

describe('splitSpec', () => {
  it('moves every inline dataset to named datasets: top level, layers (a generated name), concat, lookup', () => {
    const lookup = [{ k: 1, name: 'x' }];
    const parts = split({
      vconcat: [
        { data: { values: rowsA }, mark: 'point', encoding: {} },
        { data: { name: 'other', values: rowsB }, transform: [{ lookup: 'a', from: { data: { values: lookup }, key: 'k', fields: ['name'] } }], mark: 'bar' },
      ],
    });
    expect(parts.datasets).toEqual({ __data_0: rowsA, other: rowsB, __data_1: lookup });
    expect(parts.datasets.__data_0).toBe(rowsA);
    expect(parts.key).not.toContain('"values"');
    const concat = (parts.spec as { vconcat: { data: unknown; transform?: { from: { data: unknown } }[] }[] }).vconcat;
    expect(concat[0]?.data).toEqual({ name: '__data_0' });
    expect(concat[1]?.transform?.[0]?.from.data).toEqual({ name: '__data_1' });
    expect((parts.spec as { datasets: unknown }).datasets).toEqual(parts.datasets);
  });

  it('gives two specs that differ only in rows, description, subtitle, a domain, a datum and a tooltip text the same key', () => {
    const a = split(base(rowsA));
    const b = split(base(rowsB));
    expect(b.key).toBe(a.key);
    expect(b.key).not.toContain('rows');
    expect(changedDatasets(a, b).sort()).toEqual(['__data_0', 'table']);
    expect(changedSignals(a, b)).toEqual([SUBTITLE_SIGNAL, '__value_0', '__value_1', '__value_2']);
    expect(b.signals).toEqual({ [SUBTITLE_SIGNAL]: ['3 rows', 'Sep 2021 to Aug 2026'], __value_0: [0, 30], __value_1: 3, __value_2: 'Area: 3' });
    expect(b.description).toBe('Chart of 3 rows');
    expect(sameChart(a, b)).toBe(false);
    expect(sameChart(a, split(base(rowsA.map((r) => ({ ...r })))))).toBe(true);
  });

  it('gives a different key when what is drawn differs: a mark, a category domain, a field, a number elsewhere', () => {
    const key = split(base(rowsA)).key;
    expect(split(base(rowsA, { layer: [{ mark: 'bar', encoding: {} }] })).key).not.toBe(key);
    const categories = (domain: string[]) => split({ data: { values: rowsA }, mark: 'bar', encoding: { color: { field: 'a', scale: { domain } } } }).key;
    expect(categories(['x', 'y'])).not.toBe(categories(['x', 'z']));
    const mark = (size: number) => split({ data: { values: rowsA }, mark: { type: 'point', size }, encoding: {} }).key;
    expect(mark(30)).not.toBe(mark(40));
    // A single chart's height is given to the view, not compared; a concatenation's stays in the key.
    expect(split(base(rowsA, { height: 300 })).key).toBe(key);
    expect(split(base(rowsA, { height: 300 })).size).toEqual({ width: undefined, height: 300 });
    const concat = (height: number) => split({ height, vconcat: [{ data: { values: rowsA }, mark: 'point' }] }).key;
    expect(concat(100)).not.toBe(concat(200));
  });

  it('keeps in the skeleton what it cannot move (data with a format, text domains), and refuses names it would clash with', () => {
    const formatted = split({ data: { values: 'a,b\n1,2', format: { type: 'csv' } }, mark: 'point' });
    expect(formatted.datasets).toEqual({});
    expect(formatted.key).toContain('a,b');
    expect(split({ data: { values: rowsA }, mark: 'bar', encoding: { x: { field: 'a', scale: { domain: 'unaggregated' } } } }).signals).toEqual({});
    expect(splitSpec({ data: { name: 't', values: rowsA }, layer: [{ data: { name: 't', values: rowsB }, mark: 'point' }] } as VisualizationSpec)).toBeNull();
    expect(splitSpec({ data: { name: '__data_0', values: rowsA }, mark: 'point' } as VisualizationSpec)).toBeNull();
    expect(splitSpec({ params: [{ name: '__value_0', value: 1 }], data: { values: rowsA }, mark: 'point' } as VisualizationSpec)).toBeNull();
    // The same array under one name twice is one dataset.
    expect(split({ data: { name: 't', values: rowsA }, layer: [{ data: { name: 't', values: rowsA }, mark: 'point' }] }).datasets).toEqual({ t: rowsA });
  });

  it('embeds copies of the rows, so Vega never writes into the rows it was given', () => {
    const rows = [{ a: 1 }];
    const parts = split({ data: { values: rows }, mark: 'point' });
    const copied = (specWithCopiedRows(parts) as { datasets: Record<string, unknown[]> }).datasets.__data_0;
    expect(copied).toEqual(rows);
    expect(copied?.[0]).not.toBe(rows[0]);
  });
});

describe('the split spec draws what the spec draws', () => {
  const line = (name: string, start: number) => ({ name, points: ['2024-01', '2024-02', '2024-03'].map((month, i) => ({ month, waiting: start + i * 7, seenWithinTarget: 0.5 })) });
  const charts: [string, TopLevelSpec][] = [
    ['synthetic layers', base(rowsB) as TopLevelSpec],
    ['funnel plot', funnelPlotSpec(funnelSeries, { periodLabel: '2023/24', highlightUrn: '100002' })],
    ['heat table', rateHeatmapSpec(rateCells, { service: 'SLT', periodLabel: 'April 2023 to March 2024' })],
    ['SPC chart', spcChartSpec(spcSeriesFixture, {})],
    ['waiting list', waitingListChartSpec(waitingBands, { service: 'SLT', asOfLabel: 'at 31 March 2024' })],
    ['queue projection', queueProjectionSpec('SLT', [line('Current', 100), line('Recommended', 80)], 90, 18)],
  ];
  it.each(charts)('%s: the same SVG', async (_name, spec) => {
    const parts = split(spec);
    expect(Object.keys(parts.datasets).length).toBeGreaterThan(0);
    const original = await render(spec);
    const embedded = await render(specWithCopiedRows(parts) as TopLevelSpec);
    expect(firstDifference(numberIds(embedded.svg), numberIds(original.svg))).toBe('');
  });
});
