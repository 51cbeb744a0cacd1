import { describe, expect, it } from 'vitest';
import { funnelPlotSpec, SCHOOL_SELECTION } from '../../../src/charts/funnel-plot-spec.ts';
import { PALETTE } from '../../../src/charts/theme.ts';
import { funnelSeries } from './fixtures.ts';
import { ariaLabel, expectGolden, markItems, render } from './helpers.ts';

const spec = funnelPlotSpec(funnelSeries, { periodLabel: '2023/24', highlightUrn: '100002' });

describe('funnelPlotSpec', () => {
  it('matches its golden spec', () => expectGolden('funnel-plot', spec));

  it('draws one point per plotted school and counts the schools not plotted', async () => {
    const { svg, view } = await render(spec);
    expect(markItems(svg, 'schools')).toHaveLength(funnelSeries.points.length);
    expect(spec.description).toContain('3 schools not plotted');
    expect(spec.description).toContain('2 above the 95% limit (1 of them above 99.8%)');
    expect(ariaLabel(view)).toBe(spec.description);
  });

  it('shows position by shape as well as colour', async () => {
    const { svg } = await render(spec);
    const points = markItems(svg, 'schools');
    const byName = (name: string) => points.find((p) => p.ariaLabel.includes(`School: ${name};`));
    const d = (name: string) => /\bd="([^"]*)"/.exec(byName(name)?.attributes ?? '')?.[1];
    expect(byName('Cedar School')?.fill).toBe(PALETTE.muchHigher);
    expect(byName('Damson Primary')?.fill).toBe(PALETTE.lower);
    expect(new Set(['Ash Primary', 'Beech Academy', 'Cedar School', 'Damson Primary', 'Elm High'].map(d)).size).toBe(5);
  });

  it('draws the area rate, both pairs of limits, and a labelled ring round the highlighted school', async () => {
    const { svg } = await render(spec);
    expect(markItems(svg, 'area_rate')).toHaveLength(1);
    expect(markItems(svg, 'limits')).toHaveLength(4);
    expect(markItems(svg, 'highlight_ring')).toHaveLength(1);
    expect(markItems(svg, 'highlight_label').map((t) => t.text)).toEqual(['Beech Academy']);
    const plain = await render(funnelPlotSpec(funnelSeries, {}));
    expect(markItems(plain.svg, 'highlight_ring')).toHaveLength(0);
  });

  it(`exposes a click selection named '${SCHOOL_SELECTION}' on the urn field`, async () => {
    const layers = 'layer' in spec ? spec.layer : [];
    const params = layers.flatMap((l) => ('params' in l && l.params ? l.params : []));
    expect(params).toEqual([expect.objectContaining({ name: 'school', select: expect.objectContaining({ type: 'point', on: 'click', fields: ['urn'] }) })]);
    const { view } = await render(spec);
    expect(() => view.signal('school')).not.toThrow();
  });

  it('puts the tooltip figures in words and formatted numbers', async () => {
    const { svg } = await render(spec);
    const beech = markItems(svg, 'schools').find((p) => p.ariaLabel.includes('Beech Academy'));
    expect(beech?.ariaLabel).toContain('URN: 100002');
    expect(beech?.ariaLabel).toContain('Pupils on roll: 1,200');
    expect(beech?.ariaLabel).toContain('Referrals per 1,000 pupils a year: 33.3');
  });
});

describe('funnelPlotSpec: the highlighted school\'s label', () => {
  const labelMark = (urn: string) => {
    const s = funnelPlotSpec(funnelSeries, { highlightUrn: urn });
    const layer = (s as { layer: { name?: string; mark: { align: string; dx: number } }[] }).layer.find((l) => l.name === 'highlight_label');
    return layer?.mark;
  };
  const plotted = funnelSeries.points.filter((p) => p.denominator > 0 && Number.isFinite(p.rate));
  const smallest = plotted.reduce((a, b) => (b.denominator < a.denominator ? b : a));
  const largest = plotted.reduce((a, b) => (b.denominator > a.denominator ? b : a));
  it('reads rightwards from a school on the left of the plot, leftwards from one on the right, so it is never cut off', () => {
    expect(labelMark(smallest.urn)).toMatchObject({ align: 'left', dx: 16 });
    expect(labelMark(largest.urn)).toMatchObject({ align: 'right', dx: -16 });
  });
});
