// Reading one contract file into a staging table and checking it there, in DuckDB: CSV straight through read_csv
// (the contract's columns as text, no sniffing, store_rejects for records it cannot read), Parquet through
// hyparquet → Arrow → insertArrowTable (no CSV round trip). The contract's checks (src/contract/sql-checks.ts) then
// run as SQL; only the problems come back to JavaScript, with the line each is on.
import {
  TABLES, checkHeader, type TableName, type TableSpec, type ValidationIssue,
} from '../contract/index.ts';
import { findIdentifier } from '../contract/identifiers.ts';
import { openParquet } from '../contract/parquet-records.ts';
import { reasonOf, type ReasonCount } from '../contract/row-tally.ts';
import {
  cellIssuesSql, duplicateKeysSql, ident, rowIssuesSql, sqlString, typedFlaggedSql, unknownUrnSql, WITHHELD, type CheckSettings,
  type ColumnsWhere,
} from '../contract/sql-checks.ts';
import { indexRecords, lineOfRow, recordAt, scanBytes, toLfOnly, type ByteScan, type RecordIndex } from './csv-lines.ts';
import type { Database } from './database.ts';
import { readAll, readRange, sizeOf, type FileData } from './file-data.ts';
import { parquetEngineName, parquetTextSource } from './parquet-direct.ts';

export type FileFormat = 'csv' | 'parquet';

/** What checking one file found: rows accepted and rejected, the problems by reason, and the first problems. */
export interface FileReport {
  readonly fileName: string;
  readonly table: TableName;
  readonly format: FileFormat;
  readonly bytes: number;
  readonly rowsAccepted: number;
  readonly rowsRejected: number;
  /** Problems with the file as a whole: its header, an empty file. */
  readonly fileProblems: number;
  /** Set when the header is too broken (or the file empty) for the rows to be checked. */
  readonly rowsNotChecked: boolean;
  /** Most frequent first. */
  readonly rejectedByReason: readonly ReasonCount[];
  /** The first problems found, in file order. */
  readonly issues: readonly ValidationIssue[];
  /** All problems found, shown or not. */
  readonly issueCount: number;
}

export const stagingNames = (table: TableName) => ({
  raw: `_raw_${table}`, typed: `_new_${table}`, flagged: `_flagged_${table}`, cells: `_cells_${table}`, issues: `_issues_${table}`,
});

/** The name of the view that shows a checked table with its `record` (checkedWithRecord). */
const checkedView = (table: TableName) => `_checked_${table}`;

/**
 * The checked (typed staging) table of `table` with `record`, the record's number in file order, as its first
 * column, for the callers that read the checked rows back in file order (validate, to-parquet, anonymise): the
 * table itself when it has the column, else a view that gives its rowid as `record` (the one pass of a clean CSV).
 */
export async function checkedWithRecord(db: Database, table: TableName): Promise<string> {
  const { typed } = stagingNames(table);
  if (await hasRecord(db, typed)) return typed;
  await db.query(`CREATE OR REPLACE TEMP VIEW ${ident(checkedView(table))} AS SELECT rowid AS record, * FROM ${ident(typed)}`);
  return checkedView(table);
}

