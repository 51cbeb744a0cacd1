// Disclosure control for small numbers (METHODS §7), applied in one place so every view, tooltip, table and
// export shows the same cells as "c". Rates and intervals are computed from unrounded counts before this runs.
//
// Primary suppression: a count of 1 to threshold − 1 is shown as "c" (a true 0 stays 0), with every column derived
// from it (rate, interval, comparison). A rate is also suppressed when its denominator is below the threshold.
// Secondary suppression: wherever a total is shown, a line (row or column of the grouping) with exactly one hidden
// cell could be recovered by subtraction, so the next smallest cell in that line is hidden too; repeat until no
// line has exactly one hidden member. A line counts its total cell as a member when the total is a row of the
// table (a margin), because a hidden total with all its cells shown is recovered by addition.
import { formatNumber } from './comparison.ts';

export const SUPPRESSED = 'c';
/** The other GSS symbols, for views that need them. */
export const GSS_SYMBOLS = { confidential: 'c', unavailable: 'x', notApplicable: 'z', low: 'low' } as const;
export const DEFAULT_THRESHOLD = 5;
export const MIN_THRESHOLD = 3;

/** The suppression threshold in force: default 5; anything below 3 or not a whole number is refused. */
export function validateThreshold(threshold: number = DEFAULT_THRESHOLD): number {
  if (!Number.isInteger(threshold) || threshold < MIN_THRESHOLD) {
    throw new RangeError(`Suppression threshold must be a whole number of at least ${MIN_THRESHOLD}; got ${threshold}.`);
  }
  return threshold;
}

/** Is this count hidden by primary suppression? Counts of 1 to threshold − 1; never 0. */
export function isSmallCount(n: unknown, threshold: number = DEFAULT_THRESHOLD): boolean {
  return typeof n === 'number' && n > 0 && n < threshold;
}

/** A count as shown to users: "c" for 1–4 (at the default), "0" for a true zero, "x" when unavailable. */
export function formatCount(n: number | null | undefined, threshold: number = DEFAULT_THRESHOLD): string {
  validateThreshold(threshold);
  if (n === null || n === undefined || !Number.isFinite(n)) return GSS_SYMBOLS.unavailable;
  if (isSmallCount(n, threshold)) return SUPPRESSED;
  return formatNumber(Math.round(n), 0);
}

export interface SuppressionSpec {
  /** Each count column → the columns derived from it (rates, intervals, proportions) hidden along with it. */
  readonly counts: Readonly<Record<string, readonly string[]>>;
  /** Each denominator column → the columns hidden when the denominator is below the threshold. */
  readonly denominators?: Readonly<Record<string, readonly string[]>>;
  /** Grouping for secondary suppression, e.g. 'school_type' × 'age_phase'; null/absent = no such dimension. */
  readonly rowDimension?: string | null;
  readonly columnDimension?: string | null;
  /** Columns splitting the rows into separate tables (e.g. service); each table is protected on its own. */
  readonly partition?: readonly string[];
  /**
   * Whether each line's total is shown (as a margin row here, or elsewhere in the product). Default: true when a
   * dimension is given (the safe choice), false when none is (a plain list; true makes the whole table one line).
   */
  readonly totalsShown?: boolean;
  /** The dimension value that marks a margin (total) row; default null (e.g. school_type null = all types). */
  readonly totalValue?: unknown;
}

export type SuppressedRow<R> = { [K in keyof R]: R[K] | typeof SUPPRESSED };

export type SuppressionReason = 'primary' | 'secondary' | 'derived' | 'denominator';

interface Line { members: number[]; total: number | 'implicit' | null }

const TOTAL_KEY = '\u0000total';

/** Which cells of which rows are hidden, and why (row index → column → reason). */
export function planSuppression<R extends object>(
  rows: readonly R[], spec: SuppressionSpec, threshold: number = DEFAULT_THRESHOLD,
): Map<number, Map<string, SuppressionReason>> {
  validateThreshold(threshold);
  const plan = new Map<number, Map<string, SuppressionReason>>();
  const mark = (i: number, column: string, reason: SuppressionReason) => {
    const cols = plan.get(i) ?? new Map<string, SuppressionReason>();
    if (!cols.has(column)) cols.set(column, reason);
    plan.set(i, cols);
  };
  const lines = buildLines(rows, spec);
  for (const [count, derived] of Object.entries(spec.counts)) {
    const values = rows.map((r) => (r as Record<string, unknown>)[count]);
    const primary = new Set(values.flatMap((v, i) => (isSmallCount(v, threshold) ? [i] : [])));
    const hidden = protectLines(lines, values, primary);
    for (const i of hidden) {
      mark(i, count, primary.has(i) ? 'primary' : 'secondary');
      derived.forEach((column) => mark(i, column, 'derived'));
    }
  }
  for (const [denominator, derived] of Object.entries(spec.denominators ?? {})) {
    rows.forEach((r, i) => {
      const d = (r as Record<string, unknown>)[denominator];
      if (typeof d === 'number' && d < threshold) derived.forEach((column) => mark(i, column, 'denominator'));
    });
  }
  return plan;
}

