// The contract's rules, table by table: a good row passes (normalised), and each rule rejects the row that breaks it
// with the column and line a user needs to fix it.
import { describe, expect, it } from 'vitest';
import {
  createTableValidator, formatIssue, parseCell, parseDate, TABLES, tableOfFile, type TableName,
} from '../../src/contract/index.ts';

const TODAY = '2025-06-30';
const KNOWN_URNS = new Set(['100001', '100002']);

const headerOf = (table: TableName) => TABLES[table].columns.map((c) => c.name);

/** Checks rows (objects by column name; missing columns blank) in order from line 2 and returns the last result. */
function check(table: TableName, rows: Record<string, string>[], header = headerOf(table)) {
  const validator = createTableValidator(table, `${table}.csv`, header, { today: TODAY, knownUrns: KNOWN_URNS });
  const results = rows.map((row, i) => validator.checkRow(header.map((c) => row[c] ?? ''), i + 2));
  return { validator, last: results[results.length - 1]!, results };
}

const school = {
  urn: '100001', name: 'Fixture Primary School', school_type: 'mainstream', phase: 'primary', locality: 'North',
  pupils_on_roll: '210', pupils_slcn: '12', pupils_ehcp: '4', imd_decile: '3',
  roll_early_years: '30', roll_primary: '180', roll_secondary: '', roll_post16: '',
};
const referral = {
  referral_id: 'R-0001', pupil_pseudo_id: 'P-0001', school_urn: '100001', service: 'SLT', referral_date: '2024-09-10',
  year_group: 'R', age_at_referral: '', referral_source: 'school', has_ehcp: 'false', outcome: 'accepted',
  first_contact_date: '2024-10-01', discharge_date: '2025-03-01',
};
const provisionRow = {
  school_urn: '100001', month: '2024-09', service: 'SLT', delivery_model: 'universal', programme: 'Talk Boost',
  sessions: '4', therapist_hours: '6',
};
const workforceRow = { month: '2024-09', service: 'SLT', fte_in_post: '12.4', fte_vacant: '2' };

function onlyIssue(table: TableName, row: Record<string, string>) {
  const { last } = check(table, [row]);
  expect(last.row).toBeNull();
  expect(last.issues).toHaveLength(1);
  return last.issues[0]!;
}

describe('schools', () => {
  it('accepts a good row and keeps blank optional cells blank', () => {
    const { last } = check('schools', [school]);
    expect(last.issues).toEqual([]);
    expect(last.row).toEqual(['100001', 'Fixture Primary School', 'mainstream', 'primary', 'North', '210', '12', '4', '3', '30', '180', '', '', '', '']);
  });

  it.each([
    ['school_type', 'academy', 'must be one of mainstream, special, independent, alternative_provision, early_years, college'],
    ['pupils_on_roll', '210.5', 'must be a whole number'],
    ['pupils_ehcp', '-1', 'must be at least 0'],
    ['imd_decile', '11', 'must be at most 10'],
    ['imd_decile', '0', 'must be at least 1'],
    ['name', '  ', 'is required'],
    ['locality', '', 'is required'],
  ])('rejects %s = %j: %s', (column, value, message) => {
    expect(onlyIssue('schools', { ...school, [column]: value })).toEqual({ file: 'schools.csv', line: 2, column, message, value });
  });

  it('rejects phase rolls that do not add up to the roll (30 + 170 = 200, not 210)', () => {
    expect(onlyIssue('schools', { ...school, roll_primary: '170' }))
      .toMatchObject({ column: 'pupils_on_roll', message: 'does not equal the sum of the phase rolls (200)' });
  });

  it('reads a blank roll of the school\'s own phase as the rest of the roll (primary: 30 given, 180 implied)', () => {
    const { last } = check('schools', [{ ...school, roll_primary: '' }]);
    expect(last.issues).toEqual([]);
  });

  it('rejects given phase rolls larger than the roll when the own-phase column is blank (300 > 210)', () => {
    expect(onlyIssue('schools', { ...school, roll_early_years: '300', roll_primary: '' }))
      .toMatchObject({ column: 'pupils_on_roll', message: 'is less than the phase rolls given (300)' });
  });

  it('accepts all phase rolls blank', () => {
    const { last } = check('schools', [{ ...school, roll_early_years: '', roll_primary: '' }]);
    expect(last.issues).toEqual([]);
  });

  it('rejects more pupils with a plan, or with SLCN, than on roll', () => {
    expect(onlyIssue('schools', { ...school, pupils_ehcp: '211' })).toMatchObject({ column: 'pupils_ehcp', message: 'is more than pupils_on_roll' });
    expect(onlyIssue('schools', { ...school, pupils_slcn: '211' })).toMatchObject({ column: 'pupils_slcn', message: 'is more than pupils_on_roll' });
  });

  it('rejects a duplicate URN on the later line only', () => {
    const { results } = check('schools', [school, { ...school, name: 'Another' }]);
    expect(results[0]!.issues).toEqual([]);
    expect(results[1]!.issues).toEqual([{ file: 'schools.csv', line: 3, column: 'urn', message: 'duplicates an earlier row\'s key', value: '100001' }]);
  });

  it('rejects a row with more or fewer cells than the header', () => {
    const validator = createTableValidator('schools', 'schools.csv', headerOf('schools'), { today: TODAY });
    const cells = headerOf('schools').map((c) => (school as Record<string, string>)[c] ?? '');
    expect(validator.checkRow([...cells, 'extra'], 2).issues).toEqual([
      { file: 'schools.csv', line: 2, column: '(row)', message: 'has 16 cells but the header has 15', value: '' },
    ]);
  });
});

