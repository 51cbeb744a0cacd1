import { describe, expect, it } from 'vitest';
import { parseChangePoints, serialiseChangePoints, withSeries } from './change-points.ts';

describe('change points in the URL', () => {
  it('reads series keys and months, ignoring anything malformed', () => {
    expect(parseChangePoints('SLT.area:2025-07,SLT.age_phase.early_years:2026-01+2025-05,OT.area:none,bad,x:2025-13'))
      .toEqual({ 'SLT.area': ['2025-07'], 'SLT.age_phase.early_years': ['2025-05', '2026-01'], 'OT.area': [] });
    expect(parseChangePoints(undefined)).toEqual({});
  });

  it('writes them back in a stable order, and drops the parameter when empty', () => {
    const points = withSeries(withSeries({}, 'SLT.area', ['2025-07']), 'OT.area', []);
    expect(serialiseChangePoints(points)).toBe('OT.area:none,SLT.area:2025-07');
    expect(serialiseChangePoints(withSeries(withSeries(points, 'SLT.area', undefined), 'OT.area', undefined))).toBeUndefined();
  });
});
