// The raw extract's columns: which are read, which are dropped unread, which are refused, and what a row becomes.
import { describe, expect, it } from 'vitest';
import { createRawExtractMapper, REFERRALS_HEADER } from '../../pipelines/anonymise/raw-extract.ts';
import { pseudonym } from '../../pipelines/anonymise/identifiers.ts';

const key = new TextEncoder().encode('fixture-key-'.repeat(3));
const HEADER = ['NHS Number', 'Forename', 'Surname', 'Date-of-Birth', 'Postcode', 'Address Line 1', 'Address_Line_2', 'School_URN',
  'Service', 'Referral ID', 'Referral Date', 'Referral Source', 'Has EHCP', 'Outcome', 'GP Practice'];

function mapRow(values: Record<string, string>, header = HEADER) {
  const mapper = createRawExtractMapper(header, key, 'extract.csv');
  const base: Record<string, string> = {
    'NHS Number': '999 000 0026', Forename: 'Bravo', Surname: 'Example', 'Date-of-Birth': '17/06/2017', Postcode: 'Z9 9ZY',
    'Address Line 1': '2 Imaginary Lane', Address_Line_2: 'Testville', School_URN: '100001', Service: 'OT', 'Referral ID': 'LOC-1002',
    'Referral Date': '12/09/2024', 'Referral Source': 'parent', 'Has EHCP': 'N', Outcome: 'signposted', 'GP Practice': 'Fake Surgery',
  };
  const row = { ...base, ...values };
  return { mapper, mapped: mapper.map({ line: 3, cells: header.map((h) => row[h] ?? '') }) };
}

describe('createRawExtractMapper', () => {
  it('reads header names in any case with spaces or hyphens, and names only the unknown columns it ignores', () => {
    const { mapper } = mapRow({});
    expect(mapper.missingColumns).toEqual([]);
    expect(mapper.ignoredColumns).toEqual(['GP Practice']);
  });

  it('makes a contract row in contract column order, with pseudonyms in place of the ids', () => {
    const { mapped } = mapRow({});
    expect(mapped.issues).toEqual([]);
    const row = Object.fromEntries(REFERRALS_HEADER.map((c, i) => [c, mapped.cells?.[i]]));
    expect(row).toEqual({
      referral_id: pseudonym(key, 'referral', 'LOC-1002'),
      pupil_pseudo_id: pseudonym(key, 'pupil', 'nhs:9990000026'),
      school_urn: '100001', service: 'OT', referral_date: '12/09/2024', year_group: '3', age_at_referral: '',
      referral_source: 'parent', has_ehcp: 'N', outcome: 'signposted', first_contact_date: '', discharge_date: '',
    });
  });

  it('makes the pupil pseudonym from name and date of birth when the NHS number is blank', () => {
    const { mapped } = mapRow({ 'NHS Number': '' });
    expect(mapped.cells?.[1]).toBe(pseudonym(key, 'pupil', 'name-dob:bravo|example|2017-06-17'));
  });

  it.each([
    [{ 'NHS Number': '', Forename: '' }, 'nhs_number', 'is blank, so forename, surname and date_of_birth are all needed to make the pupil pseudonym'],
    [{ 'NHS Number': '', 'Date-of-Birth': '' }, 'nhs_number', 'is blank, so forename, surname and date_of_birth are all needed to make the pupil pseudonym'],
    [{ 'NHS Number': '999 000 0027' }, 'nhs_number', 'is not a valid NHS number (10 digits whose last is the check digit)'],
    [{ 'Date-of-Birth': '2017-13-01' }, 'date_of_birth', 'must be a date as yyyy-mm-dd or dd/mm/yyyy'],
    [{ 'Date-of-Birth': '2024-09-13' }, 'date_of_birth', 'is after referral_date'],
    [{ 'Date-of-Birth': '' }, 'date_of_birth', 'is needed to work out year_group (or give year_group)'],
    [{ 'Referral ID': ' ' }, 'referral_id', 'is required'],
  ])('rejects %j: %s %s, without quoting the value', (values, column, message) => {
    const { mapped } = mapRow(values);
    expect(mapped.cells).toBeNull();
    expect(mapped.issues).toContainEqual({ file: 'extract.csv', line: 3, column, message, value: '' });
  });

  it('needs no date of birth when the NHS number and year group are given', () => {
    const header = [...HEADER, 'Year Group'];
    const { mapped } = mapRow({ 'Date-of-Birth': '', 'Year Group': 'Y4' }, header);
    expect(mapped.issues).toEqual([]);
    expect(mapped.cells?.[5]).toBe('4');
  });

  it('lists required columns missing from the header', () => {
    const mapper = createRawExtractMapper(['nhs_number', 'referral_id', 'notes'], key, 'extract.csv');
    expect(mapper.missingColumns).toEqual(['date_of_birth', 'school_urn', 'service', 'referral_date', 'referral_source', 'has_ehcp', 'outcome']);
    expect(mapper.ignoredColumns).toEqual(['notes']);
  });
});
