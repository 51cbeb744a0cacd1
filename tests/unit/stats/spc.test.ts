// XmR chart and special-cause rules (METHODS §5). Expected limits come from METHODS or from plain arithmetic in
// this file; the labelled points come from how each series was built.
import { describe, expect, it } from 'vitest';
import { SPC_RULE_TEXT, sparseSeriesCheck, variationIcon, xmrChart, type SpcRule, type XmrResult } from '../../../src/stats/spc.ts';

const TOL = 1e-6;
const REFERENCE = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];

/** Rules by index, for compact expectations: index → [rule, side]. */
const flagged = (r: XmrResult) => Object.fromEntries(r.points.filter((p) => p.rule).map((p) => [p.index, `${p.rule}:${p.side}`]));

/** Mean and limits by hand (no screening) so preconditions can be checked independently of the code. */
function handLimits(values: number[]) {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const mrs = values.slice(1).map((v, i) => Math.abs(v - (values[i] as number)));
  const amr = mrs.reduce((s, v) => s + v, 0) / mrs.length;
  return { mean, upl: mean + 2.66 * amr, u2: mean + (2.66 * 2 / 3) * amr, lpl: mean - 2.66 * amr, l2: mean - (2.66 * 2 / 3) * amr, amr };
}

describe('xmrChart: METHODS §5 reference series', () => {
  it.each<[boolean, number, number]>([
    [false, 6.951503, -3.062614],
    [true, 4.604444, -0.715556],
  ])('screen = %s → UPL %s, LPL %s; point 5 outside, all else common cause', (screen, upl, lpl) => {
    const r = xmrChart(REFERENCE, { screen, measure: 'rate' });
    expect(Math.abs(r.mean - 1.944444)).toBeLessThan(TOL);
    expect(Math.abs(r.upperProcessLimit - upl)).toBeLessThan(TOL);
    expect(Math.abs(r.lowerProcessLimit - lpl)).toBeLessThan(TOL);
    expect(r.screened).toBe(screen);
    expect(flagged(r)).toEqual({ 4: 'outside_limits:high' });
    expect(r.trial).toBe(false);
  });

  it('screening is on by default and the 2σ lines are two thirds of the way to the limits', () => {
    const r = xmrChart(REFERENCE, { measure: 'rate' });
    expect(r.screened).toBe(true);
    expect(r.amr).toBeCloseTo(1, 12);
    expect(r.amrUnscreened).toBeCloseTo(32 / 17, 12);
    expect(r.upperTwoSigma).toBeCloseTo(35 / 18 + 1.773333333, 6);
    expect(r.lowerTwoSigma).toBeCloseTo(35 / 18 - 1.773333333, 6);
  });

  it('as a count series (the default) its mean under 2 makes it too sparse: no flags (a METHODS conflict)', () => {
    const r = xmrChart(REFERENCE);
    expect(r.tooFewForSpc).toMatch(/too few referrals for SPC/i);
    expect(flagged(r)).toEqual({});
    expect(variationIcon(r)).toBe('common_cause');
  });
});

describe('special-cause rules', () => {
  const base = [10, 11, 9, 10, 12, 10, 11, 9, 10, 11];

  it('trend: 7 strictly rising points are all flagged, whichever side of the mean', () => {
    const values = [...base, 10.1, 10.2, 10.3, 10.4, 10.5, 10.6, 10.7];
    expect(flagged(xmrChart(values))).toEqual(Object.fromEntries([10, 11, 12, 13, 14, 15, 16].map((i) => [i, 'trend:high'])));
  });

  it('trend: 7 strictly falling points are flagged low', () => {
    // The base ends on 11, so the fall starts there: 8 points, indices 9–16.
    const values = [...base, 10.7, 10.6, 10.5, 10.4, 10.3, 10.2, 10.1];
    expect(flagged(xmrChart(values))).toEqual(Object.fromEntries([9, 10, 11, 12, 13, 14, 15, 16].map((i) => [i, 'trend:low'])));
  });

  it('trend: an equal pair breaks the run', () => {
    const values = [...base, 10.1, 10.2, 10.3, 10.3, 10.4, 10.5, 10.6];
    expect(flagged(xmrChart(values))).toEqual({});
  });

  it('trend: 6 rising points are not enough', () => {
    expect(flagged(xmrChart([...base, 10.1, 10.2, 10.3, 10.4, 10.5, 10.6]))).toEqual({});
  });

  it('shift: 7 points above the mean are all flagged', () => {
    const values = [8, 12, 8, 12, 8, 12, 8, 12, 11, 11.5, 11, 11.5, 11, 11.5, 11, 8, 12, 8, 12];
    const hand = handLimits(values);
    expect(hand.mean).toBeLessThan(11); // precondition: the run lies above the mean
    // The 12 just before the run is above the mean too, so the run is indices 7–14.
    expect(flagged(xmrChart(values))).toEqual(Object.fromEntries([7, 8, 9, 10, 11, 12, 13, 14].map((i) => [i, 'shift:high'])));
  });

  it('shift: 6 points on one side are not enough', () => {
    const values = [8, 12, 8, 12, 8, 12, 8, 11, 11.5, 11, 11.5, 11, 11.5, 8, 12, 8, 12, 8];
    expect(handLimits(values).mean).toBeLessThan(11);
    expect(flagged(xmrChart(values))).toEqual({});
  });

  it('shift: a point exactly on the mean breaks the run', () => {
    // Mean is exactly 10: the run 11,11,11,10,11,11,11 is broken by the 10.
    const values = [7, 13, 7, 13, 7, 13, 11, 11, 11, 10, 11, 11, 11, 7, 7, 7, 13, 7, 13];
    expect(handLimits(values).mean).toBe(10);
    expect(Object.values(flagged(xmrChart(values))).some((f) => f.startsWith('shift'))).toBe(false);
  });

  it('two of three: only the near-limit points are flagged, all three on one side of the mean', () => {
    const values = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 15.3, 10.8, 15.4, 9, 11, 9, 11];
    const hand = handLimits(values);
    // Preconditions by hand: 15.3 and 15.4 lie strictly between the upper 2σ line and the limit; 10.8 above the mean.
    for (const v of [15.3, 15.4]) expect(v > hand.u2 && v < hand.upl).toBe(true);
    expect(10.8).toBeGreaterThan(hand.mean);
    expect(flagged(xmrChart(values, { screen: false }))).toEqual({ 20: 'two_of_three:high', 22: 'two_of_three:high' });
  });

  it('two of three: low side', () => {
    const values = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 4.7, 4.6, 9.2, 9, 11, 9, 11];
    const hand = handLimits(values);
    for (const v of [4.7, 4.6]) expect(v < hand.l2 && v > hand.lpl).toBe(true);
    expect(9.2).toBeLessThan(hand.mean);
    expect(flagged(xmrChart(values, { screen: false }))).toEqual({ 20: 'two_of_three:low', 21: 'two_of_three:low' });
  });

  it('two of three: not when the middle point is below the mean', () => {
    const values = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 15.3, 9.5, 15.4, 9, 11, 9, 11];
    expect(9.5).toBeLessThan(handLimits(values).mean);
    expect(flagged(xmrChart(values, { screen: false }))).toEqual({});
  });

  it('two of three: a point beyond the limit does not count towards it', () => {
    const values = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 30, 10.8, 15.6, 9, 11, 9, 11];
    const hand = handLimits(values);
    expect(30).toBeGreaterThan(hand.upl);
    expect(15.6 > hand.u2 && 15.6 < hand.upl).toBe(false); // AMR grew: 15.6 is no longer near the limit
    expect(flagged(xmrChart(values, { screen: false }))).toEqual({ 20: 'outside_limits:high' });
  });

  it('one label per point, in priority: outside limits beats trend', () => {
    const values = [...base, 10.1, 10.2, 10.3, 10.4, 10.5, 10.6, 40];
    const r = flagged(xmrChart(values));
    expect(r[16]).toBe('outside_limits:high');
    expect(r[10]).toBe('trend:high');
  });
});

