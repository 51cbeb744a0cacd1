// The Data view's checks on uploaded files (src/features/data/validate-files.ts), on small inline files whose
// expected results are written out by hand here: normalised CSV text, issue lines with their line numbers, set
// problems, and a Parquet file (written the way `to-parquet` writes them) read back and checked.
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../src/contract/index.ts';
import { issueLines, localDay, validateFiles, type ChosenFile } from '../../src/features/data/validate-files.ts';
import { parquetSchemaOf, parquetValue } from '../../pipelines/csv/parquet-table.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const file = (name: string, text: string): ChosenFile => ({ name, bytes: encode(text) });
// Local time, as the view passes `new Date()`: "today" is 15 January 2025.
const NOW = new Date(2025, 0, 15, 9, 30);
const noPause = () => Promise.resolve();

const SCHOOLS = [
  'urn,name,school_type,phase,locality,pupils_on_roll,pupils_slcn,pupils_ehcp,imd_decile,roll_early_years,roll_primary,roll_secondary,roll_post16',
  '100001,"Oak Primary, North",mainstream,primary,North,200,10,5,3,,,,',
  '100002,Élan Academy,mainstream,secondary,South,900,,12,,,,,',
].join('\n');

// A UTF-8 BOM, CRLF line ends, a UK date, yes/N booleans, and no discharge_date column (it is optional).
const REFERRALS_BOM_CRLF = '\uFEFF' + [
  'referral_id,pupil_pseudo_id,school_urn,service,referral_date,year_group,age_at_referral,referral_source,has_ehcp,outcome,first_contact_date',
  'R1,P1,100001,SLT,03/02/2024,R,,school,yes,accepted,2024-03-01',
  'R2,P2,100002,OT,2024-05-06,,12,parent,N,pending,',
].join('\r\n') + '\r\n';

// Columns in another order than the contract's.
const PROVISION = 'month,school_urn,service,delivery_model,programme,sessions,therapist_hours\n2024-02,100001,SLT,targeted,Talk Boost,4,3.50\n';

const VALID_SET = [file('schools.csv', SCHOOLS), file('referrals.csv', REFERRALS_BOM_CRLF), file('provision.csv', PROVISION)];

const EXPECTED = {
  'schools.csv': [
    'urn,name,school_type,phase,locality,pupils_on_roll,pupils_slcn,pupils_ehcp,imd_decile,roll_early_years,roll_primary,roll_secondary,roll_post16',
    '100001,"Oak Primary, North",mainstream,primary,North,200,10,5,3,,,,',
    '100002,Élan Academy,mainstream,secondary,South,900,,12,,,,,',
    '',
  ].join('\n'),
  'referrals.csv': [
    'referral_id,pupil_pseudo_id,school_urn,service,referral_date,year_group,age_at_referral,referral_source,has_ehcp,outcome,first_contact_date,discharge_date',
    'R1,P1,100001,SLT,2024-02-03,R,,school,true,accepted,2024-03-01,',
    'R2,P2,100002,OT,2024-05-06,,12,parent,false,pending,,',
    '',
  ].join('\n'),
  'provision.csv': 'school_urn,month,service,delivery_model,programme,sessions,therapist_hours\n100001,2024-02,SLT,targeted,Talk Boost,4,3.5\n',
};

