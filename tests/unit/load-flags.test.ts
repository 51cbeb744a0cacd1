// The load's fast path (src/db/stage-table.ts): one pass types every row and flags those that may break a rule
// (typedFlaggedSql); only flagged rows get the full checks. It is only right if every row the full checks find a
// problem in is flagged: checked here over every case of the failure corpus, against the full checks run on every
// row. Also the one byte scan of a CSV (src/db/csv-lines.ts) that decides mixed line endings and control
// characters, in slices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES, tableOfFile, type TableSpec } from '../../src/contract/index.ts';
import { cellIssuesSql, ident, rowIssuesSql, sqlString, typedFlaggedSql } from '../../src/contract/sql-checks.ts';
import { scanBytes, toLfOnly } from '../../src/db/csv-lines.ts';
import type { Database } from '../../src/db/database.ts';
import { openNodeDatabase } from '../../src/db/node-duckdb.ts';
import { readCsvHeader } from '../../src/db/stage-table.ts';
import { CASES, cleanSet, type FileSet } from './load-corpus.ts';

const SETTINGS = { today: '2026-06-30', dateFloor: '2000-01-01' };
const bytesOf = (text: string) => new TextEncoder().encode(text);

let db: Database;
beforeAll(async () => { db = await openNodeDatabase(); });
afterAll(async () => { await db.close(); });

/** Reads `text` into the table `raw` as the loader does (contract columns as text, absent ones NULL); false when it cannot. */
async function readRaw(table: TableSpec, text: string, raw: string): Promise<boolean> {
  const bytes = bytesOf(text);
  const header = readCsvHeader(bytes);
  if (!table.columns.some((c) => header.includes(c.name))) return false;
  const name = `_flags_${table.name}.csv`;
  await db.registerFile(name, bytes);
  try {
    const columns = header.map((n, i) => (table.columns.some((c) => c.name === n) ? n : `_ignored_${i}`));
    const select = table.columns.map((c) => (header.includes(c.name) ? ident(c.name) : `CAST(NULL AS VARCHAR) AS ${ident(c.name)}`));
    await db.query(`CREATE OR REPLACE TABLE ${ident(raw)} AS SELECT ${select.join(', ')} FROM read_csv(${sqlString(name)}, `
      + `header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${columns.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ')}})`);
    return true;
  } catch {
    return false;
  } finally {
    await db.dropFile(name);
  }
}

/** For each table of the set: the records the full checks find a problem in, and the records flagged. */
async function problemsAndFlags(files: FileSet) {
  const out: { file: string; problems: number[]; flagged: number[] }[] = [];
  const schoolsText = files['schools.csv'];
  const schoolsRead = schoolsText !== undefined && await readRaw(TABLES.schools, schoolsText, '_raw_s');
  if (schoolsRead) await db.query(`CREATE OR REPLACE TABLE _typed_s AS ${typedFlaggedSql(TABLES.schools, '_raw_s', SETTINGS, null)}`);
  for (const [file, text] of Object.entries(files)) {
    const table = tableOfFile(file);
    if (!table || !(await readRaw(table, text, '_raw_t'))) continue;
    const schools = table.name !== 'schools' && schoolsRead ? '_typed_s' : null;
    await db.query(`CREATE OR REPLACE TABLE _typed_t AS ${typedFlaggedSql(table, '_raw_t', SETTINGS, schools)}`);
    const flagged = (await db.query<{ record: number }>('SELECT record FROM _typed_t WHERE _flag ORDER BY record')).map((r) => r.record);
    await db.query('ALTER TABLE _typed_t DROP COLUMN _flag');
    await db.query(`CREATE OR REPLACE TABLE _cells_t AS ${cellIssuesSql(table, '_raw_t', SETTINGS)}`);
    // Every rule but the repeated key, which is found by its own count over the whole table, never by the flag.
    const problems = (await db.query<{ record: number }>(`SELECT DISTINCT record FROM (SELECT record, ord FROM _cells_t UNION ALL `
      + `SELECT record, ord FROM (${rowIssuesSql(table, '_typed_t', '_cells_t', schools)})) WHERE ord <> 200 ORDER BY record`)).map((r) => r.record);
    out.push({ file, problems, flagged });
  }
  return out;
}

describe('the one pass flags every row the full checks refuse', () => {
  it('flags no row of the clean set', async () => {
    const tables = await problemsAndFlags(cleanSet());
    expect(tables.map((t) => t.file).sort()).toEqual(['provision.csv', 'referrals.csv', 'schools.csv', 'workforce.csv']);
    for (const t of tables) expect({ file: t.file, flagged: t.flagged, problems: t.problems }).toEqual({ file: t.file, flagged: [], problems: [] });
  });

  it.each(CASES.filter((c) => !c.accepted))('$name', async ({ edit }) => {
    for (const t of await problemsAndFlags(edit(cleanSet()))) {
      expect({ file: t.file, unflagged: t.problems.filter((r) => !t.flagged.includes(r)) }).toEqual({ file: t.file, unflagged: [] });
    }
  });

  it('flags the rows of a corpus case that breaks a cell or a row rule', async () => {
    const found = [];
    for (const c of CASES.filter((k) => !k.accepted)) found.push(...(await problemsAndFlags(c.edit(cleanSet()))).filter((t) => t.problems.length > 0));
    // Not vacuous: many cases reach the full checks, each problem row among the flagged.
    expect(found.length).toBeGreaterThan(10);
  });

  it('does not flag ten digits inside a pseudonym, but flags an NHS number standing alone', async () => {
    const set = cleanSet();
    const lines = (set['referrals.csv'] ?? '').split('\n');
    lines[1] = (lines[1] ?? '').replace('P-0001', 'P2700616844ba');
    lines[2] = (lines[2] ?? '').replace('P-0002', '943 476 5919');
    const [referrals] = (await problemsAndFlags({ ...set, 'referrals.csv': lines.join('\n') })).filter((t) => t.file === 'referrals.csv');
    expect(referrals).toEqual({ file: 'referrals.csv', problems: [1], flagged: [1] });
  });
});

