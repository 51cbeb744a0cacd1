// Special functions against values that do not come from this code: closed forms (exponential and Poisson sums)
// and published normal quantiles (R: qnorm, 16 significant digits).
import { describe, expect, it } from 'vitest';
import { chiSquareQuantile, gammaP, gammaQ, gammaQuantile, lnGamma, normalCdf, normalQuantile } from '../../../src/stats/special.ts';

/** P(a, x) for whole a, from the Poisson sum 1 − Σ_{j<a} e^{−x} x^j / j! (independent of the code under test). */
function poissonGammaP(a: number, x: number): number {
  // Terms in logs: e^{−x} alone underflows for x above ~745.
  let logTerm = -x;
  let sum = 0;
  for (let j = 0; j < a; j++) {
    sum += Math.exp(logTerm);
    logTerm += Math.log(x / (j + 1));
  }
  return 1 - sum;
}

describe('normalQuantile', () => {
  it.each([
    [0.975, 1.959963984540054, 'R qnorm(0.975)'],
    [0.999, 3.090232306167813, 'R qnorm(0.999)'],
    [0.995, 2.575829303548901, 'R qnorm(0.995)'],
    [0.9, 1.281551565544601, 'R qnorm(0.9)'],
    [0.5, 0, 'symmetry'],
    [0.025, -1.959963984540054, 'symmetry'],
  ])('Φ⁻¹(%s) = %s (%s)', (p, expected) => {
    expect(Math.abs(normalQuantile(p) - expected)).toBeLessThan(1e-12);
  });

  it('returns ±Infinity at 0 and 1 and NaN outside', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.2)).toBeNaN();
  });

  it('Φ(1.959963984540054) = 0.975', () => {
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
  });
});

describe('lnGamma', () => {
  it.each([
    [1, 0], [2, 0], [5, Math.log(24)], [0.5, 0.5 * Math.log(Math.PI)], [11, Math.log(3628800)],
  ])('lnΓ(%s)', (x, expected) => {
    expect(Math.abs(lnGamma(x) - expected)).toBeLessThan(1e-13);
  });
});

describe('regularized incomplete gamma', () => {
  it.each([
    [1, 0.5], [1, 7], [3, 2.5], [10, 9.3], [10, 25], [40, 31], [100, 100], [250, 281.95],
  ])('P(%s, %s) agrees with the Poisson sum', (a, x) => {
    const expected = poissonGammaP(a, x);
    expect(Math.abs(gammaP(a, x) - expected)).toBeLessThan(1e-12);
    expect(Math.abs(gammaQ(a, x) - (1 - expected))).toBeLessThan(1e-12);
  });
});

describe('chiSquareQuantile / gammaQuantile', () => {
  it.each([0.001, 0.025, 0.5, 0.975, 0.999])('2 df is the exponential: −2 ln(1 − p) at p = %s', (p) => {
    const expected = -2 * Math.log(1 - p);
    expect(Math.abs(chiSquareQuantile(p, 2) - expected) / expected).toBeLessThan(1e-12);
  });

  it.each([
    [0.95, 1.959963984540054], [0.998, 3.090232306167813],
  ])('1 df is a squared normal quantile at %s', (p, z) => {
    expect(Math.abs(chiSquareQuantile(p, 1) - z * z) / (z * z)).toBeLessThan(1e-12);
  });

  it.each([
    [0.025, 5], [0.975, 6], [0.025, 1045], [0.999, 1046], [0.3, 5000],
  ])('P(a, gammaQuantile(p, a)) = p against the Poisson sum (p = %s, a = %s)', (p, a) => {
    expect(Math.abs(poissonGammaP(a, gammaQuantile(p, a)) - p)).toBeLessThan(1e-10);
  });

  it('published table values (to the table precision)', () => {
    expect(chiSquareQuantile(0.95, 10)).toBeCloseTo(18.30704, 5);
    expect(chiSquareQuantile(0.05, 10)).toBeCloseTo(3.940299, 6);
    expect(chiSquareQuantile(0.99, 5)).toBeCloseTo(15.08627, 5);
  });
});
