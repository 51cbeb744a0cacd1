// The Data view's upload path (src/features/data/validate-files.ts → src/db/load-tables.ts) on real DuckDB-wasm
// under Node, on small inline files whose expected results are written out by hand here: the typed rows loaded,
// issue lines with their line numbers, set problems, and a Parquet file (written the way `to-parquet` writes
// them) read back and checked.
import { readFileSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../src/contract/index.ts';
import type { Database } from '../../src/db/database.ts';
import { checkContractFiles, loadContractTables, type LoadProgress } from '../../src/db/load-tables.ts';
import { openNodeDatabase } from '../../src/db/node-duckdb.ts';
import { filesByName, issueLines, localDay, type ChosenFile } from '../../src/features/data/validate-files.ts';
import { parquetSchemaOf, parquetValue } from '../../pipelines/csv/parquet-table.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const file = (name: string, text: string): ChosenFile => ({ name, data: encode(text) });
// "Today" is 15 January 2025.
const TODAY = '2025-01-15';
const enrichSql = readFileSync('src/db/enrich.sql', 'utf8');
let db: Database;
beforeAll(async () => { db = await openNodeDatabase(); });
afterAll(async () => { await db.close(); });
const check = (files: readonly ChosenFile[]) => checkContractFiles(db, filesByName(files), { enrichSql, today: TODAY });

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

// What the tables hold after loading VALID_SET, worked out by hand: ISO dates, booleans, contract column order.
const EXPECTED_REFERRALS = [
  { referral_id: 'R1', pupil_pseudo_id: 'P1', school_urn: '100001', service: 'SLT', referral_date: '2024-02-03', year_group: 'R',
    age_at_referral: null, referral_source: 'school', has_ehcp: true, outcome: 'accepted', first_contact_date: '2024-03-01', discharge_date: null },
  { referral_id: 'R2', pupil_pseudo_id: 'P2', school_urn: '100002', service: 'OT', referral_date: '2024-05-06', year_group: null,
    age_at_referral: 12, referral_source: 'parent', has_ehcp: false, outcome: 'pending', first_contact_date: null, discharge_date: null },
];

describe('upload: a valid set', () => {
  it('passes and loads typed rows (UK date and yes/N converted in SQL, BOM and CRLF read, contract column order)', async () => {
    const loaded = await loadContractTables(db, filesByName(VALID_SET), { enrichSql, today: TODAY });
    expect(issueLines(loaded.report)).toEqual([]);
    expect(loaded.report.files.map((f) => [f.fileName, f.rowsAccepted, f.rowsRejected])).toEqual([
      ['schools.csv', 2, 0], ['referrals.csv', 2, 0], ['provision.csv', 1, 0],
    ]);
    expect(await db.query('SELECT * FROM referrals ORDER BY referral_id')).toEqual(EXPECTED_REFERRALS);
    expect(await db.query('SELECT * FROM provision')).toEqual([
      { school_urn: '100001', month: '2024-02', service: 'SLT', delivery_model: 'targeted', programme: 'Talk Boost', sessions: 4, therapist_hours: 3.5 },
    ]);
    expect(await db.query("SELECT name FROM schools WHERE urn = '100001'")).toEqual([{ name: 'Oak Primary, North' }]);
  });

  it('reports progress by step, with the rows of each table', async () => {
    const seen: string[] = [];
    const onProgress = (p: LoadProgress) => seen.push(p.stage === 'checking-table' ? `${p.table} ${p.rows}` : p.stage);
    await loadContractTables(db, filesByName(VALID_SET), { enrichSql, today: TODAY, onProgress });
    expect(seen).toEqual(['loading-table', 'schools 2', 'loading-table', 'referrals 2', 'loading-table', 'provision 1', 'deriving-views']);
  });

  it('takes "today" from the local clock', () => {
    expect(localDay(new Date(2024, 1, 29, 23, 59))).toBe('2024-02-29');
  });
});

describe('upload: problems', () => {
  it('rejects a referral whose school_urn is not in schools, with the line number counting the header and blank lines', async () => {
    const referrals = [
      'referral_id,pupil_pseudo_id,school_urn,service,referral_date,year_group,age_at_referral,referral_source,has_ehcp,outcome,first_contact_date,discharge_date',
      'R1,P1,100001,SLT,2024-09-10,R,,school,false,accepted,,',
      '',
      'R2,P2,999999,SLT,2024-09-11,3,,school,false,pending,,',
      'R3,P3,100002,OT,2025-01-16,9,,gp,true,pending,,',
    ].join('\n');
    const result = await check([file('schools.csv', SCHOOLS), file('referrals.csv', referrals), file('provision.csv', PROVISION)]);
    expect(result.ok).toBe(false);
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
    const result = await check([file('schools.csv', SCHOOLS), file('referrals.csv', REFERRALS_BOM_CRLF), file('notes.txt', 'hello')]);
    expect(result.ok).toBe(false);
    expect(result.setProblems.map((p) => [p.kind, p.fileName])).toEqual([['unknown', 'notes.txt'], ['missing', 'provision.csv']]);
    expect(result.setProblems[1]?.message).toMatch(/^provision\.csv is missing/);
    // The files that were given are still checked, so all problems are reported at once.
    expect(result.files.map((f) => f.fileName)).toEqual(['schools.csv', 'referrals.csv']);
  });

  it('reports header problems on line 1 and does not check rows without a required column', async () => {
    const schools = SCHOOLS.replace('pupils_on_roll', 'roll').replace('locality', 'area');
    const result = await check([file('schools.csv', schools), file('referrals.csv', REFERRALS_BOM_CRLF), file('provision.csv', PROVISION)]);
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
    const result = await check([file('schools.csv', SCHOOLS), file('referrals.csv', REFERRALS_BOM_CRLF), file('provision.csv', provision)]);
    expect(issueLines(result)[0]).toMatch(/^provision\.csv:2: .*never closed/);
    expect(result.ok).toBe(false);
  });
});

describe('upload: Parquet', () => {
  // Written as `to-parquet` writes it: dates as INT32 DATE (days since 1970-01-01), optional columns nullable.
  function referralsParquet(rows: string[][]): ChosenFile {
    const table = TABLES.referrals;
    const columnData = table.columns.map((spec, i) => ({ name: spec.name, data: rows.map((r) => parquetValue(spec, r[i] ?? '')) }));
    const buffer = parquetWriteBuffer({ columnData, schema: parquetSchemaOf(table) });
    return { name: 'referrals.parquet', data: new Uint8Array(buffer) };
  }

  it('reads a Parquet file into text cells (dates as yyyy-mm-dd) and checks it with the contract', async () => {
    const parquet = referralsParquet([
      ['R1', 'P1', '100001', 'SLT', '2024-02-03', 'R', '', 'school', 'true', 'accepted', '2024-03-01', ''],
      ['R2', 'P2', '100002', 'OT', '2024-05-06', '', '12', 'parent', 'false', 'pending', '', ''],
    ]);
    const result = await check([file('schools.csv', SCHOOLS), parquet, file('provision.csv', PROVISION)]);
    expect(issueLines(result)).toEqual([]);
    expect(result.files[1]).toMatchObject({ fileName: 'referrals.parquet', format: 'parquet', rowsAccepted: 2 });

  });

  it('numbers Parquet rows as if the file were a CSV with a header line', async () => {
    const parquet = referralsParquet([
      ['R1', 'P1', '100001', 'SLT', '2024-02-03', 'R', '', 'school', 'true', 'accepted', '', ''],
      ['R2', 'P2', '100003', 'OT', '2024-05-06', '4', '', 'parent', 'false', 'pending', '', ''],
      ['R3', 'P3', '100001', 'OT', '2024-05-06', '4', '', 'parent', 'false', 'accepted', '2024-05-01', ''],
    ]);
    const result = await check([file('schools.csv', SCHOOLS), parquet, file('provision.csv', PROVISION)]);
    expect(issueLines(result)).toEqual([
      'referrals.parquet:3: school_urn: is not the URN of any school in schools.csv (100003)',
      'referrals.parquet:4: first_contact_date: is before referral_date (2024-05-06) (2024-05-01)',
    ]);
  });

  it('says so when a .parquet file is not Parquet', async () => {
    const result = await check([file('schools.csv', SCHOOLS), file('referrals.parquet', 'not parquet'), file('provision.csv', PROVISION)]);
    expect(result.files[1]).toMatchObject({ rowsNotChecked: true, fileProblems: 1 });
    expect(issueLines(result)[0]).toMatch(/^referrals\.parquet:1: \(file\): cannot be read as Parquet/);
  });
});

describe('upload: the Files a browser gives (Blobs, read a slice at a time), as their bytes', () => {
  const asBlobs = (files: readonly ChosenFile[]): ChosenFile[] => files.map((f) => ({ name: f.name, data: new Blob([f.data as Uint8Array<ArrayBuffer>]) }));
  const referralsWith = (rows: string[], end = '\n') => [
    'referral_id,pupil_pseudo_id,school_urn,service,referral_date,year_group,age_at_referral,referral_source,has_ehcp,outcome,first_contact_date,discharge_date',
    ...rows].join(end) + end;
  const sets: [string, ChosenFile[], number][] = [
    ['a valid set (BOM, CRLF, UK date)', VALID_SET, 0],
    ['a row rule broken after a blank line', [file('schools.csv', SCHOOLS), file('referrals.csv', referralsWith([
      'R1,P1,100001,SLT,2024-09-10,R,,school,false,accepted,,', '', 'R2,P2,999999,SLT,2024-09-11,3,,school,false,pending,,'])),
    file('provision.csv', PROVISION)], 1],
    ['mixed line endings and a bad cell', [file('schools.csv', SCHOOLS), file('referrals.csv',
      referralsWith(['R1,P1,100001,SLT,2024-09-10,R,,school,false,accepted,,']).replace('\n', '\r\n') + 'R2,P2,100001,SLT,2024-13-11,3,,school,false,pending,,\n'),
    file('provision.csv', PROVISION)], 1],
    ['an unclosed quote', [file('schools.csv', SCHOOLS), file('referrals.csv', REFERRALS_BOM_CRLF), file('provision.csv',
      'school_urn,month,service,delivery_model,programme,sessions,therapist_hours\n100001,2024-02,SLT,targeted,"Talk Boost,4,3.5\n')], 1],
    ['an empty file and a header-only file', [file('schools.csv', SCHOOLS), file('referrals.csv', ''), file('provision.csv', PROVISION.split('\n')[0] ?? '')], 2],
  ];
  it.each(sets)('%s: the same report, line for line', async (_name, files, problems) => {
    const fromBytes = await check(files);
    expect(issueLines(fromBytes)).toHaveLength(problems);
    expect(await check(asBlobs(files))).toEqual(fromBytes);
  });

  it('loads the same rows from Blobs', async () => {
    await loadContractTables(db, filesByName(asBlobs(VALID_SET)), { enrichSql, today: TODAY });
    expect(await db.query('SELECT * FROM referrals ORDER BY referral_id')).toEqual(EXPECTED_REFERRALS);
  });
});
