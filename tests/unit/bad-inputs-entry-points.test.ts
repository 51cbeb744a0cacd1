// The corpus of bad inputs (tests/unit/load-corpus.ts) at the entry points load-tables-failures.test.ts does not
// cover: `to-parquet`, `anonymise` from a folder and from a single extract file, and the same corpus written as
// Parquet through the upload (DataSession on DuckDB-wasm), `validate` and `report`. Each refusal must name file,
// line and column, withhold the value and write nothing; each accepted input must give the same output as the
// clean set (the same `report` JSON, the same anonymised files). Expectations that differ from the CSV ones are
// written out here by hand, per entry point, with why.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as anonymise } from '../../pipelines/commands/anonymise.ts';
import { run as report } from '../../pipelines/commands/report.ts';
import { run as toParquet } from '../../pipelines/commands/to-parquet.ts';
import { run as validate } from '../../pipelines/commands/validate.ts';
import { DataSession } from '../../src/app/data-session.ts';
import { ContractRefusal, issueLines } from '../../src/db/load-tables.ts';
import { openNodeDatabase } from '../../src/db/node-duckdb.ts';
import { readCsvRecords } from '../../pipelines/csv/read-csv.ts';
import { capture, tempWorkDir, writeFolder } from './cli-helpers.ts';
import { CASES, cleanSet, mismatches, type Case, type FileSet } from './load-corpus.ts';

const work = tempWorkDir('tee-bad-inputs-');
const enrichSql = readFileSync('src/db/enrich.sql', 'utf8');
let dirs = 0;

const writeFiles = (files: Record<string, string | Uint8Array>): string => writeFolder(join(work, `set-${++dirs}`), files);

/** Every file under `dir` as text, by name (empty when the folder was never made). */
function filesIn(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'latin1')]));
}

/** A case's expectation rewritten for another entry point: each pattern's file names changed by `rename`. */
function renamed(testCase: Case, rename: (source: string) => string, extra: Partial<Case> = {}): Case {
  return {
    ...testCase,
    refused: testCase.refused?.map((p) => new RegExp(rename(p.source), p.flags)),
    ...extra,
  };
}

let cleanReport: unknown;
beforeAll(async () => {
  const clean = await capture(report, writeFiles(cleanSet()));
  expect(clean.code, clean.stderr).toBe(0);
  cleanReport = JSON.parse(clean.stdout);
});

// ---------------------------------------------------------------------------------------------------------------
// to-parquet DIR OUT: the same refusals as `validate` (on stderr), nothing written; an accepted set is written as
// Parquet that `report` reads to the same figures as the clean CSVs.
describe.each(CASES)('to-parquet: $name', (testCase) => {
  it('refuses with file:line: column and writes nothing, or writes Parquet that reports like the clean set', async () => {
    const out = join(work, `parquet-out-${++dirs}`);
    const result = await capture(toParquet, writeFiles(testCase.edit(cleanSet())), out);
    if (testCase.accepted) {
      expect(result.code, result.stderr).toBe(0);
      expect(Object.keys(filesIn(out))).toEqual(['provision.parquet', 'referrals.parquet', 'schools.parquet', 'workforce.parquet']);
      const again = await capture(report, out);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toEqual(cleanReport);
      return;
    }
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toBe('');
    expect(mismatches(testCase, result.stderr)).toEqual([]);
    expect(filesIn(out)).toEqual({});
  });
});

// ---------------------------------------------------------------------------------------------------------------
// anonymise: the case's referrals.csv turned into a raw extract line for line (so every line number stays), with
// pupil_pseudo_id read as the extract's nhs_number: a clean P-000n becomes a valid NHS number, anything else is
// kept as it is, so an NHS number there is what the column is for and anything else is not a valid NHS number.
const NHS_NUMBERS: Record<string, string> = {
  'P-0001': '4505577112', 'P-0002': '4505577120', 'P-0003': '4505577139', 'P-0004': '4505577147', 'P-0005': '4505577155',
};
const EXTRACT = 'referrals-extract.csv';
/** Extract lines read like the contract's referrals plus date_of_birth (blank unless year_group is). */
function asExtract(referrals: string): string {
  if (referrals === '') return '';
  return referrals.split('\n').map((line, i) => {
    const cr = line.endsWith('\r') ? '\r' : '';
    const text = cr ? line.slice(0, -1) : line;
    if (text === '') return line;
    if (i === 0) return `${text.replace('pupil_pseudo_id', 'nhs_number')},date_of_birth${cr}`;
    const cells = text.split(',');
    cells[1] = NHS_NUMBERS[cells[1] ?? ''] ?? cells[1] ?? '';
    const dateOfBirth = (cells[5] ?? '').trim() === '' ? '2020-06-01' : '';
    return `${cells.join(',')},${dateOfBirth}${cr}`;
  }).join('\n');
}

