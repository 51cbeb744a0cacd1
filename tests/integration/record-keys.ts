// The cell key method worked by hand from METHODS §7, with Node's own SHA-256 (not the SQL or the gate under test):
// record key = first byte of SHA-256(referral_id); cell key = Σ keys mod 256; d from the published table.
import { createHash } from 'node:crypto';

export const recordKey = (id: string) => createHash('sha256').update(id, 'utf8').digest()[0] as number;

export function cellKeyByHand(ids: readonly string[]): number {
  return ids.reduce((sum, id) => sum + recordKey(id), 0) % 256;
}

/** The published count of the cell holding exactly these records, at threshold 5. */
export function publishedByHand(ids: readonly string[], threshold = 5): number | 'c' {
  const n = ids.length;
  if (n === 0) return 0;
  if (n < threshold) return 'c';
  const ck = cellKeyByHand(ids);
  const d = ck <= 25 ? -2 : ck <= 76 ? -1 : ck <= 178 ? 0 : ck <= 229 ? 1 : 2;
  return Math.max(threshold, n + d);
}
