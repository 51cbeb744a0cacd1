// A corpus of broken and unusual inputs, each made from the clean fixtures by one edit, with the refusal every
// entry point must give (file:line: column: problem) or the note that it must load like the clean set. Generated
// here, never committed as files; the expected lines are written out by hand from the edit.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CLEAN_DIR = 'tests/fixtures/contract/clean';

export type FileSet = Record<string, string>;

export function cleanSet(): FileSet {
  return Object.fromEntries(readdirSync(CLEAN_DIR).map((name) => [name, readFileSync(join(CLEAN_DIR, name), 'utf8')]));
}

/** Replaces `line` (1-based) of `text`. */
const setLine = (text: string, line: number, to: string) => {
  const lines = text.split('\n');
  lines[line - 1] = to;
  return lines.join('\n');
};
const editLine = (text: string, line: number, edit: (l: string) => string) => setLine(text, line, edit(text.split('\n')[line - 1] ?? ''));

export interface Case {
  readonly name: string;
  readonly edit: (files: FileSet) => FileSet;
  /** Lines every refusal must hold (each a regular expression over one line of output). */
  readonly refused?: readonly RegExp[];
  /** Text no output may hold (a withheld value, a knock-on error). */
  readonly never?: readonly RegExp[];
  /** Set when the input must be accepted and load the same rows as the clean set. */
  readonly accepted?: true;
}

const with_ = (name: string, edit: (text: string) => string | null) => (files: FileSet): FileSet => {
  const copy = { ...files };
  const edited = edit(files[name] ?? '');
  if (edited === null) delete copy[name]; else copy[name] = edited;
  return copy;
};

