// Recognising direct identifiers (NHS numbers, full UK postcodes) so no output file can carry one, and making the
// keyed pseudonyms that replace them.
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

const NHS_NUMBER = /^(\d{3})[ -]?(\d{3})[ -]?(\d{4})$/;
// In free text: 10 digits, or 3-3-4 with spaces or hyphens, not touching other letters or digits (so the hex of a
// pseudonym such as P-0123456789abcdef is never taken for one).
const NHS_NUMBER_IN_TEXT = /(?<![0-9A-Za-z])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![0-9A-Za-z])/g;

/** Modulus 11: weights 10 down to 2 on the first nine digits; 11 − (sum mod 11) is the check digit, 11 means 0 and
 * 10 means the number is not valid. */
export function nhsCheckDigitIsValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** The ten digits of an NHS number written as 10 digits or 3-3-4 with spaces or hyphens, or null. */
export function normaliseNhsNumber(text: string): string | null {
  const m = NHS_NUMBER.exec(text.trim());
  return m ? `${m[1]}${m[2]}${m[3]}` : null;
}

/** True for a whole value that is an NHS number with a valid check digit (e.g. 943 476 5919). */
export function isNhsNumber(text: string): boolean {
  const digits = normaliseNhsNumber(text);
  return digits !== null && nhsCheckDigitIsValid(digits);
}

// Full postcodes only (outward and inward code), with the letters Royal Mail allows in each position:
// A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA, and GIR 0AA. An outward code alone (DA6) is not enough to
// identify anyone and is allowed.
const OUTWARD = '(?:[A-PR-UWYZ](?:\\d{1,2}|\\d[A-HJKPSTUW]|[A-HK-Y]\\d{1,2}|[A-HK-Y]\\d[ABEHMNPRVWXY]))';
const INWARD = '\\d[ABD-HJLNP-UW-Z]{2}';
const POSTCODE = `(?:GIR ?0AA|${OUTWARD} {0,2}${INWARD})`;
const FULL_POSTCODE = new RegExp(`^${POSTCODE}$`, 'i');
const FULL_POSTCODE_IN_TEXT = new RegExp(`(?<![0-9A-Za-z])${POSTCODE}(?![0-9A-Za-z])`, 'i');

export function looksLikeFullPostcode(text: string): boolean {
  return FULL_POSTCODE.test(text.trim());
}

export type IdentifierKind = 'an NHS number' | 'a full postcode';

/** What kind of direct identifier appears anywhere in `text`, or null. */
export function findIdentifier(text: string): IdentifierKind | null {
  if (/\d{3}/.test(text)) {
    for (const m of text.matchAll(NHS_NUMBER_IN_TEXT)) {
      if (nhsCheckDigitIsValid(`${m[1]}${m[2]}${m[3]}`)) return 'an NHS number';
    }
  }
  return /\d/.test(text) && FULL_POSTCODE_IN_TEXT.test(text) ? 'a full postcode' : null;
}

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
