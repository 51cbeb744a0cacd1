import { describe, expect, it } from 'vitest';
import {
  findIdentifier, isNhsNumber, looksLikeFullPostcode, nhsCheckDigitIsValid, normaliseNhsNumber, pseudonym,
} from '../../pipelines/anonymise/identifiers.ts';

// Modulus 11 by hand: weights 10,9,…,2 on the first nine digits; check = 11 − (sum mod 11); 11 → 0; 10 → invalid.
//   943 476 591|9: 9·10+4·9+3·8+4·7+7·6+6·5+5·4+9·3+1·2 = 90+36+24+28+42+30+20+27+2 = 299; 299 mod 11 = 2; 11−2 = 9 ✓
//   999 000 001|8: 9·10+9·9+9·8 + 1·2 = 90+81+72+2 = 245; 245 mod 11 = 3; 11−3 = 8 ✓
//   999 000 002|6: 243+4 = 247; 247 mod 11 = 5; 11−5 = 6 ✓
//   999 000 005|0: 243+10 = 253; 253 mod 11 = 0; 11−0 = 11 → 0 ✓
//   999 000 006|9: 243+12 = 255; 255 mod 11 = 2; 11−2 = 9 ✓
//   999 000 000|x: 243; 243 mod 11 = 1; 11−1 = 10 → no valid check digit exists for these nine digits
describe('isNhsNumber', () => {
  it.each([
    ['9434765919', 'the NHS Digital worked example'],
    ['943 476 5919', 'spaced 3-3-4'],
    ['943-476-5919', 'hyphenated 3-3-4'],
    [' 9990000018 ', 'surrounding spaces'],
    ['9990000026', 'synthetic 999 range'],
    ['9990000050', 'remainder 0: check digit 11 is written 0'],
    ['999 000 0069', 'synthetic, spaced'],
  ])('accepts %s (%s)', (text) => {
    expect(isNhsNumber(text)).toBe(true);
  });

  it.each([
    ['9434765918', 'check digit should be 9'],
    ['9990000019', 'check digit should be 8'],
    ['9990000051', 'check digit should be 0'],
    ['9990000000', 'remainder 1 needs check digit 10: invalid whatever the last digit'],
    ['9990000001', 'remainder 1 needs check digit 10: invalid whatever the last digit'],
    ['999000001', 'nine digits'],
    ['99900000188', 'eleven digits'],
    ['9434 76 5919', 'spaced 4-2-4'],
    ['94347659I9', 'a letter I among the digits'],
    ['', 'blank'],
  ])('rejects %s (%s)', (text) => {
    expect(isNhsNumber(text)).toBe(false);
  });

  it('normalises spaced and hyphenated forms to ten digits', () => {
    expect(normaliseNhsNumber('943 476 5919')).toBe('9434765919');
    expect(normaliseNhsNumber('943-476-5919')).toBe('9434765919');
    expect(normaliseNhsNumber('94347 65919')).toBeNull();
    expect(nhsCheckDigitIsValid('943 476 5919')).toBe(false); // needs the ten digits alone
  });
});

describe('looksLikeFullPostcode', () => {
  it.each(['SW1A 1AA', 'DA6 8HA', 'sw1a 1aa', 'SW1A1AA', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'W1A 0AX', 'EC1A 1BB', 'GIR 0AA'])(
    'full postcode %s',
    (text) => expect(looksLikeFullPostcode(text)).toBe(true),
  );

  it.each([
    ['DA6', 'outward code only'],
    ['SW1A', 'outward code only'],
    ['1AA', 'inward code only'],
    ['QA1 1AA', 'Q never starts a postcode'],
    ['SW1A 1CA', 'C never appears in an inward code'],
    ['SW1A 1AA extra', 'not the whole value'],
    ['Talk Boost', 'text'],
  ])('not a full postcode: %s (%s)', (text) => expect(looksLikeFullPostcode(text)).toBe(false));
});

describe('findIdentifier (free text)', () => {
  it.each([
    ['Seen with sibling, NHS 999 000 0069', 'an NHS number'],
    ['nhs no.9434765919.', 'an NHS number'],
    ['999-000-0018', 'an NHS number'],
    ['Lives at DA6 8HA with grandparent', 'a full postcode'],
    ['(SW1A 1AA)', 'a full postcode'],
  ])('finds the identifier in %j', (text, kind) => {
    expect(findIdentifier(text)).toBe(kind);
  });

  it.each([
    ['Talk Boost', 'plain text'],
    ['DA6 locality', 'outward code only'],
    ['9434765918', 'ten digits with a wrong check digit'],
    ['99900000188', 'eleven digits'],
    ['2024-09-10', 'a date'],
    ['100001', 'a URN'],
    ['P-9434765919abcdef', 'digits inside a pseudonym'],
    ['R-0123456789012345', 'a pseudonym that happens to be all digits'],
    ['', 'blank'],
  ])('finds nothing in %j (%s)', (text) => {
    expect(findIdentifier(text)).toBeNull();
  });
});

describe('pseudonym', () => {
  const key = new TextEncoder().encode('k'.repeat(32));
  const otherKey = new TextEncoder().encode('q'.repeat(32));

  it('is stable for the same key, kind and value', () => {
    expect(pseudonym(key, 'pupil', 'nhs:9990000018')).toBe(pseudonym(key, 'pupil', 'nhs:9990000018'));
  });

  it('differs with the key, the kind and the value', () => {
    const base = pseudonym(key, 'pupil', 'nhs:9990000018');
    expect(pseudonym(otherKey, 'pupil', 'nhs:9990000018')).not.toBe(base);
    expect(pseudonym(key, 'pupil', 'nhs:9990000026')).not.toBe(base);
    expect(pseudonym(key, 'referral', 'nhs:9990000018').slice(2)).not.toBe(base.slice(2));
  });

  it('is a prefix and 16 hex digits that do not contain the value', () => {
    expect(pseudonym(key, 'pupil', 'nhs:9990000018')).toMatch(/^P-[0-9a-f]{16}$/);
    expect(pseudonym(key, 'referral', 'LOC-1001')).toMatch(/^R-[0-9a-f]{16}$/);
  });

  it('is HMAC-SHA256 of kind, unit separator and value (checked against an independent computation)', async () => {
    const subtle = globalThis.crypto.subtle;
    const hmacKey = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = new Uint8Array(await subtle.sign('HMAC', hmacKey, new TextEncoder().encode('referral\u001fLOC-1001')));
    const hex = [...mac].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(pseudonym(key, 'referral', 'LOC-1001')).toBe(`R-${hex.slice(0, 16)}`);
  });
});