export const CASES: readonly Case[] = [
  { name: 'NHS number in pupil_pseudo_id (spaced)', edit: with_('referrals.csv', (t) => editLine(t, 3, (l) => l.replace('P-0002', '943 476 5919'))),
    refused: [/referrals\.csv:3: pupil_pseudo_id: looks like an NHS number/], never: [/943 476 5919/] },
  { name: 'NHS number in referral_id (plain)', edit: with_('referrals.csv', (t) => editLine(t, 2, (l) => l.replace('R-0001', '9434765919'))),
    refused: [/referrals\.csv:2: referral_id: looks like an NHS number/], never: [/9434765919/] },
  { name: 'NHS number in a provision programme (hyphenated)', edit: with_('provision.csv', (t) => editLine(t, 2, (l) => l.replace('Talk Boost', 'Talk Boost 943-476-5919'))),
    refused: [/provision\.csv:2: programme: looks like an NHS number/], never: [/943-476-5919/] },
  { name: 'full postcode in free text (locality)', edit: with_('schools.csv', (t) => editLine(t, 3, (l) => l.replace('South', 'South SW1A 1AA'))),
    refused: [/schools\.csv:3: locality: looks like a full postcode/], never: [/SW1A 1AA/] },
  { name: "a child's name in school_urn", edit: with_('referrals.csv', (t) => editLine(t, 4, (l) => l.replace(',100002,', ',Jane Smith,'))),
    refused: [/referrals\.csv:4: school_urn: looks like a person's name/], never: [/Jane Smith/] },
  { name: 'date before the floor (1985)', edit: with_('referrals.csv', (t) => editLine(t, 2, (l) => l.replace('2024-09-10', '1985-03-04'))),
    refused: [/referrals\.csv:2: referral_date: is before 2000-01-01/] },
  { name: 'spreadsheet zero date (30/12/1899)', edit: with_('referrals.csv', (t) => editLine(t, 5, (l) => l.replace('2025-01-15', '30/12/1899'))),
    refused: [/referrals\.csv:5: referral_date: is before 2000-01-01/] },
  { name: 'date in the future', edit: with_('referrals.csv', (t) => editLine(t, 7, (l) => l.replace('2025-03-10', '2099-03-10'))),
    refused: [/referrals\.csv:7: referral_date: is in the future/] },
  { name: 'header-only referrals', edit: with_('referrals.csv', (t) => `${t.split('\n')[0]}\n`),
    refused: [/referrals\.csv:1: \(file\): has a header but no rows/] },
  { name: 'empty schools.csv (one error, no knock-on unknown URNs)', edit: with_('schools.csv', () => ''),
    refused: [/schools\.csv:1: \(file\): is empty/], never: [/is not the URN of any school/] },
  { name: 'missing schools.csv (one error, no knock-on unknown URNs)', edit: with_('schools.csv', () => null),
    refused: [/schools\.csv(: required file)? is missing/], never: [/is not the URN of any school/] },
  { name: 'cell over the length limit', edit: with_('schools.csv', (t) => editLine(t, 2, (l) => l.replace('Fixture Primary School', 'x'.repeat(5_000)))),
    refused: [/schools\.csv:2: name: is longer than 1000 characters/] },
  { name: '3 MB cell (over DuckDB\'s line limit)', edit: with_('schools.csv', (t) => editLine(t, 3, (l) => l.replace('Example Academy', 'y'.repeat(3_000_000)))),
    refused: [/schools\.csv:3: \(row\): is longer than 2,000,000 bytes/] },
  { name: 'NUL byte in a name', edit: with_('schools.csv', (t) => editLine(t, 5, (l) => l.replace('Sample Nursery', 'Sample\u0000Nursery'))),
    refused: [/schools\.csv:5: name: has a control character/] },
  { name: 'unclosed quote', edit: with_('provision.csv', (t) => editLine(t, 3, (l) => l.replace('targeted,,', 'targeted,"oops,'))),
    refused: [/provision\.csv:3: /] },
  { name: 'wrong line counted after blank lines and a quoted line break', edit: with_('schools.csv', (t) => {
    const lines = t.split('\n');
    // line 2: school 1; then a blank line (3); school 2 with a name over two lines (4-5); school 3 (6) with a bad type.
    return [lines[0], lines[1], '', (lines[2] ?? '').replace('Example Academy', '"Example\nAcademy"'), (lines[3] ?? '').replace('special,all_through', 'secret,all_through'), lines[4], ''].join('\n');
  }), refused: [/schools\.csv:6: school_type: must be one of/] },
  { name: 'duplicate key', edit: with_('referrals.csv', (t) => editLine(t, 3, (l) => l.replace('R-0002', 'R-0001'))),
    refused: [/referrals\.csv:3: referral_id: duplicates an earlier row's key/] },
  // Added by the bad-inputs audit (issue 13 items 3, 4, 6): every form of NHS number in every column named in the
  // issue, postcodes and names in id columns, the other plausibility rules, and the other tables empty.
  { name: 'NHS number in pupil_pseudo_id (hyphenated)', edit: with_('referrals.csv', (t) => editLine(t, 6, (l) => l.replace('P-0004', '401-023-2137'))),
    refused: [/referrals\.csv:6: pupil_pseudo_id: looks like an NHS number/], never: [/401-023-2137/] },
  { name: 'NHS number in referral_id (spaced)', edit: with_('referrals.csv', (t) => editLine(t, 7, (l) => l.replace('R-0006', '450 557 7104'))),
    refused: [/referrals\.csv:7: referral_id: looks like an NHS number/], never: [/450 557 7104/] },
  { name: 'NHS number in a provision programme (plain)', edit: with_('provision.csv', (t) => editLine(t, 5, (l) => l.replace('Attention Autism, group', 'Attention Autism 9876543210'))),
    refused: [/provision\.csv:5: programme: looks like an NHS number/], never: [/9876543210/] },
  { name: 'full postcode in an id column (pupil_pseudo_id)', edit: with_('referrals.csv', (t) => editLine(t, 3, (l) => l.replace('P-0002', 'M1 1AE'))),
    refused: [/referrals\.csv:3: pupil_pseudo_id: looks like a full postcode/], never: [/M1 1AE/] },
  { name: 'full postcode in a provision programme', edit: with_('provision.csv', (t) => editLine(t, 2, (l) => l.replace('Talk Boost', 'Talk Boost at LS1 4AP'))),
    refused: [/provision\.csv:2: programme: looks like a full postcode/], never: [/LS1 4AP/] },
  { name: "a child's name in pupil_pseudo_id", edit: with_('referrals.csv', (t) => editLine(t, 5, (l) => l.replace('P-0001', 'Tom Jones'))),
    refused: [/referrals\.csv:5: pupil_pseudo_id: looks like a person's name/], never: [/Tom Jones/] },
  { name: "a child's name in schools.csv urn", edit: with_('schools.csv', (t) => editLine(t, 5, (l) => l.replace('100004,', 'Amy Brown,'))),
    refused: [/schools\.csv:5: urn: looks like a person's name/], never: [/Amy Brown/, /is not the URN of any school/] },
  { name: 'spreadsheet zero date (1899-12-30)', edit: with_('referrals.csv', (t) => editLine(t, 3, (l) => l.replace('12/09/2024', '1899-12-30'))),
    refused: [/referrals\.csv:3: referral_date: is before 2000-01-01/] },
  { name: 'first_contact_date in the future', edit: with_('referrals.csv', (t) => editLine(t, 4, (l) => l.replace('2024-12-02', '2099-12-02'))),
    refused: [/referrals\.csv:4: first_contact_date: is in the future/] },
  { name: 'provision month before the floor', edit: with_('provision.csv', (t) => editLine(t, 4, (l) => l.replace('2024-10', '1999-10'))),
    refused: [/provision\.csv:4: month: is before 2000-01/] },
  { name: 'workforce month in the future', edit: with_('workforce.csv', (t) => editLine(t, 3, (l) => l.replace('2024-09', '2099-09'))),
    refused: [/workforce\.csv:3: month: is in the future/] },
  { name: 'header-only schools.csv (one error, no knock-on unknown URNs)', edit: with_('schools.csv', (t) => `${t.split('\n')[0]}\n`),
    refused: [/schools\.csv:1: \(file\): has a header but no rows/], never: [/is not the URN of any school/] },
  { name: 'empty referrals.csv', edit: with_('referrals.csv', () => ''),
    refused: [/referrals\.csv:1: \(file\): is empty/] },
  { name: 'header-only provision.csv', edit: with_('provision.csv', (t) => `${t.split('\n')[0]}\r\n`),
    refused: [/provision\.csv:1: \(file\): has a header but no rows/] },
  { name: "2 MB cell in schools.csv (issue 13's half-load)", edit: with_('schools.csv', (t) => editLine(t, 3, (l) => l.replace('Example Academy', 'z'.repeat(2 * 1024 * 1024)))),
    refused: [/schools\.csv:3: \(row\): is longer than 2,000,000 bytes/], never: [/is not the URN of any school/] },
  { name: '1.5 MB cell in schools.csv (under the line limit, over the cell limit)', edit: with_('schools.csv', (t) => editLine(t, 3, (l) => l.replace('Example Academy', 'w'.repeat(1_500_000)))),
    refused: [/schools\.csv:3: name: is longer than 1000 characters/], never: [/www/] },
  { name: 'NUL byte in a referral_id', edit: with_('referrals.csv', (t) => editLine(t, 4, (l) => l.replace('R-0003', 'R-00\u00003'))),
    refused: [/referrals\.csv:4: referral_id: has a control character/] },
  { name: 'escape character in a programme', edit: with_('provision.csv', (t) => editLine(t, 2, (l) => l.replace('Talk Boost', 'Talk\u001b[31mBoost'))),
    refused: [/provision\.csv:2: programme: has a control character/] },
  { name: 'CRLF then LF line endings (the first lines CRLF)', edit: with_('referrals.csv', (t) => t.split('\n').map((l, i) => (i < 3 ? `${l}\r` : l)).join('\n')), accepted: true },
  { name: 'padded cells in schools and provision, CRLF throughout', edit: (files) => ({
    ...files,
    'schools.csv': (files['schools.csv'] ?? '').replaceAll(',mainstream,', ', mainstream ,').replaceAll(',North,', ',North  ,').replaceAll('\n', '\r\n'),
    'provision.csv': (files['provision.csv'] ?? '').replaceAll(',SLT,', ', SLT ,').replace(',specialist,', ',specialist ,'),
  }), accepted: true },
  { name: 'mixed CRLF and LF line endings', edit: with_('referrals.csv', (t) => t.split('\n').map((l, i) => (i % 2 ? `${l}\r` : l)).join('\n').replace(/\r$/, '')), accepted: true },
  // A cast reads past a control character (DuckDB reads '2024-11-05' and a vertical tab as that date): it must be
  // found in a date's text as in any other, in a CSV and in a Parquet file's text column alike.
  { name: 'vertical tab after a referral_date', edit: with_('referrals.csv', (t) => editLine(t, 4, (l) => l.replace('2024-11-05', '2024-11-05\u000b'))),
    refused: [/referrals\.csv:4: referral_date: has a control character/] },
  { name: 'padded ISO dates', edit: with_('referrals.csv', (t) => editLine(t, 4, (l) => l.replace('2024-11-05', '  2024-11-05 ').replace('2024-12-02', ' 2024-12-02'))), accepted: true },
  { name: 'padded cells and UK dates', edit: with_('referrals.csv', (t) => t.replaceAll(',SLT,', ', SLT ,').replace('2024-11-05', '05/11/2024').replace(',true,', ', yes ,')), accepted: true },
];

/** Does every line expected appear in `output`, and nothing forbidden? Returns what is wrong, or []. */
export function mismatches(testCase: Case, output: string): string[] {
  const lines = output.split('\n');
  const wrong: string[] = [];
  for (const pattern of testCase.refused ?? []) if (!lines.some((l) => pattern.test(l))) wrong.push(`no line matches ${pattern}`);
  for (const pattern of testCase.never ?? []) if (pattern.test(output)) wrong.push(`output holds ${pattern}`);
  if (/\n\s+at .+:\d+:\d+/.test(output)) wrong.push('output holds a stack trace');
  return wrong;
}
