// Month arithmetic shared by the statistics and the analytics layer, checked against months counted by hand.
import { describe, expect, it } from 'vitest';
import { addMonths, monthNumber } from '../../../src/stats/months.ts';

describe('months', () => {
  it('numbers months from year 0 so consecutive months differ by 1, as enrich.sql does', () => {
    expect(monthNumber('2024-01')).toBe(2024 * 12);
    expect(monthNumber('2024-12') - monthNumber('2024-01')).toBe(11);
    expect(monthNumber('2025-01') - monthNumber('2024-12')).toBe(1);
  });

  it('refuses anything but yyyy-mm', () => {
    for (const bad of ['2024-13', '2024-00', '2024-1', '24-01', '2024-01-01']) expect(() => monthNumber(bad)).toThrow(RangeError);
  });

  it('adds and subtracts months across year ends', () => {
    expect(addMonths('2024-11', 3)).toBe('2025-02');
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(addMonths('2024-06', -30)).toBe('2021-12');
    expect(addMonths('2024-06', 0)).toBe('2024-06');
  });
});