describe('headers', () => {
  it('reports an unknown column and a missing required column on line 1', () => {
    const header = headerOf('workforce').filter((c) => c !== 'fte_vacant').concat('notes');
    const { validator } = check('workforce', [], header);
    expect(validator.headerIssues).toEqual([
      { file: 'workforce.csv', line: 1, column: 'fte_vacant', message: 'required column is missing from the header', value: '' },
      { file: 'workforce.csv', line: 1, column: 'notes', message: 'is not a column of the contract (remove it)', value: 'notes' },
    ]);
  });

  it('reports a column named twice', () => {
    const { validator } = check('workforce', [], [...headerOf('workforce'), 'month']);
    expect(validator.headerIssues).toEqual([
      { file: 'workforce.csv', line: 1, column: 'month', message: 'appears twice in the header', value: '' },
    ]);
  });

  it('matches columns in any order and case, and tolerates a BOM on the first name', () => {
    const header = ['\uFEFFFTE_VACANT', 'Month', 'fte_in_post', 'service'];
    const validator = createTableValidator('workforce', 'workforce.csv', header, { today: TODAY });
    expect(validator.headerIssues).toEqual([]);
    expect(validator.checkRow(['2', '2024-09', '12.4', 'SLT'], 2).row).toEqual(['2024-09', 'SLT', '12.4', '2']);
  });

  it('leaves an optional column out of the header as blank', () => {
    const header = headerOf('referrals').filter((c) => c !== 'discharge_date');
    const { last, validator } = check('referrals', [{ ...referral }], header);
    expect(validator.headerIssues).toEqual([]);
    expect(last.row?.at(-1)).toBe('');
  });
});

describe('referrals', () => {
  it('accepts a good row and converts UK dates and yes/no to the contract forms', () => {
    const { last } = check('referrals', [{ ...referral, referral_date: '12/09/2024', first_contact_date: '1/10/2024', has_ehcp: 'Yes' }]);
    expect(last.issues).toEqual([]);
    expect(last.row).toEqual(['R-0001', 'P-0001', '100001', 'SLT', '2024-09-12', 'R', '', 'school', 'true', 'accepted', '2024-10-01', '2025-03-01']);
  });

  it.each([
    ['referral_date', '31/02/2024', 'must be a date as yyyy-mm-dd or dd/mm/yyyy'],
    ['referral_date', '2023-02-29', 'must be a date as yyyy-mm-dd or dd/mm/yyyy'],
    ['referral_date', '2024-9-10', 'must be a date as yyyy-mm-dd or dd/mm/yyyy'],
    ['service', 'SALT', 'must be one of SLT, OT'],
    ['outcome', 'Accepted', 'must be one of accepted, signposted, declined, pending'],
    ['has_ehcp', 'maybe', 'must be true or false'],
    ['age_at_referral', '26', 'must be at most 25'],
    ['year_group', 'Y1', 'must be one of N1, N2, R, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14'],
    ['pupil_pseudo_id', '', 'is required'],
  ])('rejects %s = %j: %s', (column, value, message) => {
    expect(onlyIssue('referrals', { ...referral, [column]: value })).toEqual({ file: 'referrals.csv', line: 2, column, message, value });
  });

  it.each([
    [{ referral_date: '2025-07-01', first_contact_date: '', discharge_date: '' }, 'referral_date', 'is in the future (after 2025-06-30)'],
    [{ discharge_date: '2025-07-01' }, 'discharge_date', 'is in the future (after 2025-06-30)'],
    [{ first_contact_date: '2024-09-09' }, 'first_contact_date', 'is before referral_date (2024-09-10)'],
    [{ discharge_date: '2024-09-30' }, 'discharge_date', 'is before first_contact_date (2024-10-01)'],
    [{ first_contact_date: '', discharge_date: '2024-09-01' }, 'discharge_date', 'is before referral_date (2024-09-10)'],
    [{ school_urn: '999999' }, 'school_urn', 'is not the URN of any school in schools.csv'],
    [{ year_group: '', age_at_referral: '' }, 'year_group', 'year_group or age_at_referral is required'],
  ])('rejects %j: %s %s', (change, column, message) => {
    expect(onlyIssue('referrals', { ...referral, ...change })).toMatchObject({ file: 'referrals.csv', line: 2, column, message });
  });

  it('accepts the last day before tomorrow and age instead of year group', () => {
    const { last } = check('referrals', [{ ...referral, referral_date: TODAY, first_contact_date: '', discharge_date: '', year_group: '', age_at_referral: '0' }]);
    expect(last.issues).toEqual([]);
  });

  it('rejects a duplicate referral_id', () => {
    const { results } = check('referrals', [referral, { ...referral, pupil_pseudo_id: 'P-0002' }]);
    expect(results[1]!.issues).toMatchObject([{ line: 3, column: 'referral_id', message: 'duplicates an earlier row\'s key' }]);
  });

  it('does not check school_urn when no schools are known', () => {
    const validator = createTableValidator('referrals', 'referrals.csv', headerOf('referrals'), { today: TODAY });
    const row = headerOf('referrals').map((c) => ({ ...referral, school_urn: '999999' } as Record<string, string>)[c] ?? '');
    expect(validator.checkRow(row, 2).issues).toEqual([]);
  });
});