describe('validateFiles: a valid set', () => {
  it('passes and yields normalised CSV text (ISO dates, true/false, contract column order)', async () => {
    const result = await validateFiles(VALID_SET, { now: NOW, pause: noPause });
    expect(issueLines(result)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.normalised).toEqual(EXPECTED);
    expect(result.files.map((f) => [f.fileName, f.rowsAccepted, f.rowsRejected])).toEqual([
      ['schools.csv', 2, 0], ['referrals.csv', 2, 0], ['provision.csv', 1, 0],
    ]);
  });

  it('gives the same result when the files are read a few bytes at a time (CRLF and "É" split across chunks)', async () => {
    for (const chunkBytes of [1, 2, 3, 7]) {
      const result = await validateFiles(VALID_SET, { now: NOW, pause: noPause, chunkBytes });
      expect(result.normalised, `chunks of ${chunkBytes} bytes`).toEqual(EXPECTED);
    }
  });

  it('reports progress that ends with the whole of each file read', async () => {
    const seen: string[] = [];
    await validateFiles(VALID_SET, { now: NOW, pause: noPause, onProgress: (p) => seen.push(`${p.fileIndex}/${p.fileCount} ${p.fileName} ${p.fraction} ${p.rowsDone}`) });
    expect(seen).toEqual(['0/3 schools.csv 1 2', '1/3 referrals.csv 1 2', '2/3 provision.csv 1 1']);
  });

  it('takes "today" from the clock it is given, in local time', () => {
    expect(localDay(new Date(2024, 1, 29, 23, 59))).toBe('2024-02-29');
  });
});

describe('validateFiles: problems', () => {
  it('rejects a referral whose school_urn is not in schools, with the line number counting the header and blank lines', async () => {
    const referrals = [
      'referral_id,pupil_pseudo_id,school_urn,service,referral_date,year_group,age_at_referral,referral_source,has_ehcp,outcome,first_contact_date,discharge_date',
      'R1,P1,100001,SLT,2024-09-10,R,,school,false,accepted,,',
      '',
      'R2,P2,999999,SLT,2024-09-11,3,,school,false,pending,,',
      'R3,P3,100002,OT,2025-01-16,9,,gp,true,pending,,',
    ].join('\n');
    const result = await validateFiles([file('schools.csv', SCHOOLS), file('referrals.csv', referrals), file('provision.csv', PROVISION)], { now: NOW, pause: noPause });
    expect(result.ok).toBe(false);
    expect(result.normalised).toBeNull();
    expect(issueLines(result)).toEqual([
      'referrals.csv:4: school_urn: is not the URN of any school in schools.csv (999999)',
      'referrals.csv:5: referral_date: is in the future (after 2025-01-15) (2025-01-16)',
    ]);
    const report = result.files.find((f) => f.table === 'referrals');
    expect(report).toMatchObject({ rowsAccepted: 1, rowsRejected: 2, fileProblems: 0, issueCount: 2 });
    expect(report?.rejectedByReason).toEqual([
      { reason: 'referral_date: is in the future', rows: 1 },
      { reason: 'school_urn: is not the URN of any school in schools.csv', rows: 1 },
    ]);
  });

  it('reports a missing required file and an unknown file name, and loads nothing', async () => {
    const result = await validateFiles([file('schools.csv', SCHOOLS), file('referrals.csv', REFERRALS_BOM_CRLF), file('notes.txt', 'hello')], { now: NOW, pause: noPause });
    expect(result.ok).toBe(false);
    expect(result.normalised).toBeNull();
    expect(result.setProblems.map((p) => [p.kind, p.fileName])).toEqual([['unknown', 'notes.txt'], ['missing', 'provision.csv']]);
    expect(result.setProblems[1]?.message).toMatch(/^provision\.csv is missing/);
    // The files that were given are still checked, so all problems are reported at once.
    expect(result.files.map((f) => f.fileName)).toEqual(['schools.csv', 'referrals.csv']);
  });

  it('reports header problems on line 1 and does not check rows without a required column', async () => {
    const schools = SCHOOLS.replace('pupils_on_roll', 'roll').replace('locality', 'area');
    const result = await validateFiles([file('schools.csv', schools), file('referrals.csv', REFERRALS_BOM_CRLF), file('provision.csv', PROVISION)], { now: NOW, pause: noPause });
    expect(issueLines(result)).toEqual([
      'schools.csv:1: locality: required column is missing from the header',
      'schools.csv:1: pupils_on_roll: required column is missing from the header',
      'schools.csv:1: area: is not a column of the contract (remove it) (area)',
      'schools.csv:1: roll: is not a column of the contract (remove it) (roll)',
    ]);
    expect(result.files[0]).toMatchObject({ rowsNotChecked: true, fileProblems: 4, rowsAccepted: 0 });
    // Without readable schools, school_urn is not checked, so referrals are not all rejected for schools' fault.
    expect(result.files[1]).toMatchObject({ rowsAccepted: 2, rowsRejected: 0 });
    expect(result.ok).toBe(false);
  });

  it('reports an unclosed quote at the line it starts on', async () => {
    const provision = 'school_urn,month,service,delivery_model,programme,sessions,therapist_hours\n100001,2024-02,SLT,targeted,"Talk Boost,4,3.5\n100001,2024-03,SLT,targeted,,4,3.5\n';
    const result = await validateFiles([file('schools.csv', SCHOOLS), file('referrals.csv', REFERRALS_BOM_CRLF), file('provision.csv', provision)], { now: NOW, pause: noPause });
    expect(issueLines(result)[0]).toBe('provision.csv:2: (row): has a quoted field that is never closed (a stray " character?)');
    expect(result.ok).toBe(false);
  });
});

