// The cell key method and the gate (METHODS §7): reference values from METHODS, worked by hand, and properties
// checked over many random cells (a seeded generator, so a failure can be replayed).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  Cell, cellSum, combineKeys, countQuery, createGate, PERTURBATION_TABLE, perturbation, perturbedCount, sealRow,
} from '../../../src/disclosure/index.ts';

const key = (id: string) => createHash('sha256').update(id, 'utf8').digest()[0] as number;
const cellOf = (ids: readonly string[]) => Cell.seal(ids.length, combineKeys(ids.map(key)));

describe('cell key method: METHODS §7 reference values', () => {
  it('gives R-000001 … R-000006 the record keys 161, 209, 222, 132, 221, 9', () => {
    expect(['R-000001', 'R-000002', 'R-000003', 'R-000004', 'R-000005', 'R-000006'].map(key)).toEqual([161, 209, 222, 132, 221, 9]);
  });

  it('publishes the cell of all six as 7 (ck 186, d +1)', () => {
    const ids = ['R-000001', 'R-000002', 'R-000003', 'R-000004', 'R-000005', 'R-000006'];
    expect(combineKeys(ids.map(key))).toBe(186);
    expect(perturbation(186)).toBe(1);
    expect(createGate('shareable', 5).count(cellOf(ids))).toBe(7);
  });

  it('publishes R18f69ff0, R40dec3e0, R-000001 … R-000003 as 5 (ck 55, d −1, floor 5)', () => {
    const ids = ['R18f69ff0', 'R40dec3e0', 'R-000001', 'R-000002', 'R-000003'];
    expect(ids.slice(0, 2).map(key)).toEqual([27, 204]);
    expect(combineKeys(ids.map(key))).toBe(55);
    expect(createGate('shareable', 5).count(cellOf(ids))).toBe(5);
  });

  it('has a perturbation table covering 0–255 once, with mean 0 and variance 1.21', () => {
    const ds = Array.from({ length: 256 }, (_, ck) => perturbation(ck));
    expect(PERTURBATION_TABLE.reduce((n, [lo, hi]) => n + hi - lo + 1, 0)).toBe(256);
    const mean = ds.reduce((s, d) => s + d, 0) / 256;
    expect(mean).toBe(0);
    expect(ds.reduce((s, d) => s + d * d, 0) / 256).toBeCloseTo(1.2109, 4);
    expect(() => perturbation(256)).toThrow(RangeError);
  });
});

/** A small seeded generator (mulberry32) so property failures replay. */
function random(seed: number) {
  let a = seed;
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the gate: properties over 20,000 random cells', () => {
  const next = random(20261202);
  const cells = Array.from({ length: 20000 }, () => ({ n: Math.floor(next() * 40), key: Math.floor(next() * 256) }));
  const gate = createGate('shareable', 5);

  it('never shows a count from 1 to 4; shows 1–4 as "c"; keeps a true 0 as 0', () => {
    for (const { n, key: k } of cells) {
      const shown = gate.count(Cell.seal(n, k));
      if (n === 0) expect(shown).toBe(0);
      else if (n < 5) expect(shown).toBe('c');
      else {
        expect(typeof shown === 'number' && shown >= 5).toBe(true);
        expect(Math.abs((shown as number) - n)).toBeLessThanOrEqual(2);
      }
    }
  });

  it('gives the same cell the same value every time, however the cell was put together', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `R-${1000 + i}`);
    const whole = gate.count(cellOf(ids));
    // The same records split into parts and added back (a pool of schools, a quarter of months) publish the same.
    const parts = [ids.slice(0, 7), ids.slice(7, 19), ids.slice(19)].map(cellOf);
    expect(gate.count(cellSum(parts))).toBe(whole);
    expect(gate.count(cellSum([...parts].reverse()))).toBe(whole);
    expect(createGate('shareable', 5).count(cellOf([...ids].reverse()))).toBe(whole);
  });

  it('perturbs by the published table: d = shown − n matches the cell key', () => {
    for (const { n, key: k } of cells.filter((c) => c.n >= 8)) expect(perturbedCount(n, k, 5)).toBe(n + perturbation(k));
  });

  it('shows the true count in exact mode, with no "c"', () => {
    const exact = createGate('exact', 5);
    for (const { n, key: k } of cells.slice(0, 500)) expect(exact.count(Cell.seal(n, k))).toBe(n);
  });

  it('works out derived figures only from published counts (value is the shown count, null for "c")', () => {
    expect(gate.value(Cell.seal(3, 10))).toBeNull();
    expect(gate.value(Cell.seal(0, 0))).toBe(0);
    const c = Cell.seal(20, 250);
    expect(gate.value(c)).toBe(gate.count(c));
  });
});

describe('a Cell cannot leak', () => {
  it('refuses to be written as JSON and prints no number', () => {
    const c = Cell.seal(3, 77);
    expect(() => JSON.stringify({ referrals: c })).toThrow(/disclosure gate/);
    expect(String(c)).toBe('[count]');
    expect(Object.keys(c)).toEqual([]);
  });

  it('is refused by publish() when a figure still holds one', () => {
    const gate = createGate('shareable', 5);
    expect(() => gate.publish({ rows: [{ referrals: Cell.seal(9, 1) }] })).toThrow(/figure\.rows\[0\]\.referrals/);
    expect(gate.publish({ rows: [{ referrals: 9 }] })).toEqual({ rows: [{ referrals: 9 }] });
  });

  it('is what the analytics runner gives for every column with a cell key, the keys dropped', async () => {
    const row = sealRow({ service: 'SLT', referrals: 12, referrals_ckey: 200, pupils: 100 });
    expect(Object.keys(row).sort()).toEqual(['pupils', 'referrals', 'service']);
    expect(row.referrals).toBeInstanceOf(Cell);
    expect(createGate('shareable', 5).count(row.referrals)).toBe(12 + perturbation(200));
    const run = countQuery(async () => [{ service: 'OT', referrals: 4, referrals_ckey: 9 }] as never);
    const [sealed] = await run('referral-rates-by-type-phase', []);
    expect(createGate('shareable', 5).count(sealed?.referrals as Cell)).toBe('c');
  });
});