describe('sparse series and edge cases', () => {
  it('counts averaging under 2 a period: no point is flagged, even a spike', () => {
    const r = xmrChart([0, 1, 0, 2, 1, 0, 9, 1, 0, 1, 2, 0, 1]);
    expect(r.tooFewForSpc).toMatch(/under 2/);
    expect(r.points.every((p) => p.rule === null)).toBe(true);
  });

  it('AMR 0: limits collapse, no flags, and the result says why', () => {
    const r = xmrChart([5, 5, 5, 5, 5, 5, 5, 5]);
    expect(r.amr).toBe(0);
    expect(r.tooFewForSpc).toMatch(/collapse/);
    expect(r.points.every((p) => p.rule === null)).toBe(true);
  });

  it('screened AMR 0 (one spike in a flat series) is sparse with or without screening', () => {
    for (const screen of [true, false]) {
      const r = xmrChart([5, 5, 5, 5, 20, 5, 5, 5, 5], { screen });
      expect(r.tooFewForSpc).not.toBeNull();
      expect(r.points.every((p) => p.rule === null)).toBe(true);
    }
  });

  it('one period: no limits, no flags', () => {
    const r = xmrChart([7]);
    expect(r.n).toBe(1);
    expect(r.mean).toBe(7);
    expect(r.upperProcessLimit).toBeNaN();
    expect(r.tooFewForSpc).toMatch(/at least 2/);
    expect(r.points).toEqual([{ index: 0, value: 7, rule: null, side: null }]);
  });

  it('empty series', () => {
    const r = xmrChart([]);
    expect(r.points).toEqual([]);
    expect(variationIcon(r)).toBe('common_cause');
  });

  it.each([[12, true], [13, false]])('%s points → trial limits %s', (n, trial) => {
    expect(xmrChart(Array.from({ length: n }, (_, i) => 10 + (i % 2))).trial).toBe(trial);
  });

  it('sparseSeriesCheck on its own', () => {
    expect(sparseSeriesCheck([3, 4, 5], 1)).toBeNull();
    expect(sparseSeriesCheck([1, 1, 2], 0.5)).toMatch(/too few referrals for SPC/i);
    expect(sparseSeriesCheck([1, 1, 2], 0.5, 'rate')).toBeNull();
    expect(sparseSeriesCheck([3, 4, 5], 0)).toMatch(/collapse/);
  });
});

describe('variationIcon and rule text', () => {
  it('reads the latest point', () => {
    const rising = [10, 11, 9, 10, 12, 10, 11, 9, 10, 11, 10.1, 10.2, 10.3, 10.4, 10.5, 10.6, 10.7];
    expect(variationIcon(xmrChart(rising))).toBe('special_cause_high');
    expect(variationIcon(xmrChart([...rising].reverse()))).toBe('common_cause');
    const falling = [10, 11, 9, 10, 12, 10, 11, 9, 10, 11, 10.7, 10.6, 10.5, 10.4, 10.3, 10.2, 10.1];
    expect(variationIcon(xmrChart(falling))).toBe('special_cause_low');
  });

  it('has plain-English text for every rule', () => {
    const rules: SpcRule[] = ['outside_limits', 'trend', 'two_of_three', 'shift'];
    for (const rule of rules) expect(SPC_RULE_TEXT[rule].length).toBeGreaterThan(30);
  });
});
