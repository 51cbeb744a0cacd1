import { describe, expect, it } from 'vitest';
import { rateIntervalRows, rateIntervalsSpec } from '../../../src/charts/rate-intervals-spec.ts';
import { rateCells } from './fixtures.ts';
import { expectGolden, markItems, render } from './helpers.ts';

const spec = rateIntervalsSpec(rateCells, { service: 'SLT', periodLabel: 'April 2023 to March 2024' });

describe('rateIntervalsSpec', () => {
  it('matches its golden spec', () => expectGolden('rate-intervals', spec));

  it('plots each compared type × phase cell as its rate ÷ its benchmark, and all-ages cells as their ratio', () => {
    const withBenchmark = rateCells.map((c) => (c.kind === 'type and phase' && typeof c.rate === 'number' ? { ...c, benchmark: 20 } : c));
    const rows = rateIntervalRows(withBenchmark, 'SLT');
    // Mainstream primary 31.2 ÷ 20 = 1.56, its 95% interval 24.96 to 39 ÷ 20.
    const primary = rows.find((r) => r.group === 'Mainstream · primary');
    expect(primary?.value).toBeCloseTo(1.56, 9);
    expect(primary?.lower95).toBeCloseTo(1.248, 9);
    // Mainstream all ages: the fixture's ratio 0.8 (no ratio interval in the fixture → left out).
    expect(rows.find((r) => r.group.startsWith('Mainstream · all ages'))).toBeUndefined();
    // Suppressed (special secondary) and uncompared (alternative provision, no pupils) cells are not drawn.
    expect(rows.some((r) => r.group === 'Special · secondary' || r.group.startsWith('Alternative'))).toBe(false);
  });

  it('renders with a benchmark line at 1 and a whisker per plotted row', async () => {
    const withBenchmark = rateCells.map((c) => (c.kind === 'type and phase' && typeof c.rate === 'number' ? { ...c, benchmark: 20 } : c));
    const { svg } = await render(rateIntervalsSpec(withBenchmark, { service: 'SLT' }));
    const rows = rateIntervalRows(withBenchmark, 'SLT');
    expect(markItems(svg, 'interval95')).toHaveLength(rows.length);
    expect(markItems(svg, 'benchmark')).toHaveLength(1);
    expect(svg).not.toMatch(/NaN|undefined/);
  });
});
