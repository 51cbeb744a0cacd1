import { describe, expect, it } from 'vitest';
import { waitWeeksChartSpec, waitsChartSpec } from '../../../src/charts/waits-chart-spec.ts';
import { waitsCells } from './fixtures.ts';
import { ariaLabel, axisValues, expectGolden, markItems, render } from './helpers.ts';

const byType = waitsChartSpec(waitsCells, { service: 'SLT', by: 'school_type', periodLabel: '2023/24' });
const weeks = waitWeeksChartSpec(waitsCells, { service: 'SLT', by: 'school_type' });

describe('waitsChartSpec', () => {
  it('matches its golden spec', () => expectGolden('waits-chart', byType));

  it('draws a point and an interval per group with a figure, the area last; suppressed and empty groups not drawn', async () => {
    const { svg, view } = await render(byType);
    expect(markItems(svg, 'groups')).toHaveLength(3);
    expect(markItems(svg, 'intervals')).toHaveLength(3);
    expect(axisValues(svg, 'School type')).toEqual(['Mainstream', 'College', 'All school types']);
    expect(byType.description).toContain('1 group suppressed');
    expect(byType.description).toContain('1 group with no one seen');
    expect(ariaLabel(view)).toBe(byType.description);
  });

  it('groups by age phase from the other margin, and draws a target only when given', async () => {
    const { svg } = await render(waitsChartSpec(waitsCells, { service: 'SLT', by: 'age_phase', targetPct: 92 }));
    expect(axisValues(svg, 'Age phase')).toEqual(['Primary', 'Secondary', 'All ages']);
    expect(markItems(svg, 'target')).toHaveLength(1);
    expect(markItems((await render(byType)).svg, 'target')).toHaveLength(0);
  });
});

describe('waitWeeksChartSpec', () => {
  it('matches its golden spec', () => expectGolden('wait-weeks-chart', weeks));

  it('draws median and 90th percentile for each group with both figures', async () => {
    const { svg } = await render(weeks);
    const points = markItems(svg, 'waits');
    expect(points).toHaveLength(6);
    expect(points.filter((p) => p.ariaLabel.includes('Measure: 90th percentile'))).toHaveLength(3);
    expect(markItems(svg, 'spans')).toHaveLength(3);
    expect(svg).not.toContain('Special');
  });
});
