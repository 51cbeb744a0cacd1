/*
 * The raw referrals extract that `anonymise` reads
 * =================================================
 * One CSV of referrals exported from the therapy provider's case-management system: one row per referral, a
 * header line naming the columns (any order, any letter case, spaces or hyphens read as underscores, so "NHS Number"
 * is nhs_number; UTF-8, with or without a BOM; CRLF or LF). Dates are yyyy-mm-dd or dd/mm/yyyy. Given as a folder,
 * IN holds this file as referrals-extract.csv beside schools.csv, provision.csv and (optionally) workforce.csv.
 *
 * | column             | needed                                | what happens to it                                     |
 * |--------------------|---------------------------------------|--------------------------------------------------------|
 * | nhs_number         | column required; cell may be blank    | dropped; keys pupil_pseudo_id (10 digits, spaces or    |
 * |                    |                                       | hyphens allowed, check digit must be valid)            |
 * | forename           | when any nhs_number is blank          | dropped; with surname and date_of_birth keys           |
 * | surname            | when any nhs_number is blank          |   pupil_pseudo_id when nhs_number is blank             |
 * | date_of_birth      | column required; cell may be blank    | dropped; gives year_group (and age_at_referral when    |
 * |                    | only if year_group and nhs_number are |   the child is outside N1–Year 14)                     |
 * |                    | given                                 |                                                        |
 * | postcode           | optional                              | dropped, never read                                    |
 * | address_line_1, …  | optional (address_line_2, … too)      | dropped, never read                                    |
 * | referral_id        | required                              | the provider's own referral id; becomes a keyed        |
 * |                    |                                       |   pseudonym R-xxxxxxxxxxxxxxxx                         |
 * | school_urn         | required                              | copied; must be in schools.csv when IN is a folder     |
 * | service            | required                              | copied: SLT or OT                                      |
 * | referral_date      | required                              | copied                                                 |
 * | referral_source    | required                              | copied: school, parent, gp, health_visitor,            |
 * |                    |                                       |   social_care or other                                 |
 * | has_ehcp           | required                              | copied: true/false (yes/no, y/n, 1/0 accepted)         |
 * | outcome            | required                              | copied: accepted, signposted, declined or pending      |
 * | first_contact_date | optional                              | copied (blank while waiting)                           |
 * | discharge_date     | optional                              | copied (blank while open)                              |
 * | year_group         | optional                              | used instead of the one worked out from date_of_birth  |
 * |                    |                                       |   when given: N1, N2, R, 1–14 (Y1, Year 1, YR and      |
 * |                    |                                       |   Reception are understood)                            |
 *
 * Any other column (notes, GP practice, ethnicity, …) is never written: `anonymise` names the columns it ignored.
 *
 * pupil_pseudo_id is P- and 16 hex digits of HMAC-SHA256, under the partnership's secret key, of the NHS number, or,
 * when it is blank, of forename + surname + date of birth (lower case, letters only, accents removed). The same
 * child gets the same pseudonym in every extract made with the same key; a child recorded once with and once
 * without an NHS number gets two pseudonyms. year_group is the child's year group, by age, in the academic year of
 * the referral date (age on 31 August before it: 2 = N1, 3 = N2, 4 = R, 5 = Year 1, …, 18 = Year 14).
 */
import {
  parseDate, TABLES, YEAR_GROUPS, type ValidationIssue,
} from '../../src/contract/index.ts';
import type { CsvRecord } from '../csv/read-csv.ts';
import { normaliseNhsNumber, nhsCheckDigitIsValid, pseudonym } from './identifiers.ts';
import { yearGroupOn } from './year-group.ts';

const COPIED = ['school_urn', 'service', 'referral_date', 'referral_source', 'has_ehcp', 'outcome',
  'first_contact_date', 'discharge_date'] as const;
const REQUIRED_COLUMNS = ['nhs_number', 'date_of_birth', 'referral_id', 'school_urn', 'service', 'referral_date',
  'referral_source', 'has_ehcp', 'outcome'] as const;
const USED_COLUMNS = new Set<string>([...REQUIRED_COLUMNS, ...COPIED, 'forename', 'surname', 'year_group']);
const DROPPED_UNREAD = /^(postcode|address_line_\d+)$/;

/** The contract's referrals columns, in order: the header of the anonymised referrals.csv. */
export const REFERRALS_HEADER: readonly string[] = TABLES.referrals.columns.map((c) => c.name);

/** Lower case, letters only, accents removed: "Zoë O'Test-Fixture" and "ZOE OTEST FIXTURE" match. */
export function normaliseName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}]/gu, '');
}