const toExtract = (source: string) => source.replaceAll('referrals\\.csv', 'referrals-extract\\.csv');

/**
 * What anonymise must do where it differs from `validate`, and why. `accepted` here means exit 0 with the value
 * never written (it is the input the pseudonym is made from, or a column anonymise never writes).
 */
const ANONYMISE: Record<string, Partial<Case> & { accepted?: true }> = {
  // The extract's referral_id is the provider's own id: it becomes a keyed pseudonym, so its value is never written.
  'NHS number in referral_id (plain)': { accepted: true, refused: undefined },
  'NHS number in referral_id (spaced)': { accepted: true, refused: undefined },
  // The same for a NUL byte in the provider's referral_id: only its pseudonym is written.
  'NUL byte in a referral_id': { accepted: true, refused: undefined, never: [new RegExp(String.fromCharCode(0))] },
  // A raw extract's referral_date is read by the extract's mapper (pipelines/anonymise/raw-extract.ts: JavaScript's
  // trim() takes a vertical tab as white space) and written as an ISO date: the control character is never written.
  'vertical tab after a referral_date': { accepted: true, refused: undefined, never: [new RegExp(String.fromCharCode(11))] },
  // An NHS number in the nhs_number column is what the pupil pseudonym is made from; a postcode or a name there is
  // not a valid NHS number, refused without being shown.
  'NHS number in pupil_pseudo_id (spaced)': { accepted: true, refused: undefined },
  'NHS number in pupil_pseudo_id (hyphenated)': { accepted: true, refused: undefined },
  'full postcode in an id column (pupil_pseudo_id)': { refused: [/referrals-extract\.csv:3: nhs_number: is not a valid NHS number/] },
  "a child's name in pupil_pseudo_id": { refused: [/referrals-extract\.csv:5: nhs_number: is not a valid NHS number/] },
  // A folder without schools.csv is refused before anything is read.
  'missing schools.csv (one error, no knock-on unknown URNs)': { refused: [/required file missing: .*schools\.csv/] },
  // An empty extract is one problem (not one per required column it lacks).
  'empty referrals.csv': { refused: [/referrals-extract\.csv:1: \(file\): is empty/], never: [/required column is missing/] },
};

function anonymiseCase(testCase: Case): Case {
  const override = ANONYMISE[testCase.name];
  const base = renamed(testCase, toExtract);
  return override ? { ...base, ...override } : base;
}

const KEY = join(work, 'key.txt');
writeFileSync(KEY, `${'d4'.repeat(32)}\n`, { mode: 0o600 });

async function runAnonymise(input: string): Promise<{ code: number; output: string; out: string; files: Record<string, string> }> {
  const out = join(work, `anon-out-${++dirs}`);
  const result = await capture(anonymise, input, out, '--key-file', KEY);
  return { code: result.code, output: result.stdout + result.stderr, out, files: filesIn(out) };
}

function folderOf(files: FileSet): string {
  const { 'referrals.csv': referrals, ...others } = files;
  return writeFiles({ ...others, ...(referrals === undefined ? {} : { [EXTRACT]: asExtract(referrals) }) });
}

let cleanFolderOutput: Record<string, string>;
let cleanFileOutput: Record<string, string>;
beforeAll(async () => {
  const folder = await runAnonymise(folderOf(cleanSet()));
  expect(folder.code, folder.output).toBe(0);
  cleanFolderOutput = folder.files;
  const file = await runAnonymise(join(writeFiles({ [EXTRACT]: asExtract(cleanSet()['referrals.csv'] ?? '') }), EXTRACT));
  expect(file.code, file.output).toBe(0);
  cleanFileOutput = file.files;
});

/** The values a case puts in the input that no output file may hold. */
function neverWritten(testCase: Case, files: Record<string, string>): string[] {
  const all = Object.values(files).join('\n');
  return (testCase.never ?? []).filter((p) => !/URN of any school/.test(p.source) && p.test(all)).map(String);
}

/**
 * An accepted run: exit 0, no withheld value in any file written; when the input only looks unusual, referrals.csv
 * is the clean set's byte for byte and every other table is its input copied unchanged.
 */
