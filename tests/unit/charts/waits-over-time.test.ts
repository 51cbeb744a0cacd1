import { describe, expect, it } from 'vitest';
import type { WaitsMeasure } from '../../../src/analytics/waits-over-time.ts';
import { causeOf, waitsOverTimeSpec } from '../../../src/charts/waits-over-time-spec.ts';
import { PALETTE } from '../../../src/charts/theme.ts';
import { markItems, render } from './helpers.ts';

describe('waitsOverTimeSpec', () => {
  it('calls special cause improvement or concern where the measure has a better direction (Making Data Count)', () => {
    // % within the target: higher is better; median wait: lower is better; the waiting list has no direction.
    expect(causeOf('outside_limits', 'high', true)).toBe('Special cause: improvement');
    expect(causeOf('shift', 'low', true)).toBe('Special cause: concern');
    expect(causeOf('shift', 'high', false)).toBe('Special cause: concern');
    expect(causeOf('trend', 'high', null)).toBe('Special cause: higher');
    expect(causeOf(null, null, true)).toBe('Common cause');
  });

  it('draws a concern in orange and an improvement in blue', async () => {
    const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
    const measure: WaitsMeasure = {
      key: 'pct_within', label: '% seen within 18 weeks', unit: '%', target: 92, higherIsBetter: true,
      points: months.map((month, i) => ({ month, value: 60 + i, rule: i === 0 ? 'outside_limits' : i === 5 ? 'outside_limits' : null, side: i === 0 ? 'low' : i === 5 ? 'high' : null })),
      chart: null, assurance: null,
    };
    const { svg } = await render(waitsOverTimeSpec('SLT', measure));
    const fills = markItems(svg, 'months').map((p) => p.fill);
    expect(fills).toContain(PALETTE.higher);
    expect(fills).toContain(PALETTE.lower);
  });
});
