// The cell key method (METHODS §7, as the ONS uses for Census 2021 custom tables and the ABS for TableBuilder).
// Every referral carries a record key (0–255: the first byte of SHA-256 of its referral_id, computed in SQL when the
// data is loaded; a school-level count such as pupils_slcn uses SHA-256 of "urn:column"). A cell's key is the sum
// of its records' keys mod 256, so the same set of children always gives the same key, and so the same published
// value, whichever view, filter, export or `report` produced the cell. The perturbation table below maps the cell
// key to a small change d with mean 0: repeating or rephrasing a query reveals nothing new, and subtracting one
// published figure from another gives a number that is off by a few, never a child's exact count.

/** [first cell key, last cell key, perturbation]: mean 0, variance 1.21 over the 256 keys. */
export const PERTURBATION_TABLE: readonly (readonly [number, number, number])[] = [
  [0, 25, -2],
  [26, 76, -1],
  [77, 178, 0],
  [179, 229, 1],
  [230, 255, 2],
];

/** The perturbation for a cell key (0–255). */
export function perturbation(cellKey: number): number {
  if (!Number.isInteger(cellKey) || cellKey < 0 || cellKey > 255) throw new RangeError(`A cell key is a whole number 0–255; got ${cellKey}.`);
  for (const [low, high, d] of PERTURBATION_TABLE) if (cellKey >= low && cellKey <= high) return d;
  throw new RangeError(`No perturbation for cell key ${cellKey}.`);
}

/** Adds record keys (or cell keys) into one cell key: the sum mod 256. */
export function combineKeys(keys: readonly number[]): number {
  let sum = 0;
  for (const k of keys) sum = (sum + k) % 256;
  return sum;
}

/**
 * The published count: a true 0 stays 0; 1 to threshold − 1 → "c"; otherwise max(threshold, n + d). Never a value
 * between 1 and threshold − 1, so a shown count can never be one of the small numbers.
 */
export function perturbedCount(n: number, cellKey: number, threshold: number): number | 'c' {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`A count is a whole number ≥ 0; got ${n}.`);
  if (n === 0) return 0;
  if (n < threshold) return 'c';
  return Math.max(threshold, n + perturbation(cellKey));
}