function expectAnonymise(testCase: Case, run: Awaited<ReturnType<typeof runAnonymise>>, clean: Record<string, string>,
  sameAsClean: boolean, input: FileSet = {}): void {
  if (testCase.accepted) {
    expect(run.code, run.output).toBe(0);
    expect(neverWritten(testCase, run.files)).toEqual([]);
    if (sameAsClean) {
      const { 'referrals.csv': _referrals, ...copied } = input;
      expect(run.files).toEqual({ ...clean, ...copied });
    }
    expect(mismatches({ ...testCase, refused: [] }, run.output)).toEqual([]);
    return;
  }
  expect(run.code, run.output).toBe(1);
  expect(mismatches(testCase, run.output)).toEqual([]);
  expect(run.files).toEqual({});
}

describe.each(CASES)('anonymise (folder): $name', (base) => {
  const testCase = anonymiseCase(base);
  it(testCase.accepted ? 'writes what the clean set gives, the value never written' : 'refuses with file:line: column, nothing written', async () => {
    const input = base.edit(cleanSet());
    const run = await runAnonymise(folderOf(input));
    // Only an input that merely looks unusual gives the clean set's files; an identifier that was pseudonymised
    // gives another pseudonym.
    expectAnonymise(testCase, run, cleanFolderOutput, base.accepted === true, input);
  });
});

// Single-file mode: only the referrals cases apply (there is nothing else to check the extract against).
const REFERRALS_ONLY = CASES.filter((c) => {
  const edited = c.edit(cleanSet());
  const clean = cleanSet();
  return Object.keys(clean).every((name) => name === 'referrals.csv' || edited[name] === clean[name]) && 'referrals.csv' in edited;
});

describe.each(REFERRALS_ONLY)('anonymise (single file): $name', (base) => {
  const testCase = anonymiseCase(base);
  it(testCase.accepted ? 'writes what the clean extract gives, the value never written' : 'refuses with file:line: column, nothing written', async () => {
    const input = join(writeFiles({ [EXTRACT]: asExtract(base.edit(cleanSet())['referrals.csv'] ?? '') }), EXTRACT);
    const run = await runAnonymise(input);
    expectAnonymise(testCase, run, cleanFileOutput, base.accepted === true);
  });
});

// `validate FILE`: one table checked alone (no other file to check its school_urn against), the same refusals.
describe.each(REFERRALS_ONLY)('validate (single file): $name', (testCase) => {
  it(testCase.accepted ? 'passes' : 'refuses with file:line: column', async () => {
    const dir = writeFiles({ 'referrals.csv': testCase.edit(cleanSet())['referrals.csv'] ?? '' });
    const result = await capture(validate, join(dir, 'referrals.csv'));
    const output = result.stdout + result.stderr;
    expect(result.code, output).toBe(testCase.accepted ? 0 : 1);
    expect(mismatches(testCase.accepted ? { ...testCase, refused: [] } : testCase, output)).toEqual([]);
  });
});

it('the single-file cases include every referrals case (school_urn holding a name among them)', () => {
  expect(REFERRALS_ONLY.map((c) => c.name)).toContain("a child's name in school_urn");
  expect(REFERRALS_ONLY.length).toBeGreaterThanOrEqual(15);
});

// ---------------------------------------------------------------------------------------------------------------
// Parquet: each case's tables written as Parquet files (typed as to-parquet types them where every value allows
// it, else as text), through the upload, `validate` and `report`. Line N of a Parquet file is its row N − 1, as if
// it were a CSV with a header, so the lines expected are the CSV's. Cases about the CSV text itself (line endings,
// quotes, blank lines, an empty file) have no Parquet form.
const NOT_PARQUET = new Set(['mixed CRLF and LF line endings', 'CRLF then LF line endings (the first lines CRLF)', 'unclosed quote',
  'wrong line counted after blank lines and a quoted line break', 'empty schools.csv (one error, no knock-on unknown URNs)', 'empty referrals.csv']);
/** Cases whose Parquet refusal differs from the CSV one: a Parquet file has no line-length limit. */
const PARQUET: Record<string, Partial<Case>> = {
  "3 MB cell (over DuckDB's line limit)": { refused: [/schools\.parquet:3: name: is longer than 1000 characters/] },
  "2 MB cell in schools.csv (issue 13's half-load)": { refused: [/schools\.parquet:3: name: is longer than 1000 characters/] },
  // A missing table is named by its contract file name, whatever the others are.
  'missing schools.csv (one error, no knock-on unknown URNs)': { refused: [/schools\.csv(: required file)? is missing/] },
};

