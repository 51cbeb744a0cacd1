// The one disclosure gate (METHODS §7). Every count of children that any view, download or `report` shows comes
// out of here: the analytics layer receives counts only as sealed Cells (see cell.ts), can read a count only by
// asking the gate, and hands views a Published<T>, which only the gate constructs. So every derived figure — a
// rate, an interval, a comparison, an SPC mean, a % within 18 weeks, an explanation — is computed from the count as
// published, and subtracting one output from another can never give back a child's exact count.
//
// Two modes. "shareable" (the default, and the only mode a URL can carry): cell-key perturbation, 1–4 shown as
// "c". "exact" (an analyst who owns the data, choosing it each time): true counts, no "c"; every screen and
// download is then marked "EXACT — contains small numbers — not for sharing".
import { perturbedCount } from './cell-key.ts';
import { Cell, isCell, unseal } from './cell.ts';

export type DisclosureMode = 'shareable' | 'exact';
export const DEFAULT_DISCLOSURE_MODE: DisclosureMode = 'shareable';
export const EXACT_MARK = 'EXACT — contains small numbers — not for sharing';
export const SHAREABLE_MARK = 'Shareable — small numbers protected (cell-key perturbation)';

declare const PUBLISHED: unique symbol;
/** A figure that has passed the gate. Views and `report` accept only these. */
export type Published<T> = T & { readonly [PUBLISHED]: true };

export interface Gate {
  readonly mode: DisclosureMode;
  /** Counts from 1 to threshold − 1 are shown as "c" (shareable mode). */
  readonly threshold: number;
  /** The count as shown: 0, "c", or the perturbed count (the true count in exact mode). */
  count(cell: Cell): number | 'c';
  /** The number derived figures are computed from: the shown count, or null when it is "c". */
  value(cell: Cell): number | null;
  /** Counts shown as numbers, for figures that need all of them (null when any is "c"). */
  values(cells: readonly Cell[]): number[] | null;
  /** Marks a finished figure as published; refuses one that still holds an unread Cell. */
  publish<T>(figure: T): Published<T>;
}

export function createGate(mode: DisclosureMode, threshold: number): Gate {
  const count = (cell: Cell): number | 'c' => {
    const { n, key } = unseal(cell);
    return mode === 'exact' ? n : perturbedCount(n, key, threshold);
  };
  const value = (cell: Cell): number | null => {
    const shown = count(cell);
    return shown === 'c' ? null : shown;
  };
  return {
    mode, threshold, count, value,
    values: (cells) => {
      const out = cells.map(value);
      return out.every((v): v is number => v !== null) ? out : null;
    },
    publish: <T>(figure: T): Published<T> => {
      assertNoCells(figure, 'figure');
      return figure as Published<T>;
    },
  };
}

function assertNoCells(figure: unknown, root: string): void {
  const path = cellPath(figure, new Set<unknown>());
  if (path !== null) throw new Error(`Disclosure gate: ${root}${path} is a count that was never published.`);
}

/** Where inside `value` an unread Cell is ('' for value itself, '[3].n' below it), or null when there is none. The
 * path is built only for the Cell found (a figure has thousands of values: naming each on the way down cost a
 * filter change several milliseconds). */
function cellPath(value: unknown, seen: Set<unknown>): string | null {
  if (isCell(value)) return '';
  if (value === null || typeof value !== 'object' || seen.has(value)) return null;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const below = cellPath(value[i], seen);
      if (below !== null) return `[${i}]${below}`;
    }
    return null;
  }
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    const below = cellPath((value as Record<string, unknown>)[k], seen);
    if (below !== null) return `.${k}${below}`;
  }
  return null;
}
