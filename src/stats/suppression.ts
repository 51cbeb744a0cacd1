// The symbols and the threshold of disclosure control (METHODS §7), for formatting. The control itself — cell-key
// perturbation of every count of children, with 1–4 shown as "c" — is src/disclosure, the one gate every published
// number passes; secondary suppression is no longer needed (perturbation protects every cell, totals included).
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