type Column = { name: string; values: string[] };
function parquetColumn({ name, values }: Column): { element: SchemaElement; data: (string | number | boolean | null)[] } {
  const filled = values.filter((v) => v !== '');
  const optional = { repetition_type: 'OPTIONAL' as const };
  if (filled.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)) && filled.length > 0 && !name.endsWith('month')) {
    return { element: { name, type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' }, ...optional },
      data: values.map((v) => (v === '' ? null : Date.parse(`${v}T00:00:00Z`) / 86_400_000)) };
  }
  if (filled.length > 0 && filled.every((v) => /^-?\d+$/.test(v)) && !/urn|id$/.test(name)) {
    return { element: { name, type: 'INT32', ...optional }, data: values.map((v) => (v === '' ? null : Number(v))) };
  }
  if (filled.length > 0 && filled.every((v) => /^-?\d+(\.\d+)?$/.test(v)) && !/urn|id$/.test(name)) {
    return { element: { name, type: 'DOUBLE', ...optional }, data: values.map((v) => (v === '' ? null : Number(v))) };
  }
  if (filled.length > 0 && filled.every((v) => v === 'true' || v === 'false')) {
    return { element: { name, type: 'BOOLEAN', ...optional }, data: values.map((v) => (v === '' ? null : v === 'true')) };
  }
  return { element: { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, ...optional }, data: values.map((v) => (v === '' ? null : v)) };
}

function asParquet(csv: string): Uint8Array {
  const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  const columns = header.map((name, i) => parquetColumn({ name, values: rows.map((r) => r[i] ?? '') }));
  const buffer = parquetWriteBuffer({
    columnData: columns.map((c, i) => ({ name: header[i] ?? '', data: c.data })),
    schema: [{ name: 'root', num_children: columns.length }, ...columns.map((c) => c.element)],
  });
  return new Uint8Array(buffer);
}

function parquetSet(files: FileSet): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [name.replace(/\.csv$/, '.parquet'), asParquet(text)]));
}

const toParquetNames = (source: string) => source.replace(/(schools|referrals|provision|workforce)\\\.csv/g, '$1\\.parquet');
const PARQUET_CASES = CASES.filter((c) => !NOT_PARQUET.has(c.name)).map((c) => ({ ...renamed(c, toParquetNames), ...PARQUET[c.name] }));

let session: DataSession;
let cleanTables: Record<string, unknown[]>;
const TABLES_COMPARED = ['schools', 'referrals', 'provision', 'workforce'];
async function tablesInUse(): Promise<Record<string, unknown[]>> {
  const state = session.getState();
  if (state.status !== 'ready') throw new Error(`session is ${state.status}`);
  const tables: Record<string, unknown[]> = {};
  for (const name of TABLES_COMPARED) tables[name] = await state.data.db.query(`SELECT * FROM ${name} ORDER BY ALL`);
  return tables;
}
beforeAll(async () => {
  session = new DataSession(enrichSql);
  const encoded = Object.fromEntries(Object.entries(cleanSet()).map(([n, t]) => [n, new TextEncoder().encode(t)]));
  await session.start(openNodeDatabase(), { files: () => Promise.resolve(encoded) });
  cleanTables = await tablesInUse();
});

it('every case not written as Parquet is named, and has a CSV-only cause', () => {
  expect(CASES.filter((c) => NOT_PARQUET.has(c.name))).toHaveLength(NOT_PARQUET.size);
});

it('the Parquet form of the clean set loads the same tables as its CSV', async () => {
  await session.loadUserFiles(parquetSet(cleanSet()));
  expect(await tablesInUse()).toEqual(cleanTables);
});

describe.each(PARQUET_CASES)('Parquet: $name', (testCase) => {
  const files = parquetSet(testCase.edit(cleanSet()));

  it('upload (DataSession on DuckDB-wasm)', async () => {
    await session.loadUserFiles(parquetSet(cleanSet()));
    const before = await tablesInUse();
    const load = session.loadUserFiles(files);
    if (testCase.accepted) {
      await load;
      expect(await tablesInUse()).toEqual(cleanTables);
      return;
    }
    const error = await load.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ContractRefusal);
    expect(mismatches(testCase, issueLines((error as ContractRefusal).report).join('\n'))).toEqual([]);
    expect(await tablesInUse()).toEqual(before);
  });

  it('validate CLI', async () => {
    const result = await capture(validate, writeFiles(files));
    const output = result.stdout + result.stderr;
    expect(result.code, output).toBe(testCase.accepted ? 0 : 1);
    expect(mismatches(testCase.accepted ? { ...testCase, refused: [] } : testCase, output)).toEqual([]);
  });

  it('to-parquet CLI (Parquet in, Parquet out)', async () => {
    const out = join(work, `parquet-again-${++dirs}`);
    const result = await capture(toParquet, writeFiles(files), out);
    if (testCase.accepted) {
      expect(result.code, result.stderr).toBe(0);
      const again = await capture(report, out);
      expect(JSON.parse(again.stdout)).toEqual(cleanReport);
    } else {
      expect(result.code, result.stderr).toBe(1);
      expect(mismatches(testCase, result.stderr)).toEqual([]);
      expect(filesIn(out)).toEqual({});
    }
  });

  it('report CLI', async () => {
    const result = await capture(report, writeFiles(files));
    if (testCase.accepted) {
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(cleanReport);
    } else {
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toBe('');
      expect(mismatches(testCase, result.stderr)).toEqual([]);
    }
  });
});

