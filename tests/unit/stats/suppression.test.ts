// Symbols and threshold of disclosure control (METHODS §7); the gate itself is tested in tests/unit/disclosure.
import { describe, expect, it } from 'vitest';
import { formatCount, validateThreshold } from '../../../src/stats/suppression.ts';

describe('validateThreshold', () => {
  it.each([2, 0, -5, 2.5, NaN])('refuses %s', (t) => {
    expect(() => validateThreshold(t)).toThrow(RangeError);
  });
  it.each([3, 5, 10])('accepts %s', (t) => expect(validateThreshold(t)).toBe(t));
  it('defaults to 5', () => expect(validateThreshold()).toBe(5));
});

describe('formatCount', () => {
  it.each<[number | null, number, string]>([
    [0, 5, '0'], [1, 5, 'c'], [4, 5, 'c'], [5, 5, '5'], [12345, 5, '12,345'], [4, 3, '4'], [2, 3, 'c'], [null, 5, 'x'], [NaN, 5, 'x'],
  ])('%s at threshold %s → %s', (n, t, text) => expect(formatCount(n, t)).toBe(text));
});