describe('provision', () => {
  it('accepts a good row', () => {
    expect(check('provision', [provisionRow]).last.issues).toEqual([]);
  });

  it.each([
    [{ month: '2024-13' }, 'month', 'must be a month as yyyy-mm'],
    [{ month: '2025-07' }, 'month', 'is in the future (after 2025-06)'],
    [{ therapist_hours: 'six' }, 'therapist_hours', 'must be a number'],
    [{ sessions: '1.5' }, 'sessions', 'must be a whole number'],
    [{ delivery_model: 'group' }, 'delivery_model', 'must be one of universal, targeted, specialist'],
    [{ school_urn: '100009' }, 'school_urn', 'is not the URN of any school in schools.csv'],
  ])('rejects %j: %s %s', (change, column, message) => {
    expect(onlyIssue('provision', { ...provisionRow, ...change })).toMatchObject({ column, message });
  });

  it('keys on school, month, service, delivery model and programme (blank programme included)', () => {
    const plain = { ...provisionRow, programme: '' };
    const { results } = check('provision', [plain, { ...plain, delivery_model: 'targeted' }, { ...plain, sessions: '9' }]);
    expect(results.map((r) => r.issues.length)).toEqual([0, 0, 1]);
    expect(results[2]!.issues[0]).toMatchObject({ line: 4, column: 'school_urn+month+service+delivery_model+programme' });
  });
});

describe('workforce', () => {
  it('accepts a good row and rejects a negative FTE and a repeated month and service', () => {
    const { results } = check('workforce', [workforceRow, { ...workforceRow, fte_vacant: '-0.5', service: 'OT' }, { ...workforceRow }]);
    expect(results[0]!.issues).toEqual([]);
    expect(results[1]!.issues).toMatchObject([{ column: 'fte_vacant', message: 'must be at least 0' }]);
    expect(results[2]!.issues).toMatchObject([{ column: 'month+service', message: 'duplicates an earlier row\'s key' }]);
  });
});

describe('cells and names', () => {
  it('converts UK dates to ISO and rejects impossible ones', () => {
    expect(parseDate('01/02/2024')).toBe('2024-02-01');
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDate('31/02/2024')).toBeNull();
    expect(parseDate('2024-02-30')).toBeNull();
    expect(parseDate('02/01/24')).toBeNull();
  });

  it('trims cells and normalises numbers', () => {
    const sessions = TABLES.provision.columns.find((c) => c.name === 'sessions')!;
    expect(parseCell(' 007 ', sessions)).toEqual({ ok: true, value: '7' });
  });

  it('finds the table from a file name in any case, with or without a folder', () => {
    expect(tableOfFile('data/Referrals.CSV')?.name).toBe('referrals');
    expect(tableOfFile('C:\\exports\\schools.csv')?.name).toBe('schools');
    expect(tableOfFile('referrals-extract.csv')).toBeUndefined();
  });

  it('formats an issue as file:line: column: message (value)', () => {
    expect(formatIssue({ file: 'referrals.csv', line: 7, column: 'outcome', message: 'must be one of x', value: 'maybe' }))
      .toBe('referrals.csv:7: outcome: must be one of x (maybe)');
    expect(formatIssue({ file: 'referrals.csv', line: 7, column: 'year_group', message: 'is required', value: '' }))
      .toBe('referrals.csv:7: year_group: is required');
  });
});