// The extract reader behind anonymise (src/contract/csv-records.ts) once took a file whose first lines end in CRLF
// to use CRLF throughout, so the LF lines after them ran together into one record.
describe('the extract reader with CRLF then LF line endings', () => {
  it('ends a record at either, keeps a quoted line break whole, and counts the lines', async () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n2,"q"\r\n3,4\n5,"z\nw"\n\n6,7\r\n';
    const records: { line: number; cells: string[] }[] = [];
    for await (const record of readCsvRecords(
      (async function* chunks() { for (let i = 0; i < text.length; i += 3) yield text.slice(i, i + 3); })(),
    )) records.push({ line: record.line, cells: record.cells });
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['1', 'x\r\ny'] }, { line: 4, cells: ['2', 'q'] },
      { line: 5, cells: ['3', '4'] }, { line: 6, cells: ['5', 'z\nw'] }, { line: 9, cells: ['6', '7'] },
    ]);
  });
});

// The date floor is a setting (issue 13 item 4): every entry point takes it, and checks against the one given.
describe('the date floor is a setting at every entry point', () => {
  const early = CASES.find((c) => c.name === 'date before the floor (1985)');
  if (!early) throw new Error('the corpus has no 1985 case');
  const files = early.edit(cleanSet());
  const LATE_FLOOR = ['--date-floor', '2024-10-01'];
  const EARLY_FLOOR = ['--date-floor', '1980-01-01'];
  // With the floor at 2024-10-01 the clean set's first referral (2024-09-10, line 2) is too early.
  const tooEarly = (file: string) => new RegExp(`${file}:2: referral_date: is before 2024-10-01`);

  it('validate', async () => {
    expect((await capture(validate, writeFiles(files), ...EARLY_FLOOR)).code).toBe(0);
    const late = await capture(validate, writeFiles(cleanSet()), ...LATE_FLOOR);
    expect(late.code).toBe(1);
    expect(late.stdout).toMatch(tooEarly('referrals\\.csv'));
  });

  it('report', async () => {
    expect((await capture(report, writeFiles(files), ...EARLY_FLOOR)).code).toBe(0);
    const late = await capture(report, writeFiles(cleanSet()), ...LATE_FLOOR);
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(tooEarly('referrals\\.csv'));
  });

  it('to-parquet', async () => {
    expect((await capture(toParquet, writeFiles(files), join(work, `floor-${++dirs}`), ...EARLY_FLOOR)).code).toBe(0);
    const late = await capture(toParquet, writeFiles(cleanSet()), join(work, `floor-${++dirs}`), ...LATE_FLOOR);
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(tooEarly('referrals\\.csv'));
  });

  it('anonymise', async () => {
    const out = join(work, `floor-${++dirs}`);
    const early_ = await capture(anonymise, folderOf(files), out, '--key-file', KEY, ...EARLY_FLOOR);
    expect(early_.code, early_.stderr).toBe(0);
    expect(readFileSync(join(out, 'referrals.csv'), 'utf8')).toMatch(/,1985-03-04,/);
    const late = await capture(anonymise, folderOf(cleanSet()), join(work, `floor-${++dirs}`), '--key-file', KEY, ...LATE_FLOOR);
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(tooEarly('referrals-extract\\.csv'));
  });

  it('upload (DataSession)', async () => {
    const encode = (set: FileSet) => Object.fromEntries(Object.entries(set).map(([n, t]) => [n, new TextEncoder().encode(t)]));
    const data = await session.loadUserFiles(encode(files), { dateFloor: '1980-01-01' });
    expect(data.loaded.rowCounts.referrals).toBe(6);
    const error = await session.loadUserFiles(encode(cleanSet()), { dateFloor: '2024-10-01' }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ContractRefusal);
    expect(issueLines((error as ContractRefusal).report).join('\n')).toMatch(tooEarly('referrals\\.csv'));
  });
});