describe('scanBytes: one pass for line endings, control characters and padded cells, in slices', () => {
  const cases: [string, string, { mixedLineEndings: boolean; controls: boolean; padded?: boolean }][] = [
    ['LF only', 'a,b\n1,2\n', { mixedLineEndings: false, controls: false }],
    ['CRLF only', 'a,b\r\n1,2\r\n', { mixedLineEndings: false, controls: false }],
    ['CRLF then LF', 'a,b\r\n1,2\n3,4\n', { mixedLineEndings: true, controls: false }],
    ['LF first, at byte 0', '\na,b\r\n', { mixedLineEndings: true, controls: false }],
    ['CR only', 'a,b\r1,2\r', { mixedLineEndings: false, controls: false }],
    ['a tab is not a control character', 'a,b\n1\t,2\n', { mixedLineEndings: false, controls: false }],
    ['a NUL byte', 'a,b\n1\u0000,2\n', { mixedLineEndings: false, controls: true }],
    ['DEL', 'a,b\n1\u007f,2\n', { mixedLineEndings: false, controls: true }],
    ['a vertical tab and mixed endings', 'a,b\r\n1\u000b,2\n', { mixedLineEndings: true, controls: true }],
  ];
  it.each(cases)('%s', async (_name, text, expected) => {
    // Slices of 1 to 4 bytes put every CRLF across a slice boundary at least once.
    for (const slice of [1, 2, 3, 4, 1 << 20]) {
      expect(await scanBytes(bytesOf(text), slice)).toEqual({ padded: false, ...expected });
      // A File the user chose (a Blob) is read a slice at a time: the same answer.
      expect(await scanBytes(new Blob([bytesOf(text)]), slice)).toEqual({ padded: false, ...expected });
    }
  });

  // Padded: some cell may start or end with what DuckDB's trim() removes, so the one pass must trim. Every way a
  // cell can begin or end, against what trim() itself says of the file's cells.
  const padding: [string, string, boolean][] = [
    ['no padding, quoted cells, BOM, CRLF', '\uFEFFa,b\r\n"x y",2\r\n', false],
    ['a space inside a cell', 'a,b\nx y,2\n', false],
    ['a tab at the end of a cell (trim keeps it)', 'a,b\nx\t,2\n', false],
    ['a space after a comma', 'a,b\n1, 2\n', true],
    ['a space before a comma', 'a,b\n1 ,2\n', true],
    ['a space at the start of the file', ' a,b\n1,2\n', true],
    ['a space after the BOM', '\uFEFF a,b\n1,2\n', true],
    ['a space at the end of the file', 'a,b\n1,2 ', true],
    ['a space before LF', 'a,b\n1,2 \n', true],
    ['a space before CR', 'a,b\r\n1,2 \r\n', true],
    ['a space after LF', 'a,b\n 1,2\n', true],
    ['a space inside quotes, first', 'a,b\n" 1",2\n', true],
    ['a space inside quotes, last', 'a,b\n"1 ",2\n', true],
    ['a no-break space at the end of a cell', 'a,b\n1\u00a0,2\n', true],
    ['an ideographic space at the start of a cell', 'a,b\n\u30001,2\n', true],
  ];
  it.each(padding)('%s', async (_name, text, padded) => {
    for (const slice of [1, 2, 3, 1 << 20]) {
      expect((await scanBytes(bytesOf(text), slice)).padded).toBe(padded);
      expect((await scanBytes(new Blob([bytesOf(text)]), slice)).padded).toBe(padded);
    }
    // Not padded means trim() changes no cell of the file as DuckDB reads it.
    const name = '_padding.csv';
    await db.registerFile(name, bytesOf(text));
    try {
      const [{ changed = 0 } = {}] = await db.query<{ changed: number }>(`SELECT count(*) FILTER (WHERE trim(a) <> a OR trim(b) <> b) AS changed `
        + `FROM read_csv(${sqlString(name)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {'a': 'VARCHAR', 'b': 'VARCHAR'})`);
      if (!padded) expect(changed).toBe(0);
    } finally {
      await db.dropFile(name);
    }
  });

  it('toLfOnly turns each CRLF into LF, across slice boundaries', async () => {
    for (const slice of [1, 2, 3, 1 << 20]) {
      expect(new TextDecoder().decode(await toLfOnly(bytesOf('a,b\r\n1,"x\r\ny"\n\r2,3\r\n'), slice))).toBe('a,b\n1,"x\ny"\n\r2,3\n');
    }
  });
});
