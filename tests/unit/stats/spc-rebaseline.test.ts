// Re-baselining, sparse series and the SPC series the Demand view draws (METHODS §5); expected values by hand.
import { describe, expect, it } from 'vitest';
import { cleanChangePoints, flaggedShare, proposeChangePoints, segmentedXmr } from '../../../src/stats/rebaseline.ts';
import { adjustQuarters, sparseDecision, threeMonthPeriods } from '../../../src/stats/sparse.ts';
import { buildSpcSeries } from '../../../src/stats/spc-series.ts';
import { drawnLimit } from '../../../src/stats/spc.ts';

const REFERENCE = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];
const alternate = (a: number, b: number, n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? b : a));
// 12 points around 11, then 12 around 21: a step at index 12.
const STEP = [...alternate(10, 12, 12), ...alternate(20, 22, 12)];

describe('segmentedXmr', () => {
  it('with no change point is the METHODS reference chart', () => {
    const chart = segmentedXmr(REFERENCE, [], { measure: 'rate' });
    expect(chart.segments).toHaveLength(1);
    expect(chart.segments[0]?.mean).toBeCloseTo(1.944444, 5);
    expect(chart.segments[0]?.upperProcessLimit).toBeCloseTo(4.604444, 5);
    expect(chart.points.filter((p) => p.rule !== null).map((p) => p.index)).toEqual([4]);
  });

  it('gives each segment its own mean and limits, and rules never span a change point', () => {
    const whole = segmentedXmr(STEP, []);
    expect(whole.segments[0]?.mean).toBe(16);
    // Every point sits 7+ in a row on one side of 16: all 24 flagged as a shift.
    expect(flaggedShare(whole.points)).toBe(1);
    const split = segmentedXmr(STEP, [12]);
    expect(split.segments.map((s) => s.mean)).toEqual([11, 21]);
    // AMR 2 in each segment (no screening needed): limits 11 ± 5.32 and 21 ± 5.32.
    expect(split.segments[0]?.upperProcessLimit).toBeCloseTo(16.32, 10);
    expect(split.segments[1]?.lowerProcessLimit).toBeCloseTo(15.68, 10);
    expect(flaggedShare(split.points)).toBe(0);
    expect(split.points[12]?.segment).toBe(1);
  });

  it('drops change points that leave a segment of under 2 points', () => {
    expect(cleanChangePoints(10, [1, 5, 5, 9, 3])).toEqual([3, 5]);
    expect(cleanChangePoints(10, [0, 10, 2.5])).toEqual([]);
  });
});

describe('proposeChangePoints', () => {
  it('proposes where a shift starts and persists to the end', () => {
    expect(proposeChangePoints(STEP)).toEqual([{ index: 12, runLength: 12, side: 'high', before: 11, after: 21 }]);
  });

  it('never inside the first year of the seasonal baseline, nor for a shift that ends before the series does', () => {
    expect(proposeChangePoints(STEP, { minIndex: 13 })).toEqual([]);
    const returned = [...alternate(10, 12, 12), ...alternate(20, 22, 12), ...alternate(10, 12, 4)];
    expect(proposeChangePoints(returned)).toEqual([]);
  });

  it('does not propose again a change point already accepted', () => {
    expect(proposeChangePoints(STEP, { accepted: [12] })).toEqual([]);
  });
});

