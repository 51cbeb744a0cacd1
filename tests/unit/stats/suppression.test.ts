// Disclosure control (METHODS §7). The recoverability check below is independent of the code under test: it
// looks for another non-negative table that agrees with every shown cell and total but differs in a hidden cell.
import { describe, expect, it } from 'vitest';
import {
  formatCount, planSuppression, SUPPRESSED, suppressTable, validateThreshold, type SuppressionSpec,
} from '../../../src/stats/suppression.ts';

type Cell = { service: string; school_type: string | null; age_phase: string | null; referrals: number; pupils: number; rate: number };

const TYPES = ['primary', 'secondary', 'special'] as const;
const PHASES = ['early', 'ks1', 'ks2'] as const;

/** A type × phase table with row, column and grand totals as margin rows (null = all). */
function table(counts: number[][], service = 'SLT', pupils = 1000): Cell[] {
  const cell = (t: string | null, p: string | null, referrals: number, pup: number): Cell =>
    ({ service, school_type: t, age_phase: p, referrals, pupils: pup, rate: (referrals / pup) * 1000 });
  const rows: Cell[] = [];
  counts.forEach((row, i) => row.forEach((c, j) => rows.push(cell(TYPES[i] as string, PHASES[j] as string, c, pupils))));
  counts.forEach((row, i) => rows.push(cell(TYPES[i] as string, null, row.reduce((s, c) => s + c, 0), pupils * 3)));
  PHASES.forEach((p, j) => rows.push(cell(null, p, counts.reduce((s, row) => s + (row[j] as number), 0), pupils * 3)));
  rows.push(cell(null, null, counts.flat().reduce((s, c) => s + c, 0), pupils * 9));
  return rows;
}

const SPEC: SuppressionSpec = {
  counts: { referrals: ['rate'] },
  denominators: { pupils: ['rate'] },
  rowDimension: 'school_type',
  columnDimension: 'age_phase',
  partition: ['service'],
};

const hiddenCells = (rows: { school_type: string | null; age_phase: string | null; referrals: unknown }[]) =>
  rows.filter((r) => r.referrals === SUPPRESSED).map((r) => `${r.school_type ?? 'all'}/${r.age_phase ?? 'all'}`).sort();

/**
 * Can any hidden interior cell be recovered by adding and subtracting shown figures? For each hidden cell, try every
 * perturbation in {−1, 0, +1} of the hidden cells (interior and margins) that keeps all row and column sums
 * consistent and all values ≥ 0; if none changes that cell, it is recoverable.
 */
function recoverableCells(original: Cell[], shown: { referrals: unknown }[]): string[] {
  const hidden = original.map((_, i) => i).filter((i) => shown[i]?.referrals === SUPPRESSED);
  const key = (r: Cell) => `${r.school_type ?? 'all'}/${r.age_phase ?? 'all'}`;
  const consistent = (values: Map<number, number>) => {
    const v = (r: Cell, i: number) => values.get(i) ?? r.referrals;
    const sum = (pred: (r: Cell) => boolean) => original.reduce((s, r, i) => (pred(r) ? s + v(r, i) : s), 0);
    return original.every((r, i) => {
      if (v(r, i) < 0) return false;
      if (r.school_type === null && r.age_phase !== null) return sum((c) => c.age_phase === r.age_phase && c.school_type !== null) === v(r, i);
      if (r.age_phase === null && r.school_type !== null) return sum((c) => c.school_type === r.school_type && c.age_phase !== null) === v(r, i);
      if (r.age_phase === null && r.school_type === null) return sum((c) => c.school_type !== null && c.age_phase !== null) === v(r, i);
      return true;
    });
  };
  const perturbations: number[][] = [];
  const build = (prefix: number[]) => {
    if (prefix.length === hidden.length) return void perturbations.push(prefix);
    for (const d of [-1, 0, 1]) build([...prefix, d]);
  };
  build([]);
  const feasible = perturbations.filter((p) => p.some((d) => d !== 0))
    .filter((p) => consistent(new Map(hidden.map((i, k) => [i, (original[i] as Cell).referrals + (p[k] as number)]))));
  return hidden.filter((_, k) => !feasible.some((p) => p[k] !== 0)).map((i) => key(original[i] as Cell));
}

