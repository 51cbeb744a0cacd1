// Recognising direct identifiers (NHS numbers, full UK postcodes, people's names) so that no table loaded, checked
// or written can carry one. The same patterns run in JavaScript (the anonymiser, withholding values from messages)
// and as DuckDB SQL (identifierSql, used by every load: the app's upload, validate, report, to-parquet).

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

/** Columns that hold codes, never words: a person's name there is a child's or a parent's name typed in error. */
export const ID_COLUMNS: ReadonlySet<string> = new Set(['urn', 'school_urn', 'referral_id', 'pupil_pseudo_id']);

// Two or more words of letters ("Jane Smith", "O'Neil-Brown Amy"). One word alone is not taken for a name: codes
// such as Rfaceabe (hex pseudonyms) would be.
const NAME_LIKE = "^[A-Za-z][A-Za-z'.-]*(?: +[A-Za-z][A-Za-z'.-]*)+$";
const NAME_LIKE_RE = new RegExp(NAME_LIKE);

export type IdentifierKind = 'an NHS number' | 'a full postcode' | "a person's name";

/** What kind of direct identifier appears anywhere in `text`, or null. */
export function findIdentifier(text: string): IdentifierKind | null {
  if (/\d{3}/.test(text)) {
    for (const m of text.matchAll(NHS_NUMBER_IN_TEXT)) {
      if (nhsCheckDigitIsValid(`${m[1]}${m[2]}${m[3]}`)) return 'an NHS number';
    }
  }
  return /\d/.test(text) && FULL_POSTCODE_IN_TEXT.test(text) ? 'a full postcode' : null;
}

/** findIdentifier, plus a person's name when `column` is an id column (a code, never words). */
export function findIdentifierIn(column: string, text: string): IdentifierKind | null {
  return findIdentifier(text) ?? (ID_COLUMNS.has(column) && NAME_LIKE_RE.test(text.trim()) ? "a person's name" : null);
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
// RE2 has no look-behind: the boundary is matched as a character (or the start/end) outside the captured group.
const NHS_IN_TEXT_SQL = sqlString('(?:^|[^0-9A-Za-z])(\\d{3}[ -]?\\d{3}[ -]?\\d{4})(?:$|[^0-9A-Za-z])');
const POSTCODE_IN_TEXT_SQL = sqlString(`(?i)(?:^|[^0-9a-z])${POSTCODE}(?:$|[^0-9a-z])`);

/** An RE2 pattern any text holding an NHS number or a full postcode matches (and little else): a cheap first pass.
 * The ten digits must not touch other letters or digits, as in findIdentifier (so the hex of a pseudonym such as
 * P2700616844ba does not send its row to the full checks). */
export const IDENTIFIER_HINT = `(?:^|[^0-9A-Za-z])\\d{3}[ -]?\\d{3}[ -]?\\d{4}(?:$|[^0-9A-Za-z])|(?i)(?:^|[^0-9a-z])${POSTCODE}(?:$|[^0-9a-z])`;

/** SQL: true when the 10-digit text `d` passes modulus 11 (as nhsCheckDigitIsValid). */
function mod11Sql(d: string): string {
  const sum = `list_sum(list_transform(range(9), i -> (ascii(${d}[i + 1]) - 48) * (10 - i)))`;
  return `(CASE 11 - (${sum}) % 11 WHEN 10 THEN false WHEN 11 THEN ${d}[10] = '0' `
    + `ELSE (11 - (${sum}) % 11)::VARCHAR = ${d}[10] END)`;
}

/**
 * SQL giving, for the text expression `v` of column `column`, `say(kind)` for the kind of identifier in it (as
 * findIdentifierIn), or NULL.
 */
export function identifierSql(column: string, v: string, say: (kind: IdentifierKind) => string = sqlString): string {
  const nhs = `len(list_filter(regexp_extract_all(${v}, ${NHS_IN_TEXT_SQL}, 1), `
    + `m -> ${mod11Sql("regexp_replace(m, '[ -]', '', 'g')")})) > 0`;
  const name = ID_COLUMNS.has(column) ? ` WHEN regexp_full_match(trim(${v}), ${sqlString(NAME_LIKE)}) THEN ${say("a person's name")}` : '';
  return `CASE WHEN regexp_matches(${v}, '\\d{3}[ -]?\\d{3}[ -]?\\d{4}') AND ${nhs} THEN ${say('an NHS number')} `
    + `WHEN regexp_matches(${v}, '\\d') AND regexp_matches(${v}, ${POSTCODE_IN_TEXT_SQL}) THEN ${say('a full postcode')}${name} END`;
}