/** A provider's way of writing a year group, as the contract writes it; unknown text is returned trimmed. */
export function normaliseYearGroup(raw: string): string {
  const text = raw.trim().toUpperCase();
  if (text === 'YR' || text === 'RECEPTION') return 'R';
  const year = /^(?:Y|YR|YEAR)\s*(\d{1,2})$/.exec(text)?.[1] ?? /^\d{1,2}$/.exec(text)?.[0];
  if (year !== undefined) return String(Number(year));
  return (YEAR_GROUPS as readonly string[]).includes(text) ? text : raw.trim();
}

export interface MappedReferral {
  /** The row in contract column order, ready for the contract's validator; null when it could not be made. */
  readonly cells: string[] | null;
  readonly issues: ValidationIssue[];
}

export interface RawExtractMapper {
  /** Required columns the extract's header lacks. */
  readonly missingColumns: string[];
  /** Columns of the extract that are neither used nor known identifiers; they are never written. */
  readonly ignoredColumns: string[];
  map(record: CsvRecord): MappedReferral;
}

export function createRawExtractMapper(header: readonly string[], key: Uint8Array, file: string): RawExtractMapper {
  const names = header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  const at = (column: string) => names.indexOf(column);
  const columnIndex = new Map([...USED_COLUMNS].map((c) => [c, at(c)]));
  const missingColumns = REQUIRED_COLUMNS.filter((c) => at(c) === -1);
  const ignoredColumns = header.filter((_, i) => !USED_COLUMNS.has(names[i] ?? '') && !DROPPED_UNREAD.test(names[i] ?? ''));

  function map(record: CsvRecord): MappedReferral {
    const cell = (column: string) => {
      const i = columnIndex.get(column) ?? -1;
      return i >= 0 ? (record.cells[i] ?? '').trim() : '';
    };
    const issues: ValidationIssue[] = [];
    // Identifier values are never put in an issue: problems with them are described, not quoted.
    const problem = (column: string, message: string, value = '') => issues.push({ file, line: record.line, column, message, value });

    const referralDate = parseDate(cell('referral_date'));
    const rawDob = cell('date_of_birth');
    const dateOfBirth = rawDob ? parseDate(rawDob) : null;
    if (rawDob && !dateOfBirth) problem('date_of_birth', 'must be a date as yyyy-mm-dd or dd/mm/yyyy');
    if (dateOfBirth && referralDate && dateOfBirth > referralDate) problem('date_of_birth', 'is after referral_date');

    const pupil = pupilKey(cell('nhs_number'), cell('forename'), cell('surname'), dateOfBirth, rawDob !== '');
    if ('problem' in pupil) problem('nhs_number', pupil.problem);
    const referralId = cell('referral_id');
    if (!referralId) problem('referral_id', 'is required');

    let yearGroup = normaliseYearGroup(cell('year_group'));
    let age = '';
    if (!yearGroup && dateOfBirth && referralDate && dateOfBirth <= referralDate) {
      const derived = yearGroupOn(dateOfBirth, referralDate);
      yearGroup = derived.yearGroup ?? '';
      if (!derived.yearGroup) age = String(derived.ageAtReferral);
    } else if (!yearGroup && !rawDob) {
      problem('date_of_birth', 'is needed to work out year_group (or give year_group)');
    }
    if (issues.length > 0 || 'problem' in pupil) return { cells: null, issues };

    const contract: Record<string, string> = {
      referral_id: pseudonym(key, 'referral', referralId),
      pupil_pseudo_id: pseudonym(key, 'pupil', pupil.value),
      year_group: yearGroup,
      age_at_referral: age,
    };
    for (const column of COPIED) contract[column] = cell(column);
    return { cells: REFERRALS_HEADER.map((c) => contract[c] ?? ''), issues };
  }

  return { missingColumns, ignoredColumns, map };
}

/** What the pupil pseudonym is made from: the NHS number, or name and date of birth when it is blank. */
function pupilKey(nhsNumber: string, forename: string, surname: string, dateOfBirth: string | null, dobGiven: boolean):
  { value: string } | { problem: string } {
  if (nhsNumber) {
    const digits = normaliseNhsNumber(nhsNumber);
    return digits && nhsCheckDigitIsValid(digits) ? { value: `nhs:${digits}` }
      : { problem: 'is not a valid NHS number (10 digits whose last is the check digit)' };
  }
  const first = normaliseName(forename);
  const last = normaliseName(surname);
  if (first && last && dateOfBirth) return { value: `name-dob:${first}|${last}|${dateOfBirth}` };
  if (first && last && dobGiven) return { problem: 'is blank, and date_of_birth is not a date, so there is nothing to make the pupil pseudonym from' };
  return { problem: 'is blank, so forename, surname and date_of_birth are all needed to make the pupil pseudonym' };
}
