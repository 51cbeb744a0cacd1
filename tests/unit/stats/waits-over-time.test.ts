// Waits over time from published counts (METHODS §5, §7, §8): hand-made months, expected values by hand.
import { describe, expect, it } from 'vitest';
import { waitsOverTimeSeries, type WaitsMonth } from '../../../src/analytics/waits-over-time.ts';

const month = (i: number, seen: number | 'c', within: number | 'c', median: number | null, waiting: number | 'c'): WaitsMonth =>
  ({ month: `2025-${String(i + 1).padStart(2, '0')}`, seen, seenWithin: within, medianWeeks: median, waiting });

describe('waitsOverTimeSeries', () => {
  it('works out % within from the counts, hides months under 10 seen, and gives the assurance icon', () => {
    // 12 months: 20 seen, 19 or 20 within 18 weeks (95% or 100%); one month with "c" seen.
    const months = Array.from({ length: 12 }, (_, i) => month(i, i === 5 ? 'c' : 20, i % 2 ? 19 : 20, 8 + (i % 2), 100 + i));
    const [pct, median, waiting] = waitsOverTimeSeries(months, 18, 0.92);
    expect(pct?.points[0]?.value).toBe(100);
    expect(pct?.points[1]?.value).toBe(95);
    expect(pct?.points[5]?.value).toBeNull();
    // 11 values (6 × 100, 5 × 95): mean 97.727…; moving ranges 5 × 9 and 0 (the hidden month joins 100 and 100):
    // AMR 4.5, limits ± 2.66 × 4.5 = 11.97.
    expect(pct?.chart?.mean).toBeCloseTo((6 * 100 + 5 * 95) / 11, 10);
    expect(pct?.chart?.lowerProcessLimit).toBeCloseTo((6 * 100 + 5 * 95) / 11 - 11.97, 10);
    // Target 92% inside the limits (85.8 to 109.7): hit and miss.
    expect(pct?.assurance).toBe('hit_and_miss');
    // Median 8–9 weeks, limits 8.5 ± 2.66: target 18 above the upper limit, lower is better → consistently passes.
    expect(median?.assurance).toBe('pass');
    expect(waiting?.assurance).toBeNull();
    expect(waiting?.target).toBeNull();
  });
});
