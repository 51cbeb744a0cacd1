// Pupils on roll by year group for each kind of setting, sized so the default area matches METHODS.md §9
// (about 43,000 pupils aged 4–18: primary 50.7%, secondary 46.0%, special 1.7%, independent 1.7%, AP 0.05%).
// A roll is an array over YEAR_GROUPS (N1, N2, R, 1 … 14).
import { YEAR_GROUPS, type SchoolPhase } from '../../src/contract/index.ts';
import type { SchoolKind } from './parameters.ts';
import type { Random } from './random.ts';

export const YG = { N1: 0, N2: 1, R: 2, Y1: 3, Y6: 8, Y7: 9, Y11: 13, Y12: 14, Y13: 15, Y14: 16 } as const;

export interface RollPlan {
  readonly phase: SchoolPhase;
  readonly rolls: number[];
}

/** Year groups from..to (indexes, inclusive), each about `mean` pupils. */
function span(rng: Random, from: number, to: number, mean: number): number[] {
  const rolls = new Array<number>(YEAR_GROUPS.length).fill(0);
  for (let i = from; i <= to; i++) rolls[i] = Math.max(1, Math.round(mean * rng.uniform(0.85, 1.15)));
  return rolls;
}

/** A primary of `formsOfEntry` classes of 30 a year, optionally with a nursery class (N2). */
export function primaryRolls(rng: Random, formsOfEntry: number, nurseryClass: boolean): number[] {
  const rolls = new Array<number>(YEAR_GROUPS.length).fill(0);
  const places = formsOfEntry * 30;
  const fill = rng.uniform(0.86, 1);
  for (let i = YG.R; i <= YG.Y6; i++) rolls[i] = Math.min(places, Math.round(places * fill * rng.uniform(0.96, 1.04)));
  if (nurseryClass) rolls[YG.N2] = Math.round(formsOfEntry * 20 * rng.uniform(0.7, 1));
  return rolls;
}

/** `n` values in fixed shares (largest remainder), shuffled: schools differ in size but the area's total stays on
 * the §9 calibration whatever the seed. */
export function apportion<T>(rng: Random, n: number, values: readonly T[], shares: readonly number[]): T[] {
  const exact = shares.map((s) => s * n);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < n; k++) {
    const i = order[k % order.length]?.[1] ?? 0;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return rng.shuffle(values.flatMap((v, i) => new Array<T>(counts[i] ?? 0).fill(v)));
}

/** Sizes of the area's ordinary primaries: forms of entry, and whether each has a nursery class. */
export function primarySizes(rng: Random, n: number): { formsOfEntry: number; nurseryClass: boolean }[] {
  const forms = apportion(rng, n, [1, 1.5, 2, 3], [0.3, 0.1, 0.4, 0.2]);
  const nursery = apportion(rng, n, [true, false], [0.4, 0.6]);
  return forms.map((formsOfEntry, i) => ({ formsOfEntry, nurseryClass: nursery[i] ?? false }));
}

/** Sizes of the area's secondaries: admission number and whether each has a sixth form. */
export function secondarySizes(rng: Random, n: number): { admissions: number; sixthForm: boolean }[] {
  const admissions = apportion(rng, n, [180, 210, 240, 270], [0.25, 0.25, 0.25, 0.25]);
  const sixthForm = apportion(rng, n, [true, false], [0.85, 0.15]);
  return admissions.map((a, i) => ({ admissions: a, sixthForm: sixthForm[i] ?? true }));
}

export function secondaryRolls(rng: Random, admissions: number, sixthForm: boolean): number[] {
  const rolls = span(rng, YG.Y7, YG.Y11, admissions * rng.uniform(0.88, 1));
  if (sixthForm) {
    rolls[YG.Y12] = Math.round(admissions * rng.uniform(0.45, 0.65));
    rolls[YG.Y13] = Math.round((rolls[YG.Y12] ?? 0) * rng.uniform(0.85, 0.95));
  }
  return rolls;
}

const SPECIAL: readonly [SchoolPhase, number, number, number][] = [
  ['all_through', YG.N2, YG.Y14, 13],
  ['primary', YG.N2, YG.Y6, 15],
  ['secondary', YG.Y7, YG.Y14, 25],
  ['all_through', YG.R, YG.Y14, 14],
];
const INDEPENDENT: readonly [SchoolPhase, number, number, number][] = [
  ['all_through', YG.R, YG.Y13, 30],
  ['primary', YG.N1, YG.Y6, 26],
  ['secondary', YG.Y7, YG.Y13, 38],
  ['all_through', YG.N2, YG.Y13, 10],
];
const COLLEGE: readonly [number, number, number][] = [[560, 520, 220], [380, 350, 20]];

/** The roll plan of the `ordinal`-th special school, independent school, AP, nursery or college (templates cycle
 * so every area gets a mix); primaries and secondaries are sized from primarySizes and secondarySizes. */
export function rollPlan(rng: Random, kind: Exclude<SchoolKind, 'primary' | 'secondary'>, ordinal: number): RollPlan {
  switch (kind) {
    case 'special':
    case 'independent': {
      const [phase, from, to, mean] = (kind === 'special' ? SPECIAL : INDEPENDENT)[ordinal % 4] ?? ['primary', 2, 8, 10];
      return { phase, rolls: span(rng, from, to, mean) };
    }
    case 'alternative_provision': {
      const rolls = new Array<number>(YEAR_GROUPS.length).fill(0);
      [1, 2, 4, 7, 10].forEach((n, i) => { rolls[YG.Y7 + i] = Math.max(0, n + rng.int(-1, 1)); });
      rolls[YG.Y11] = Math.max(1, rolls[YG.Y11] ?? 1);
      return { phase: 'secondary', rolls };
    }
    case 'early_years': {
      const rolls = new Array<number>(YEAR_GROUPS.length).fill(0);
      rolls[YG.N1] = rng.int(10, 30);
      rolls[YG.N2] = rng.int(20, 45);
      return { phase: 'early_years', rolls };
    }
    case 'college': {
      const rolls = new Array<number>(YEAR_GROUPS.length).fill(0);
      const sizes = COLLEGE[ordinal % COLLEGE.length] ?? [300, 280, 20];
      sizes.forEach((n, i) => { rolls[YG.Y12 + i] = Math.round(n * rng.uniform(0.9, 1.1)); });
      return { phase: 'post16', rolls };
    }
  }
}
