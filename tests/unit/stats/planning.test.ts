// Capacity (METHODS §8), quantiles (DuckDB quantile_cont) and expected need (METHODS §10); expected values by hand.
import { describe, expect, it } from 'vitest';
import {
  CAPACITY_DEFAULTS, fteRequired, reliefCapacity, targetCapacity, targetMeanWait, targetQueueSize, waitPressure,
} from '../../../src/stats/capacity.ts';
import { median, percentile, percentiles } from '../../../src/stats/quantiles.ts';
import {
  DCD_PREVALENCE, DEFAULT_DEPRIVATION_WEIGHTS, expectedNeed, expectedNeedLabel, SLCN_PREVALENCE,
} from '../../../src/stats/expected-need.ts';

describe('capacity', () => {
  it.each<[string, () => number, number]>([
    ['target mean wait 18 ÷ 4', () => targetMeanWait(18), 4.5],
    ['target capacity 10 + 1·(4/18)', () => targetCapacity(10, 18, 1, 1), 10 + 4 / 18],
    ['target capacity, cv 0.5 and 1.5: 10 + 1.25·(4/18)', () => targetCapacity(10, 18, 0.5, 1.5), 10 + 1.25 * (4 / 18)],
    ['NHSRwaitinglist example: target_capacity(50, 52)', () => targetCapacity(50, 52), 50 + 4 / 52],
    ['target queue (Little): 10 × 4.5', () => targetQueueSize(10, 18), 45],
    ['relief capacity 10 + (100 − 45)/26', () => reliefCapacity(10, 100, 45), 10 + 55 / 26],
    ['relief over 10 weeks', () => reliefCapacity(10, 100, 45, 10), 15.5],
    ['pressure 2 × 9 / 18', () => waitPressure(9, 18), 1],
    ['pressure 2 × 12 / 18', () => waitPressure(12, 18), 4 / 3],
    ['FTE 45 h ÷ 22.5 h', () => fteRequired(45, 22.5), 2],
  ])('%s', (_, compute, expected) => {
    expect(compute()).toBeCloseTo(expected, 12);
  });

  it('states a source for every default, and FTE needs positive hours', () => {
    for (const d of Object.values(CAPACITY_DEFAULTS)) expect(d.source.length).toBeGreaterThan(20);
    expect(fteRequired(45, 0)).toBeNaN();
  });
});

describe('quantiles (type 7, as DuckDB quantile_cont)', () => {
  it.each<[number[], number, number]>([
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0.9, 3.7], // h = 3·0.9 = 2.7 → 3 + 0.7·(4 − 3)
    [[4, 1, 3, 2], 0.25, 1.75],
    [[10], 0.9, 10],
    [[1, 2, 3, 4, 5], 0, 1],
    [[1, 2, 3, 4, 5], 1, 5],
    [[2, NaN, 4], 0.5, 3],
  ])('%j at %s → %s', (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 12);
  });

  it('median, several at once, empty input, and percentages refused', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(percentiles([1, 2, 3, 4], [0.5, 0.9])).toEqual([2.5, expect.closeTo(3.7, 12)]);
    expect(median([])).toBeNaN();
    expect(() => percentile([1, 2], 90)).toThrow(RangeError);
  });
});

describe('expected need', () => {
  it('uses the published prevalences: 7.58% + 2.34% for language disorder, 5–6% for DCD', () => {
    expect(SLCN_PREVALENCE.rate).toBeCloseTo(0.0992, 12);
    expect(DCD_PREVALENCE.low).toBe(0.05);
    expect(DCD_PREVALENCE.high).toBe(0.06);
    expect(SLCN_PREVALENCE.source).toMatch(/Norbury/);
  });

  it.each<[number, number | typeof SLCN_PREVALENCE, number | null, boolean, number]>([
    [400, SLCN_PREVALENCE, null, false, 39.68],
    [400, DCD_PREVALENCE, null, false, 22],
    [400, 0.1, 3, false, 40],
    [400, SLCN_PREVALENCE, 1, true, 39.68 * 1.45],
    [400, SLCN_PREVALENCE, 10, true, 39.68 * 0.55],
    [400, SLCN_PREVALENCE, null, true, 39.68],
    [0, SLCN_PREVALENCE, null, false, 0],
  ])('roll %s → %s', (roll, prevalence, decile, weighted, expected) => {
    expect(expectedNeed(roll, prevalence, decile, weighted)).toBeCloseTo(expected, 9);
  });

  it('default deprivation weights average 1 across the deciles', () => {
    expect(DEFAULT_DEPRIVATION_WEIGHTS.reduce((s, w) => s + w, 0) / 10).toBeCloseTo(1, 12);
  });

  it('rejects an IMD decile outside 1–10 when weighting', () => {
    expect(() => expectedNeed(100, 0.1, 11, true)).toThrow(RangeError);
  });

  it.each<[number, string]>([
    [39.68, 'about 40'], [0.4, 'fewer than 1'], [3.4, 'about 3'], [22, 'about 20'], [123, 'about 120'],
    [4321, 'about 4,300'], [NaN, 'not estimated'],
  ])('label for %s is "%s" (never a bare count)', (estimate, label) => {
    expect(expectedNeedLabel(estimate)).toBe(label);
  });
});