describe('sparse series', () => {
  it('sums 3-month periods back from the latest month, dropping an incomplete first period', () => {
    const months = ['2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08'].map((month, i) => ({ month, count: i + 1 }));
    expect(threeMonthPeriods(months)).toEqual([
      { month: '2024-03', lastMonth: '2024-05', count: 2 + 3 + 4, months: ['2024-03', '2024-04', '2024-05'] },
      { month: '2024-06', lastMonth: '2024-08', count: 5 + 6 + 7, months: ['2024-06', '2024-07', '2024-08'] },
    ]);
  });

  it('chooses months, 3-month totals or no limits', () => {
    expect(sparseDecision([5, 6, 7], [18]).period).toBe('month');
    expect(sparseDecision([5, 'c', 7, 8, 9, 6], [15, 23]).period).toBe('quarter');
    expect(sparseDecision([1, 1, 2, 1, 0, 2], [4, 3]).period).toBe('quarter');
    expect(sparseDecision([0, 'c', 0, 0, 0, 0], ['c', 0]).period).toBe('none');
    expect(sparseDecision([0, 0, 0, 6, 0, 0, 0, 0, 0], [6, 'c', 0]).reason).toMatch(/Too few referrals for SPC/);
  });

  it('adjusts 3-month totals by their quarter index over whole years before the latest 4 quarters', () => {
    const q = [10, 20, 30, 40, 10, 20, 30, 40, 10, 20, 30, 80];
    const out = adjustQuarters(q);
    // Baseline: the first 8 quarters; overall mean 25; indices 0.4, 0.8, 1.2, 1.6.
    expect(out.adjusted).toBe(true);
    expect(out.values.slice(0, 11).every((v) => Math.abs(v - 25) < 1e-9)).toBe(true);
    expect(out.values[11]).toBeCloseTo(50, 10);
    expect(adjustQuarters([1, 2, 3, 4, 5, 6, 7]).adjusted).toBe(false);
  });

  it('draws limits truncated at 0', () => {
    expect(drawnLimit(-2.4)).toBe(0);
    expect(drawnLimit(3.1)).toBe(3.1);
  });
});

const monthsFrom = (start: string, counts: readonly number[]) => counts.map((count, i) => {
  const n = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1 + i;
  return { month: `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`, count };
});
const publish = (c: number): number | 'c' => (c > 0 && c < 5 ? 'c' : c);
const GROUP = { service: 'SLT', group_kind: 'area' as const, group_value: null };

describe('buildSpcSeries', () => {
  it('never judges a series from hidden months: sums them into 3-month totals', () => {
    const counts = Array.from({ length: 36 }, (_, i) => (i % 3 === 0 ? 3 : 8));
    const s = buildSpcSeries(GROUP, monthsFrom('2023-09', counts), publish, { adjust: false, screen: true });
    expect(s.period).toBe('quarter');
    expect(s.points).toHaveLength(12);
    expect(s.points.every((p) => p.referrals === 19)).toBe(true);
    // Every 3-month total is 19: the limits collapse, so nothing is judged.
    expect(s.tooFewForSpc).toMatch(/collapse/);
    expect(s.points.some((p) => p.rule !== null)).toBe(false);
  });

  it('gives no verdict from an August dip when adjusted: August is drawn, not judged', () => {
    // 3 years of a flat 30 a month with August at 10; then the latest August falls to 5.
    const counts = Array.from({ length: 36 }, (_, i) => (i % 12 === 11 ? 10 : 30 + (i % 2)));
    counts[35] = 5;
    const s = buildSpcSeries(GROUP, monthsFrom('2023-09', counts), publish, { adjust: true, screen: true });
    expect(s.series).toBe('seasonally_adjusted');
    const last = s.points.at(-1);
    expect(last?.month).toBe('2026-08');
    expect(last?.judged).toBe(false);
    expect(last?.rule).toBeNull();
    expect(s.icon).toBe('common_cause');
    expect(s.seriesNote).toMatch(/August .*not judged/);
  });

  it('applies a change point set by the user and proposes the one it finds', () => {
    const counts = [...alternate(10, 12, 12), ...alternate(20, 22, 12)];
    const months = monthsFrom('2024-01', counts);
    const proposed = buildSpcSeries(GROUP, months, publish, { adjust: false, screen: true });
    expect(proposed.proposed.map((p) => p.month)).toEqual(['2025-01']);
    expect(proposed.proposed[0]?.reason).toMatch(/12 months in a row from Jan 2025 .* above the mean .*about 11 a month before, 21 since/);
    const accepted = buildSpcSeries(GROUP, months, publish, { adjust: false, screen: true, changePoints: { 'SLT.area': ['2025-01'] } });
    expect(accepted.changePoints).toEqual(['2025-01']);
    expect(accepted.proposed).toEqual([]);
    expect(accepted.segments.map((x) => [x.from, x.to, x.mean])).toEqual([['2024-01', '2024-12', 11], ['2025-01', '2025-12', 21]]);
    expect(accepted.points.filter((p) => p.rule !== null)).toHaveLength(0);
  });
});
