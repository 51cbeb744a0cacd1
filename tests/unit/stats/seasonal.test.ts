// Seasonal adjustment (METHODS §5): indices from complete years before the latest 12 months; under 24 months
// the series is left raw and the reason says so.
import { describe, expect, it } from 'vitest';
import { seasonalIndices, seasonallyAdjust, xmrChart } from '../../../src/stats/spc.ts';

// August falls to about a third, autumn peaks (METHODS §9); the twelve average exactly 1.
const PATTERN = [1.0, 1.05, 1.1, 0.9, 1.05, 1.0, 0.8, 0.35, 1.15, 1.25, 1.25, 1.1];

function monthly(fromYear: number, fromMonth: number, count: number, value: (i: number, calendarMonth: number) => number) {
  return Array.from({ length: count }, (_, i) => {
    const n = fromYear * 12 + fromMonth - 1 + i;
    return { month: `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`, value: value(i, n % 12) };
  });
}

describe('seasonalIndices', () => {
  it('recovers the pattern from complete calendar years before the latest 12 months', () => {
    // 2021-01 … 2024-06: latest 12 months are 2023-07 … 2024-06, so the baseline is 2021 and 2022.
    const series = monthly(2021, 1, 42, (_, m) => 200 * (PATTERN[m] as number));
    const s = seasonalIndices(series);
    expect(s.baseline).toEqual({ from: '2021-01', to: '2022-12' });
    s.indices?.forEach((index, m) => expect(index).toBeCloseTo(PATTERN[m] as number, 12));
  });

  it('ignores the latest 12 months even when they look different', () => {
    const series = monthly(2021, 1, 36, (i, m) => (i >= 24 ? 500 : 100 * (PATTERN[m] as number)));
    expect(seasonalIndices(series).indices?.[7]).toBeCloseTo(0.35, 12);
  });

  it('under 24 months: no indices, and says so', () => {
    const s = seasonalIndices(monthly(2023, 1, 23, () => 10));
    expect(s.indices).toBeNull();
    expect(s.reason).toMatch(/23 months.*at least 24/);
  });

  it('24 months starting in September: no complete calendar year; whole-year baseline works', () => {
    const series = monthly(2022, 9, 24, (_, m) => 50 * (PATTERN[m] as number));
    expect(seasonalIndices(series).indices).toBeNull();
    expect(seasonalIndices(series).reason).toMatch(/calendar year/);
    const whole = seasonalIndices(series, 'whole-years');
    expect(whole.baseline).toEqual({ from: '2022-09', to: '2023-08' });
    expect(whole.indices?.[7]).toBeCloseTo(0.35, 12);
  });

  it('a calendar month with no referrals in the baseline: not adjusted', () => {
    const series = monthly(2021, 1, 36, (_, m) => (m === 7 ? 0 : 10));
    expect(seasonalIndices(series).indices).toBeNull();
  });

  it('rejects malformed and duplicate months', () => {
    expect(() => seasonalIndices([{ month: '2024-13', value: 1 }])).toThrow(RangeError);
    expect(() => seasonalIndices([{ month: '2024-01', value: 1 }, { month: '2024-01', value: 2 }])).toThrow(/twice/);
  });
});

describe('seasonallyAdjust', () => {
  it('divides each month by its index, keeping the raw value, in month order', () => {
    const series = monthly(2021, 1, 40, (_, m) => 120 * (PATTERN[m] as number)).reverse();
    const a = seasonallyAdjust(series);
    expect(a.adjusted).toBe(true);
    expect(a.reason).toMatch(/^Seasonally adjusted/);
    expect(a.points[0]?.month).toBe('2021-01');
    for (const p of a.points) expect(p.value).toBeCloseTo(120, 9);
    expect(a.points[7]).toMatchObject({ month: '2021-08', raw: 42, index: expect.closeTo(0.35, 12) });
  });

  it('so that a seasonal series no longer flags every August', () => {
    const series = monthly(2020, 1, 48, (i, m) => 100 * (PATTERN[m] as number) + (i % 3) - 1);
    const raw = xmrChart(series.map((p) => p.value));
    const adjusted = xmrChart(seasonallyAdjust(series).points.map((p) => p.value));
    expect(raw.points.filter((p) => p.rule !== null && p.index % 12 === 7).length).toBeGreaterThan(0);
    expect(adjusted.points.filter((p) => p.rule !== null).length).toBe(0);
  });

  it('under 24 months returns the raw series with index 1 and the reason', () => {
    const a = seasonallyAdjust(monthly(2024, 1, 12, (i) => i));
    expect(a.adjusted).toBe(false);
    expect(a.reason).toMatch(/at least 24/);
    expect(a.points.map((p) => p.value)).toEqual(a.points.map((p) => p.raw));
    expect(a.points.every((p) => p.index === 1)).toBe(true);
  });
});
