import { describe, expect, it } from 'vitest';
import { contextLinesSpec, slcnAgeLines, timelinessLines, waitsContextLines } from '../../../src/charts/context-lines-spec.ts';
import type { SlcnShare, WaitsContextRow } from '../../../src/context/figures.ts';
import type { LocalWaitsPoint } from '../../../src/context/local.ts';
import { ariaLabel, expectGolden, markItems, render, texts } from './helpers.ts';

const pub = (level: WaitsContextRow['level'], series: string, month: string, pct: number | null): WaitsContextRow =>
  ({ service: 'SLT', month, level, series, total_waiting_list: 100, over_18_weeks: pct, pct_over_18_weeks: pct });
const published: WaitsContextRow[] = [
  pub('provider', 'Provider: Oxleas NHS Foundation Trust', '2023-01', 12.5), pub('provider', 'Provider: Oxleas NHS Foundation Trust', '2023-02', 13.1),
  pub('england', 'England', '2023-01', 35.1), pub('england', 'England', '2023-02', 34.0),
  { ...pub('icb', 'ICB: NHS South East London ICB', '2023-01', 26.8), service: 'OT' },
];
const local: LocalWaitsPoint[] = [
  { month: '2023-01', service: 'SLT', waiting: 40, waiting_over_18_weeks: 10, pct_over_18_weeks: 25 },
  { month: '2023-02', service: 'SLT', waiting: 'c', waiting_over_18_weeks: 'c', pct_over_18_weeks: 'c' },
];
const waitsSpec = contextLinesSpec(waitsContextLines(published, local, 'SLT'), {
  title: 'Speech and language therapy: % waiting over 18 weeks', yTitle: '% waiting over 18 weeks', xTitle: 'Month end',
  source: 'Source: NHS England, Community Health Services Waiting Lists, 2023',
});

describe('contextLinesSpec (waits)', () => {
  it('matches its golden spec', () => expectGolden('context-waits-lines', waitsSpec));

  it('draws one line per series, the local one first and solid, published dashed; suppressed local month as c', async () => {
    const { svg, view } = await render(waitsSpec);
    const lines = markItems(svg, 'lines');
    expect(lines).toHaveLength(3);
    expect(lines.filter((l) => /stroke-dasharray="[0-9]/.test(l.attributes) && !/stroke-dasharray="1,0"/.test(l.attributes))).toHaveLength(2);
    expect(markItems(svg, 'points')).toHaveLength(5);
    expect(markItems(svg, 'suppressed_points').map((t) => t.text)).toEqual(['c']);
    // (Headless Vega has no font metrics and trims long legend labels; the browser test checks them whole.)
    expect(texts(svg)).toEqual(expect.arrayContaining(['This data set', expect.stringMatching(/^Provider: Oxleas/), 'England']));
    expect(texts(svg)).not.toContain('ICB: NHS South East London ICB');
    expect(ariaLabel(view)).toContain('1 local point suppressed');
    expect(ariaLabel(view)).toContain('not compared by any test');
  });
});

const share = (release: SlcnShare['release'], area: string, age: string, age_order: number, pct: number): SlcnShare =>
  ({ release, area, level: area === 'England' ? 'england' : 'la', age, age_order, ehc_plans: 100, slcn: pct, slcn_pct: pct });

describe('contextLinesSpec (published only)', () => {
  const shares = [
    share('new_plans', 'Bexley', 'All ages', 99, 38.2), share('new_plans', 'Bexley', 'age 4', 4, 57.6), share('new_plans', 'England', 'age 2 and under', 2, 46.4),
    share('new_plans', 'England', 'age 4', 4, 47.3), share('new_plans', 'Bexley', 'age 2 and under', 2, 60), share('all_plans', 'Bexley', 'age 4', 4, 69.3),
  ];
  const spec = contextLinesSpec(slcnAgeLines(shares, 'new_plans'), { title: 'SLCN share of new EHC plans by age', yTitle: '% SLCN', xTitle: 'Age', source: 'Source: DfE' });

  it('matches its golden spec', () => expectGolden('context-slcn-lines', spec));

  it('orders ages, leaves out all ages and the other release, and draws no local series', async () => {
    const { svg } = await render(spec);
    expect(markItems(svg, 'lines')).toHaveLength(2);
    expect(markItems(svg, 'points')).toHaveLength(4);
    const axis = texts(svg);
    expect(axis.indexOf('2 and under')).toBeLessThan(axis.indexOf('4'));
    expect(axis).not.toContain('All ages');
  });

  it('styles each geography the same in every chart: England black long dashes, first in the legend after the LA', async () => {
    const spec2 = contextLinesSpec(timelinessLines([
      { year: 2021, area: 'England', level: 'england', new_plans: 1, pct_within_20_weeks: 60 },
      { year: 2021, area: 'Bexley', level: 'la', new_plans: 1, pct_within_20_weeks: 70 },
    ]), { title: 't', yTitle: 'y', xTitle: 'x', source: 's' });
    const colour = (spec2 as { layer: { encoding: { color?: { scale: { domain: string[]; range: string[] } } } }[] }).layer[0]!.encoding.color!.scale;
    expect(colour).toEqual({ domain: ['Bexley', 'England'], range: ['#a34700', '#0b0c0c'] });
  });

  it('labels a region as a region in timeliness lines', () => {
    expect(timelinessLines([{ year: 2021, area: 'London', level: 'region', new_plans: 9604, pct_within_20_weeks: 63.9 }]))
      .toEqual([{ x: '2021', series: 'London (region)', value: 63.9, local: false, level: 'region' }]);
  });
});
