// Keyed pseudonyms that replace identifiers; recognising the identifiers themselves lives with the contract
// (src/contract/identifiers.ts), so every load path scans for them the same way.
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

export {
  findIdentifier, findIdentifierIn, isNhsNumber, looksLikeFullPostcode, nhsCheckDigitIsValid, normaliseNhsNumber,
  type IdentifierKind,
} from '../../src/contract/identifiers.ts';
export type PseudonymKind = 'pupil' | 'referral';
const PREFIX: Record<PseudonymKind, string> = { pupil: 'P-', referral: 'R-' };

/** The length of the hex part: 64 bits, so a million referrals collide with odds of about 1 in 37 million. */
export const PSEUDONYM_HEX_LENGTH = 16;

// Importing the key once per key, not once per value, roughly halves the cost of a pseudonym.
const secretKeys = new WeakMap<Uint8Array, KeyObject>();
function secretKeyOf(key: Uint8Array): KeyObject {
  let secret = secretKeys.get(key);
  if (!secret) {
    secret = createSecretKey(key);
    secretKeys.set(key, secret);
  }
  return secret;
}

/**
 * A keyed pseudonym: HMAC-SHA256 under the partnership's secret key of the kind and the value. The same value under
 * the same key always gives the same pseudonym; without the key it cannot be reversed or recomputed from a guess.
 */
export function pseudonym(key: Uint8Array, kind: PseudonymKind, value: string): string {
  const mac = createHmac('sha256', secretKeyOf(key)).update(`${kind}\u001f${value}`, 'utf8').digest('hex');
  return `${PREFIX[kind]}${mac.slice(0, PSEUDONYM_HEX_LENGTH)}`;
}