/** Whether the staging table `typed` carries a `record` column. */
export async function hasRecord(db: Database, typed: string): Promise<boolean> {
  const [{ n = 0 } = {}] = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM duckdb_columns() WHERE table_name = ${sqlString(typed)} AND column_name = 'record'`);
  return n > 0;
}

/** The header of a CSV: its first line split on commas, honouring double quotes; BOM and case removed. */
export function readCsvHeader(bytes: Uint8Array): string[] {
  const head = new TextDecoder().decode(bytes.subarray(0, 65_536)).replace(/^\uFEFF/, '');
  const names: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const ch = head[i];
    if (quoted) {
      if (ch === '"' && head[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { names.push(cell); cell = ''; } else if (ch === '\n' || ch === '\r') break;
    else cell += ch;
  }
  names.push(cell);
  return names.map((n) => n.trim().toLowerCase());
}

const REJECT_MESSAGES: Record<string, string> = {
  'TOO MANY COLUMNS': 'has more cells than the header has columns',
  'MISSING COLUMNS': 'has fewer cells than the header has columns',
  'UNQUOTED VALUE': 'has a quoted field that is never closed, or text after a closing quote (a stray " character?)',
  'LINE SIZE OVER MAXIMUM': 'is longer than 2,000,000 bytes: no row may be that long (if none of its cells is, a quoted field is never closed: a stray " character?)',
  'INVALID ENCODING': 'has characters that are not UTF-8 (save the file as "CSV UTF-8")',
  'INVALID UNICODE': 'has characters that are not UTF-8 (save the file as "CSV UTF-8")',
};

interface RawIssue { record: number; column: string; message: string; value: string | null }

/** The name a table's CSV is registered under in the engine. */
const engineFileName = (table: TableName) => `_upload_${table}.csv`;

/** SQL of the CSV registered as `engineName` read as the contract's columns in order, every cell as text (a column
 * the header lacks is NULL), with no sniffing. */
function readCsvSql(table: TableSpec, engineName: string, header: string[], rejects: boolean): string {
  const fileColumns = header.map((name, i) => (table.columns.some((c) => c.name === name) ? name : `_ignored_${i}`));
  const columns = `{${fileColumns.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ')}}`;
  const select = table.columns.map((c) => (header.includes(c.name) ? ident(c.name) : `CAST(NULL AS VARCHAR) AS ${ident(c.name)}`));
  return `SELECT ${select.join(', ')} FROM read_csv(${sqlString(engineName)}, `
    + "header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
    + `columns = ${columns}${rejects ? ', store_rejects = true' : ''})`;
}

/**
 * The one pass for a file that is most likely clean (every well-formed file): read, typed and flagged straight from
 * `source` (SQL of the file's contract columns as text: read_csv of a CSV, read_parquet of a Parquet file on an
 * engine that has it) into the typed staging table (typedFlaggedSql), with no text copy of the file kept. It returns the rows
 * read when no row is flagged, no key repeats and DuckDB read every record: the file is clean and the typed table
 * stays, without `record` (its rowid is the record, in file order). Otherwise it drops what it made and returns
 * null, or 'unreadable' when DuckDB could not read the file: the full path (stageCsv and the checks) then runs from
 * the start, so what is found and said about a file with problems never depends on this pass.
 */
async function cleanPass(db: Database, table: TableSpec, source: string, settings: CheckSettings,
  schools: string | null, scan: { readonly controls: ColumnsWhere; readonly padded: ColumnsWhere }): Promise<number | null | 'unreadable'> {
  const { typed } = stagingNames(table.name);
  // No join in this statement, so that the rows keep file order on every engine and the rowid is the record: a
  // join lets multi-threaded (native) DuckDB reorder them. So the known-URN rule is counted below, and DuckDB is
  // kept from rewriting a long IN list (the enums' values) into a join for this statement.
  const [{ off = '' } = {}] = await db.query<{ off: string }>("SELECT current_setting('disabled_optimizers') AS off");
  await db.query(`SET disabled_optimizers = ${sqlString([off, 'in_clause'].filter((o) => o !== '').join(','))}`);
  try {
    await db.query(`CREATE OR REPLACE TABLE ${ident(typed)} AS `
      + typedFlaggedSql(table, '', settings, null, scan.controls, `(${source})`, scan.padded));
  } catch {
    return 'unreadable';
  } finally {
    await db.query(`SET disabled_optimizers = ${sqlString(off)}`);
  }
  const unknownUrn = unknownUrnSql(table, schools);
  const [{ n = 0, flagged = 0 } = {}] = await db.query<{ n: number; flagged: number }>(
    `SELECT count(*) AS n, count(*) FILTER (WHERE _flag${unknownUrn ? ` OR ${unknownUrn}` : ''}) AS flagged FROM ${ident(typed)}`);
  const clean = n > 0 && flagged === 0
    && ((await db.query<{ n: number }>(duplicateKeysSql(table, typed)))[0]?.n ?? 0) === 0;
  if (!clean) {
    await db.query(`DROP TABLE ${ident(typed)}`);
    return null;
  }
  await db.query(`ALTER TABLE ${ident(typed)} DROP COLUMN _flag`);
  return n;
}

/**
 * Reads the CSV registered as `engineName` (the bytes `given`) into `raw` (all contract columns as VARCHAR); returns
 * the records DuckDB could not read. `readable` false: the clean pass could not read it.
 */
async function stageCsv(db: Database, table: TableSpec, engineName: string, given: FileData, header: string[], readable: boolean) {
  const { raw } = stagingNames(table.name);
  const read = (rejects: boolean) => db.query(`CREATE OR REPLACE TABLE ${ident(raw)} AS ${readCsvSql(table, engineName, header, rejects)}`);
  // A file DuckDB can read is read faster without store_rejects; only one it cannot read is read again to list why.
  if (readable && await read(false).then(() => true, () => false)) return { index: null, rejected: [] as RawIssue[] };
  await db.query('DROP TABLE IF EXISTS reject_errors');
  await db.query('DROP TABLE IF EXISTS reject_scans');
  await read(true);
  const rejects = await db.query<{ byte_position: number; column_name: string | null; error_type: string; error_message: string }>(
    'SELECT byte_position, column_name, error_type, error_message FROM reject_errors ORDER BY byte_position');
  await db.query('DROP TABLE IF EXISTS reject_errors');
  await db.query('DROP TABLE IF EXISTS reject_scans');
  if (rejects.length === 0) return { index: null, rejected: [] as RawIssue[] };
  const index = indexRecords(await readAll(given));
  const rejected = rejects.map((r) => ({
    record: recordAt(index, r.byte_position),
    column: r.error_type === 'CAST' || r.error_type === 'UNQUOTED VALUE' ? r.column_name ?? '(row)' : '(row)',
    message: REJECT_MESSAGES[r.error_type] ?? `cannot be read (${r.error_type.toLowerCase()})`,
    value: null,
  }));
  return { index, rejected };
}

/** Reads a Parquet file into `raw` (every contract column as text, as the CSV it stands for), row group by row group. */
async function stageParquet(db: Database, table: TableSpec, bytes: Uint8Array): Promise<void> {
  const { raw } = stagingNames(table.name);
  // apache-arrow only when a file takes this path: importing it costs every command line process ≈ 0.4 s.
  const [{ Table }, { utf8Vector }] = await Promise.all([import('apache-arrow'), import('./arrow-text.ts')]);
  const parquet = openParquet(bytes);
  const at = table.columns.map((c) => parquet.header.indexOf(c.name));
  await db.query(`CREATE OR REPLACE TABLE ${ident(raw)} (${table.columns.map((c) => `${ident(c.name)} VARCHAR`).join(', ')})`);
  for await (const batch of parquet.batches) {
    const vectors = Object.fromEntries(table.columns.map((c, i) => [c.name, utf8Vector(
      batch.map((record) => { const text = (at[i] ?? -1) >= 0 ? record.cells[at[i] ?? 0] ?? '' : ''; return text === '' ? null : text; }))]));
    await db.insertArrowTable(raw, new Table(vectors));
  }
}

export interface StageOptions {
  readonly table: TableName;
  readonly fileName: string;
  /** The file: read whole only for Parquet, or to place a problem on its line. */
  readonly data: FileData;
  readonly settings: CheckSettings;
  /** The typed schools staging table to check school_urn against, or null to skip that check. */
  readonly schools: string | null;
  readonly maxIssues: number;
  readonly onRows?: (rows: number) => void;
}

const formatOf = (name: string): FileFormat => (name.toLowerCase().endsWith('.parquet') ? 'parquet' : 'csv');

/** A value a message may repeat: never one that looks like an identifier. */
const shown = (value: string | null) => (value === null ? '' : findIdentifier(value) ? WITHHELD : value);

/** Stages and checks one file; the staging tables stay for the caller to swap in or drop. */
export async function stageTable(db: Database, options: StageOptions): Promise<FileReport> {
  const { table: name, fileName, data } = options;
  const table = TABLES[name];
  const format = formatOf(fileName);
  const names = stagingNames(name);
  const fileIssues: ValidationIssue[] = [];
  const report = (rows: number, rowsRejected: number, issues: ValidationIssue[], issueCount: number, byReason: ReasonCount[], notChecked: boolean): FileReport => ({
    fileName, table: name, format, bytes: sizeOf(data), rowsAccepted: rows - rowsRejected, rowsRejected,
    fileProblems: fileIssues.length, rowsNotChecked: notChecked, rejectedByReason: byReason,
    issues: [...fileIssues, ...issues].slice(0, options.maxIssues), issueCount: fileIssues.length + issueCount,
  });
  const fileProblem = (message: string, column = '(file)', value = '') => fileIssues.push({ file: fileName, line: 1, column, message, value });

  let header: string[];
  let rejected: RawIssue[] = [];
  let index: RecordIndex | null = null;
  // A Parquet file is read whole (hyparquet, or DuckDB's reader, needs it); a CSV's first 64 KB hold its header.
  const bytes = format === 'parquet' ? await readAll(data) : null;
  try {
    if (bytes) header = openParquet(bytes).header.map((h) => h.trim().toLowerCase());
    else {
      const head = await readRange(data, 0, 65_536);
      if (new TextDecoder().decode(head.subarray(0, 4096)).replace(/^\uFEFF/, '').trim() === '') {
        fileProblem('is empty: it needs a header line naming the columns, then one row per record');
        return report(0, 0, [], 0, [], true);
      }
      header = readCsvHeader(head);
    }
  } catch (error) {
    fileProblem(`cannot be read as Parquet (${error instanceof Error ? error.message : String(error)})`);
    return report(0, 0, [], 0, [], true);
  }
  for (const issue of checkHeader(table, fileName, header).issues) fileIssues.push(issue);
  if (fileIssues.length > 0) return report(0, 0, [], 0, [], true);

  const scan: ByteScan = bytes ? { mixedLineEndings: false, controls: true, padded: true } : await scanBytes(data);
  if (bytes) {
    // Straight from read_parquet into the typed table when the engine has it and the file's column types are ones
    // it renders as the hyparquet path does; otherwise (or if the file is not clean) the text staging table.
    const source = db.readsParquet ? await parquetTextSource(db, table, header, bytes) : null;
    if (source === null) await stageParquet(db, table, bytes);
    else {
      // Registered once for the clean pass and, if it is not clean, the full path's text staging table.
      try {
        // Control characters and padding can only be in the file's text (VARCHAR) columns: the text this path makes
        // of every other type holds neither. Control characters are looked for in every one of them (a cast may read
        // past one: DuckDB reads '2024-01-15' followed by a control character as that date); padding only in the
        // contract's `string` columns, the ones whose trimmed text is the value: a padded cell of any other type
        // either fails its type's check, so the row is flagged and the full path below reads the file from the
        // start, trimming every cell as for a CSV, or is cast to the same value as the trimmed text.
        const padded = new Set([...source.textColumns].filter((name) => table.columns.some((c) => c.name === name && c.type === 'string')));
        const clean = await cleanPass(db, table, source.sql, options.settings, options.schools, { controls: source.textColumns, padded });
        if (typeof clean === 'number') {
          options.onRows?.(clean);
          return report(clean, 0, [], 0, [], false);
        }
        await db.query(`CREATE OR REPLACE TABLE ${ident(names.raw)} AS ${source.sql}`);
      } finally {
        await db.dropFile(parquetEngineName(table)).catch(() => undefined);
      }
    }
  } else {
    const given = scan.mixedLineEndings ? await toLfOnly(await readAll(data)) : data;
    // Registered once (a copy of the file in the engine) for the clean pass and, if it is not clean, the full path.
    const engineName = engineFileName(name);
    await db.registerFile(engineName, given);
    try {
      const clean = await cleanPass(db, table, readCsvSql(table, engineName, header, false), options.settings, options.schools, scan);
      if (typeof clean === 'number') {
        options.onRows?.(clean);
        return report(clean, 0, [], 0, [], false);
      }
      ({ index, rejected } = await stageCsv(db, table, engineName, given, header, clean !== 'unreadable'));
    } finally {
      await db.dropFile(engineName).catch(() => undefined);
    }
  }
  const [{ n: rowsRead = 0 } = {}] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${ident(names.raw)}`);
  options.onRows?.(rowsRead + rejected.length);
  if (rowsRead + rejected.length === 0) {
    fileProblem('has a header but no rows: every table needs at least one row');
    return report(0, 0, [], 0, [], true);
  }

  const { controls } = scan;
  // One pass types every row and flags those that may break a rule; a clean file (no flag, no repeated key) is
  // done, its text copy dropped at once. Otherwise the full checks run over the text and the typed rows.
  await db.query(`CREATE OR REPLACE TABLE ${ident(names.typed)} AS ${typedFlaggedSql(table, names.raw, options.settings, options.schools, controls)}`);
  await db.query(`CREATE OR REPLACE TABLE ${ident(names.flagged)} AS SELECT record FROM ${ident(names.typed)} WHERE _flag`);
  await db.query(`ALTER TABLE ${ident(names.typed)} DROP COLUMN _flag`);
  const [{ n: flagged = 0 } = {}] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${ident(names.flagged)}`);
  const [{ n: duplicateKeys = 0 } = {}] = await db.query<{ n: number }>(duplicateKeysSql(table, names.typed));
  if (flagged === 0 && duplicateKeys === 0 && rejected.length === 0) {
    await db.query(`DROP TABLE ${ident(names.raw)}`);
    return report(rowsRead, 0, [], 0, [], false);
  }
  // Only the flagged rows get the full cell checks (and, unless a key repeats, the row rules): the others pass.
  await db.query(`CREATE OR REPLACE TABLE ${ident(names.cells)} AS ${cellIssuesSql(table, names.raw, options.settings, controls, names.flagged)}`);
  await db.query(`DROP TABLE ${ident(names.raw)}`);
  await db.query(`CREATE OR REPLACE TABLE ${ident(names.issues)} AS SELECT * FROM ${ident(names.cells)} UNION ALL `
    + `${rowIssuesSql(table, names.typed, names.cells, options.schools, duplicateKeys > 0, duplicateKeys > 0 ? undefined : names.flagged)}`);
  const [summary] = await db.query<{ n: number; records: number }>(`SELECT count(*) AS n, count(DISTINCT record) AS records FROM ${ident(names.issues)}`);
  const issueCount = (summary?.n ?? 0) + rejected.length;
  if (issueCount === 0) return report(rowsRead, 0, [], 0, [], false);

  const first = await db.query<{ record: number; column_name: string; message: string; value: string | null }>(
    `SELECT record, column_name, message, value FROM ${ident(names.issues)} ORDER BY record, ord LIMIT ${options.maxIssues}`);
  const reasons = await db.query<{ column_name: string; message: string; rows: number }>(
    `SELECT column_name, regexp_replace(message, ' \\([^()]*\\)$', '') AS message, count(DISTINCT record) AS rows FROM ${ident(names.issues)} GROUP BY ALL`);
  const byReason = new Map<string, number>();
  for (const r of reasons) byReason.set(`${r.column_name}: ${r.message}`, r.rows);
  for (const r of rejected) {
    const reason = reasonOf({ file: fileName, line: 0, column: r.column, message: r.message, value: '' });
    byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  }
  index ??= format === 'csv' ? indexRecords(await readAll(data)) : null;
  const lineOf = index ? lineOfRow(index, new Set(rejected.map((r) => r.record))) : (row: number) => row + 2;
  const issues: ValidationIssue[] = [
    ...rejected.map((r) => ({ file: fileName, line: index?.lines[r.record] ?? 0, column: r.column, message: r.message, value: '' })),
    ...first.map((r) => ({ file: fileName, line: lineOf(r.record), column: r.column_name, message: r.message, value: shown(r.value) })),
  ].sort((a, b) => a.line - b.line);
  return report(rowsRead + rejected.length, (summary?.records ?? 0) + rejected.length, issues, issueCount,
    [...byReason].map(([reason, rows]) => ({ reason, rows })).sort((a, b) => b.rows - a.rows || a.reason.localeCompare(b.reason)), false);
}

/** Drops every staging table of `table`. */
export async function dropStaging(db: Database, table: TableName): Promise<void> {
  await db.query(`DROP VIEW IF EXISTS ${ident(checkedView(table))}`);
  for (const name of Object.values(stagingNames(table))) await db.query(`DROP TABLE IF EXISTS ${ident(name)}`);
}
