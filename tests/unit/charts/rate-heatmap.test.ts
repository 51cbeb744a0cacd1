import { describe, expect, it } from 'vitest';
import { rateHeatmapSpec } from '../../../src/charts/rate-heatmap-spec.ts';
import { PALETTE } from '../../../src/charts/theme.ts';
import { rateCells } from './fixtures.ts';
import { ariaLabel, axisValues, expectGolden, markItems, render } from './helpers.ts';

const spec = rateHeatmapSpec(rateCells, { service: 'SLT', periodLabel: 'April 2023 to March 2024' });

describe('rateHeatmapSpec', () => {
  it('matches its golden spec', () => expectGolden('rate-heatmap', spec));

  it('draws one cell per SLT row, margins included, and none for OT', async () => {
    const { svg } = await render(spec);
    expect(markItems(svg, 'cells')).toHaveLength(rateCells.filter((c) => c.service === 'SLT').length);
    expect(markItems(svg, 'cell_rates').map((t) => t.text)).not.toContain('77.7');
  });

  it('never prints a suppressed value: suppressed cells say "c" on the light grey fill', async () => {
    const { svg } = await render(spec);
    const rates = markItems(svg, 'cell_rates').map((t) => t.text);
    expect(rates.filter((t) => t === 'c')).toHaveLength(2);
    expect(rates).toContain('–');
    expect(rates.every((t) => t === 'c' || t === '–' || /^\d+\.\d$/.test(t))).toBe(true);
    const suppressedCells = markItems(svg, 'cells').filter((c) => c.ariaLabel.includes('Comparison: suppressed'));
    expect(suppressedCells).toHaveLength(2);
    expect(suppressedCells.every((c) => c.fill === PALETTE.suppressed)).toBe(true);
    expect(svg).not.toMatch(/NaN|null|undefined/);
  });

  it('colours by comparison with the neutral palette and says the comparison in words', async () => {
    const { svg } = await render(spec);
    const fillOf = (words: string) => markItems(svg, 'cells').find((c) => c.ariaLabel.includes(`Comparison: ${words};`))?.fill;
    expect(fillOf('higher')).toBe(PALETTE.higher);
    expect(fillOf('much higher')).toBe(PALETTE.muchHigher);
    expect(fillOf('lower')).toBe(PALETTE.lower);
    expect(fillOf('much lower')).toBe(PALETTE.muchLower);
    expect(fillOf('similar')).toBe(PALETTE.similar);
    expect(markItems(svg, 'cell_states').map((t) => t.text)).toEqual(expect.arrayContaining(['much higher', 'similar', 'c: fewer than 5', 'no pupils', 'area rate (crude)', 'benchmark', 'similar (age-adj.)']));
  });

  it('orders rows and columns as the contract does, with the margins last', async () => {
    const { svg } = await render(spec);
    expect(axisValues(svg, 'School type')).toEqual(['Mainstream', 'Special', 'Independent', 'Alternative provision', 'Early years', 'All types']);
    expect(axisValues(svg, 'Age phase')).toEqual(['Early years', 'Primary', 'Secondary', 'All ages']);
  });

  it('describes itself with the suppressed count, and the view carries it as its aria-label', async () => {
    const { view } = await render(spec);
    expect(spec.description).toContain('2 cells suppressed');
    expect(spec.description).toContain('3 higher than their like-for-like benchmark');
    expect(ariaLabel(view)).toBe(spec.description);
  });

  it('shows the rate, interval, counts and comparison in the tooltip', async () => {
    const { svg } = await render(spec);
    const cell = markItems(svg, 'cells').find((c) => c.ariaLabel.includes('School type: Mainstream') && c.ariaLabel.includes('Age phase: Primary'));
    expect(cell?.ariaLabel).toContain('Referrals per 1,000 pupils a year (crude): 31.2');
    expect(cell?.ariaLabel).toContain('95% interval (crude rate): 25.0 to 39.0');
    expect(cell?.ariaLabel).toContain('Compared with: Compared with all school types at primary age.');
    // A type's all-ages cell prints its rate adjusted for age mix (22.0 × 0.9 in the fixture) and the ratio.
    const allAges = markItems(svg, 'cells').find((c) => c.ariaLabel.includes('School type: Mainstream') && c.ariaLabel.includes('Age phase: All ages'));
    expect(allAges?.ariaLabel).toContain('Adjusted for age mix (per 1,000): 19.8');
    expect(allAges?.ariaLabel).toContain('Ratio to expected for age mix: 0.80');
    expect(markItems(svg, 'cell_rates').map((t) => t.text)).toContain('19.8');
    expect(cell?.ariaLabel).toContain('Pupils: 3,846');
  });
});