describe('validateThreshold', () => {
  it.each([2, 0, -5, 2.5, NaN])('refuses %s', (t) => {
    expect(() => validateThreshold(t)).toThrow(RangeError);
  });
  it.each([3, 5, 10])('accepts %s', (t) => expect(validateThreshold(t)).toBe(t));
  it('defaults to 5', () => expect(validateThreshold()).toBe(5));
  it('threshold 2 is refused by suppressTable too', () => {
    expect(() => suppressTable(table([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), SPEC, 2)).toThrow(RangeError);
  });
});

describe('formatCount', () => {
  it.each<[number | null, number, string]>([
    [0, 5, '0'], [1, 5, 'c'], [4, 5, 'c'], [5, 5, '5'], [12345, 5, '12,345'], [4, 3, '4'], [2, 3, 'c'], [null, 5, 'x'], [NaN, 5, 'x'],
  ])('%s at threshold %s → %s', (n, t, text) => expect(formatCount(n, t)).toBe(text));
});

describe('suppressTable: primary suppression', () => {
  it('hides counts 1–4 and their rates; a true 0 stays 0; 5 is shown', () => {
    const rows = [
      { band: 'a', referrals: 0, rate: 0 }, { band: 'b', referrals: 4, rate: 4 }, { band: 'c', referrals: 5, rate: 5 },
      { band: 'd', referrals: 1, rate: 1 },
    ];
    const out = suppressTable(rows, { counts: { referrals: ['rate'] } });
    expect(out).toEqual([
      { band: 'a', referrals: 0, rate: 0 }, { band: 'b', referrals: 'c', rate: 'c' }, { band: 'c', referrals: 5, rate: 5 },
      { band: 'd', referrals: 'c', rate: 'c' },
    ]);
  });

  it('a denominator below the threshold hides the rate but not a count that is 0 or ≥ 5', () => {
    const out = suppressTable([{ referrals: 0, pupils: 3, rate: 0 }, { referrals: 6, pupils: 4, rate: 1500 }, { referrals: 6, pupils: 0, rate: null }],
      { counts: { referrals: ['rate'] }, denominators: { pupils: ['rate'] } });
    expect(out).toEqual([{ referrals: 0, pupils: 3, rate: 'c' }, { referrals: 6, pupils: 4, rate: 'c' }, { referrals: 6, pupils: 0, rate: null }]);
  });

  it('does not change the input rows', () => {
    const rows = [{ referrals: 2 }];
    suppressTable(rows, { counts: { referrals: [] } });
    expect(rows).toEqual([{ referrals: 2 }]);
  });
});

describe('suppressTable: secondary suppression', () => {
  //            early ks1 ks2 | all
  // primary      3   20   30 |  53
  // secondary    0   12   40 |  52
  // special      6    8   15 |  29
  // all          9   40   85 | 134
  const counts = [[3, 20, 30], [0, 12, 40], [6, 8, 15]];

  it('primary suppression alone would let the hidden cell be recovered from the totals', () => {
    const rows = table(counts);
    const primaryOnly = rows.map((r) => ({ ...r, referrals: r.referrals > 0 && r.referrals < 5 ? SUPPRESSED : r.referrals }));
    expect(recoverableCells(rows, primaryOnly)).toEqual(['primary/early']);
  });

  it('hides the next smallest cell in each row and column until stable', () => {
    const rows = table(counts);
    const out = suppressTable(rows, SPEC);
    // Row "primary": 3 hidden → next smallest 20. Column "early": next smallest positive 6 (the 0 stays 0).
    // Column "ks1": 20 hidden → next smallest 8. Row "special": now 6 and 8 hidden: stable.
    expect(hiddenCells(out)).toEqual(['primary/early', 'primary/ks1', 'special/early', 'special/ks1']);
    expect(out.find((r) => r.school_type === 'secondary' && r.age_phase === 'early')?.referrals).toBe(0);
    expect(recoverableCells(rows, out)).toEqual([]);
    // Rates go with their counts.
    expect(out.filter((r) => r.rate === SUPPRESSED).length).toBe(4);
  });

  it('a small margin total is protected too, and nothing can be recovered', () => {
    //            early ks1 ks2 | all
    // primary      2    1   30 |  33
    // secondary    0    0   40 |  40
    // special      0    0   15 |  15
    // all          2    1   85 |  88   ← the column totals 2 and 1 are small themselves
    const rows = table([[2, 1, 30], [0, 0, 40], [0, 0, 15]]);
    const out = suppressTable(rows, SPEC);
    expect(recoverableCells(rows, out)).toEqual([]);
    expect(out.filter((r) => r.referrals === 0).length).toBe(4);
  });

  it.each([
    [[[3, 20, 30], [4, 12, 40], [6, 8, 15]]],
    [[[1, 1, 1], [1, 1, 1], [50, 60, 70]]],
    [[[0, 7, 30], [0, 3, 40], [2, 8, 0]]],
    [[[9, 9, 9], [9, 4, 9], [9, 9, 9]]],
  ])('no hidden cell is recoverable: %j', (c) => {
    const rows = table(c);
    expect(recoverableCells(rows, suppressTable(rows, SPEC))).toEqual([]);
  });

  it('protects each partition (service) on its own', () => {
    const rows = [...table(counts, 'SLT'), ...table([[10, 20, 30], [11, 12, 40], [6, 8, 15]], 'OT')];
    const out = suppressTable(rows, SPEC);
    expect(out.filter((r) => r.service === 'OT' && r.referrals === SUPPRESSED)).toEqual([]);
    expect(out.filter((r) => r.service === 'SLT' && r.referrals === SUPPRESSED).length).toBe(4);
  });

  it('with one dimension and a total shown elsewhere, hides the next smallest band', () => {
    const rows = [{ band: '0-18', waiting: 10 }, { band: '18-52', waiting: 3 }, { band: '52+', waiting: 7 }, { band: 'x', waiting: 20 }];
    const out = suppressTable(rows, { counts: { waiting: [] }, rowDimension: 'band', columnDimension: null });
    expect(out.map((r) => r.waiting)).toEqual([10, 'c', 'c', 20]);
  });

  it('no grouping and no totals: primary only', () => {
    const rows = [{ urn: 'a', referrals: 3 }, { urn: 'b', referrals: 7 }];
    expect(suppressTable(rows, { counts: { referrals: [] } }).map((r) => r.referrals)).toEqual(['c', 7]);
  });

  it('says why each cell was hidden', () => {
    const plan = planSuppression(table(counts), SPEC);
    const reasons = [...plan.values()].map((m) => m.get('referrals')).filter(Boolean).sort();
    expect(reasons).toEqual(['primary', 'secondary', 'secondary', 'secondary']);
  });

  it('refuses two rows in one cell', () => {
    const rows = [...table(counts), ...table(counts)];
    expect(() => suppressTable(rows, SPEC)).toThrow(/two rows share/);
  });
});