describe('validateFiles: Parquet', () => {
  // Written as `to-parquet` writes it: dates as INT32 DATE (days since 1970-01-01), optional columns nullable.
  function referralsParquet(rows: string[][]): ChosenFile {
    const table = TABLES.referrals;
    const columnData = table.columns.map((spec, i) => ({ name: spec.name, data: rows.map((r) => parquetValue(spec, r[i] ?? '')) }));
    const buffer = parquetWriteBuffer({ columnData, schema: parquetSchemaOf(table) });
    return { name: 'referrals.parquet', bytes: new Uint8Array(buffer) };
  }

  it('reads a Parquet file into text cells (dates as yyyy-mm-dd) and checks it with the contract', async () => {
    const parquet = referralsParquet([
      ['R1', 'P1', '100001', 'SLT', '2024-02-03', 'R', '', 'school', 'true', 'accepted', '2024-03-01', ''],
      ['R2', 'P2', '100002', 'OT', '2024-05-06', '', '12', 'parent', 'false', 'pending', '', ''],
    ]);
    const result = await validateFiles([file('schools.csv', SCHOOLS), parquet, file('provision.csv', PROVISION)], { now: NOW, pause: noPause });
    expect(issueLines(result)).toEqual([]);
    expect(result.files[1]).toMatchObject({ fileName: 'referrals.parquet', format: 'parquet', rowsAccepted: 2 });
    expect(result.normalised?.['referrals.csv']).toBe(EXPECTED['referrals.csv']);
  });

  it('numbers Parquet rows as if the file were a CSV with a header line', async () => {
    const parquet = referralsParquet([
      ['R1', 'P1', '100001', 'SLT', '2024-02-03', 'R', '', 'school', 'true', 'accepted', '', ''],
      ['R2', 'P2', '100003', 'OT', '2024-05-06', '4', '', 'parent', 'false', 'pending', '', ''],
      ['R3', 'P3', '100001', 'OT', '2024-05-06', '4', '', 'parent', 'false', 'accepted', '2024-05-01', ''],
    ]);
    const result = await validateFiles([file('schools.csv', SCHOOLS), parquet, file('provision.csv', PROVISION)], { now: NOW, pause: noPause });
    expect(issueLines(result)).toEqual([
      'referrals.parquet:3: school_urn: is not the URN of any school in schools.csv (100003)',
      'referrals.parquet:4: first_contact_date: is before referral_date (2024-05-06) (2024-05-01)',
    ]);
  });

  it('says so when a .parquet file is not Parquet', async () => {
    const result = await validateFiles([file('schools.csv', SCHOOLS), file('referrals.parquet', 'not parquet'), file('provision.csv', PROVISION)], { now: NOW, pause: noPause });
    expect(result.files[1]).toMatchObject({ rowsNotChecked: true, fileProblems: 1 });
    expect(issueLines(result)[0]).toMatch(/^referrals\.parquet:1: \(file\): cannot be read as Parquet/);
  });
});