/** The rows with hidden cells replaced by "c". Missing values (null, NaN) stay as they are: nothing to hide. */
export function suppressTable<R extends object>(
  rows: readonly R[], spec: SuppressionSpec, threshold: number = DEFAULT_THRESHOLD,
): SuppressedRow<R>[] {
  const plan = planSuppression(rows, spec, threshold);
  return rows.map((row, i) => {
    const columns = plan.get(i);
    if (!columns) return { ...row };
    const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    for (const column of columns.keys()) {
      const v = out[column];
      const missing = v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
      if (!missing) out[column] = SUPPRESSED;
    }
    return out as SuppressedRow<R>;
  });
}

/** Secondary suppression on one count column: add cells until no line with a known total has one hidden member. */
function protectLines(lines: readonly Line[], values: readonly unknown[], primary: ReadonlySet<number>): Set<number> {
  const hidden = new Set(primary);
  const size = (i: number) => (typeof values[i] === 'number' ? (values[i] as number) : NaN);
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (line.total === null) continue;
      const explicitTotal = typeof line.total === 'number' ? line.total : null;
      const unknowns = line.members.filter((i) => hidden.has(i)).length + (explicitTotal !== null && hidden.has(explicitTotal) ? 1 : 0);
      if (unknowns !== 1) continue;
      const complement = chooseComplement(line.members, explicitTotal, hidden, size);
      if (complement !== null) {
        hidden.add(complement);
        changed = true;
      }
    }
  }
  return hidden;
}

/** Next smallest shown cell with a positive count; else the line's total row; else a zero (so a true 0 stays 0 when possible). */
function chooseComplement(
  members: readonly number[], total: number | null, hidden: ReadonlySet<number>, size: (i: number) => number,
): number | null {
  const shown = members.filter((i) => !hidden.has(i) && Number.isFinite(size(i)));
  const bySize = (a: number, b: number) => size(a) - size(b) || a - b;
  const positive = shown.filter((i) => size(i) > 0).sort(bySize);
  if (positive.length) return positive[0] as number;
  if (total !== null && !hidden.has(total) && size(total) > 0) return total;
  return shown.sort(bySize)[0] ?? null;
}

/** The lines (rows and columns of each partition's grid) whose totals could reveal a hidden cell. */
function buildLines<R extends object>(rows: readonly R[], spec: SuppressionSpec): Line[] {
  const rowDim = spec.rowDimension ?? null;
  const colDim = spec.columnDimension ?? null;
  const totalsShown = spec.totalsShown ?? (rowDim !== null || colDim !== null);
  const get = (r: R, column: string) => (r as Record<string, unknown>)[column];
  const part = (r: R) => JSON.stringify((spec.partition ?? []).map((p) => get(r, p) ?? null));
  if (rowDim === null && colDim === null) {
    // A plain list: one line per partition, constrained only if its total is shown somewhere.
    return totalsShown ? [...groupBy(rows.map((r, i) => ({ i, id: part(r) }))).values()].map((members) => ({ members, total: 'implicit' as const })) : [];
  }
  const dimKey = (r: R, dim: string | null) => {
    if (dim === null) return '';
    const v = get(r, dim);
    return v === (spec.totalValue ?? null) ? TOTAL_KEY : JSON.stringify(v ?? null);
  };
  const cells = rows.map((r, i) => ({ i, partition: part(r), row: dimKey(r, rowDim), col: dimKey(r, colDim) }));
  const seen = new Set<string>();
  for (const c of cells) {
    const key = JSON.stringify([c.partition, c.row, c.col]);
    if (seen.has(key)) throw new Error(`Suppression: two rows share the cell ${key}; add the column that tells them apart to the partition.`);
    seen.add(key);
  }
  const lines: Line[] = [];
  // A line holds one partition and one value of a dimension fixed; its total is the cell where the other is TOTAL.
  const across = (fixed: 'row' | 'col', varying: 'row' | 'col') => {
    const groups = new Map<string, { members: number[]; total: number | null }>();
    for (const c of cells) {
      const id = JSON.stringify([c.partition, c[fixed]]);
      const group = groups.get(id) ?? { members: [], total: null };
      if (c[varying] === TOTAL_KEY) group.total = c.i;
      else group.members.push(c.i);
      groups.set(id, group);
    }
    for (const g of groups.values()) lines.push({ members: g.members, total: g.total ?? (totalsShown ? 'implicit' : null) });
  };
  if (colDim !== null) across('row', 'col');
  if (rowDim !== null) across('col', 'row');
  return lines;
}

function groupBy(items: readonly { i: number; id: string }[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const { i, id } of items) groups.set(id, [...(groups.get(id) ?? []), i]);
  return groups;
}
