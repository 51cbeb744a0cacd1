// Loads the contract's CSV files into DuckDB tables and builds the derived views every question reads
// (referrals_enriched, school_phase_rolls). Shared by the browser and Node, so it uses only the Database interface
// and standard JS (TextDecoder), never fetch, fs or DOM.
import { DUCKDB_TYPE, TABLES, TABLE_NAMES, checkHeader, tableOfFile } from '../contract/index.ts';
import type { TableName, TableSpec } from '../contract/index.ts';
import type { Database } from './database.ts';

/** One cell or row DuckDB could not read; the row is left out of its table. `line` counts the header as 1. */
export interface RejectedCell {
  readonly table: TableName;
  readonly line: number;
  readonly column: string;
  readonly message: string;
}

export interface LoadedTables {
  /** Rows loaded per table (workforce is 0 when its file was absent). */
  readonly rowCounts: Record<TableName, number>;
  /** Tables given no file (only optional ones; a missing required file throws). */
  readonly absentTables: readonly TableName[];
  /** The first MAX_REPORTED_REJECTS rejected cells over all tables. */
  readonly rejects: readonly RejectedCell[];
  /** How many cells were rejected in all (may exceed rejects.length). */
  readonly rejectCount: number;
  /** Rejected cells per table. */
  readonly rejectCounts: Record<TableName, number>;
  /** Header columns that are not in the contract; they are ignored. */
  readonly ignoredColumns: readonly { table: TableName; column: string }[];
}

export type LoadProgress =
  | { readonly stage: 'loading-table'; readonly table: TableName; readonly done: Partial<Record<TableName, number>> }
  | { readonly stage: 'deriving-views'; readonly done: Partial<Record<TableName, number>> };

export interface LoadOptions {
  /** The text of src/db/enrich.sql (the browser imports it with `?raw`, Node reads it with fs). */
  readonly enrichSql: string;
  readonly onProgress?: (progress: LoadProgress) => void;
}

/** A file that cannot be loaded at all: a required table missing, or a header without a required column. */
export class TableLoadError extends Error {
  constructor(readonly summary: string, readonly problems: readonly string[]) {
    super(`${summary}: ${problems.join('; ')}`);
    this.name = 'TableLoadError';
  }
}

export const MAX_REPORTED_REJECTS = 200;

/** Column name → DuckDB type, from the contract's own DUCKDB_TYPE (as duckdbColumns uses) so the two cannot drift. */
function duckdbTypes(table: TableSpec): Map<string, string> {
  return new Map(table.columns.map((c) => [c.name, DUCKDB_TYPE[c.type]]));
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

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

/**
 * The SELECT reading one file into the contract's columns, whatever the file's column order: DuckDB reads the
 * columns positionally under the header's names with the contract's types (unknown columns as VARCHAR, then
 * dropped), and optional columns absent from the file become typed NULLs.
 */
function selectFromCsv(table: TableSpec, fileName: string, header: readonly string[]): string {
  const types = duckdbTypes(table);
  // Columns unknown to the contract still need a unique positional name.
  const fileColumns = header.map((name, i) => (types.has(name) ? name : `_ignored_${i}`));
  const columns = `{${fileColumns.map((n) => `${sqlString(n)}: ${sqlString(types.get(n) ?? 'VARCHAR')}`).join(', ')}}`;
  const select = table.columns.map((c) => (header.includes(c.name)
    ? ident(c.name) : `CAST(NULL AS ${types.get(c.name)}) AS ${ident(c.name)}`));
  return `SELECT ${select.join(', ')} FROM read_csv(${sqlString(fileName)}, header = true, auto_detect = false, `
    + `delim = ',', quote = '"', escape = '"', columns = ${columns}, dateformat = '%Y-%m-%d', store_rejects = true)`;
}

function emptyTableSql(table: TableSpec): string {
  const types = duckdbTypes(table);
  return `CREATE OR REPLACE TABLE ${ident(table.name)} (${table.columns.map((c) => `${ident(c.name)} ${types.get(c.name)}`).join(', ')})`;
}

/** Splits enrich.sql into statements: `--` comments removed, then split at each `;` that ends a line. */
export function sqlStatements(script: string): string[] {
  return script.split('\n').filter((line) => !line.trimStart().startsWith('--')).join('\n')
    .split(/;\s*(?:\n|$)/).map((s) => s.trim()).filter((s) => s !== '');
}

function filesByTable(files: Record<string, Uint8Array>): Map<TableName, { fileName: string; bytes: Uint8Array }> {
  const found = new Map<TableName, { fileName: string; bytes: Uint8Array }>();
  const unknown: string[] = [];
  for (const [fileName, bytes] of Object.entries(files)) {
    const table = tableOfFile(fileName);
    if (!table) unknown.push(`${fileName} is not one of ${TABLE_NAMES.map((n) => TABLES[n].file).join(', ')}`);
    else if (found.has(table.name)) unknown.push(`two files for ${table.name} (${found.get(table.name)?.fileName}, ${fileName})`);
    else if (fileName.toLowerCase().endsWith('.parquet')) unknown.push(`${fileName}: Parquet cannot be read here; give the CSV`);
    else found.set(table.name, { fileName, bytes });
  }
  const missing = TABLE_NAMES.filter((n) => !TABLES[n].optional && !found.has(n)).map((n) => `${TABLES[n].file} is missing`);
  if (unknown.length || missing.length) throw new TableLoadError('These files cannot be loaded', [...missing, ...unknown]);
  return found;
}

function checkHeaders(found: ReturnType<typeof filesByTable>) {
  const problems: string[] = [];
  const headers = new Map<TableName, string[]>();
  const ignoredColumns: { table: TableName; column: string }[] = [];
  for (const [name, { fileName, bytes }] of found) {
    const header = readCsvHeader(bytes);
    headers.set(name, header);
    for (const issue of checkHeader(TABLES[name], fileName, header).issues) {
      if (issue.message.startsWith('is not a column')) ignoredColumns.push({ table: name, column: issue.column });
      else problems.push(`${fileName}: ${issue.column} ${issue.message}`);
    }
  }
  if (problems.length) throw new TableLoadError('These headers cannot be read', problems);
  return { headers, ignoredColumns };
}

async function dropRejectTables(db: Database): Promise<void> {
  await db.query('DROP TABLE IF EXISTS reject_errors');
  await db.query('DROP TABLE IF EXISTS reject_scans');
}

/** Rejected cells of this load, per table and the first MAX_REPORTED_REJECTS of them, in two queries. */
async function rejectsOf(db: Database, found: ReturnType<typeof filesByTable>) {
  const tableOfPath = new Map([...found].map(([name, { fileName }]) => [fileName, name]));
  const counts = Object.fromEntries(TABLE_NAMES.map((n) => [n, 0])) as Record<TableName, number>;
  const from = 'FROM reject_errors AS e JOIN reject_scans AS s USING (scan_id, file_id)';
  for (const row of await db.query<{ file_path: string; n: number }>(`SELECT s.file_path, count(*) AS n ${from} GROUP BY s.file_path`)) {
    const table = tableOfPath.get(row.file_path);
    if (table) counts[table] = row.n;
  }
  if (TABLE_NAMES.every((n) => counts[n] === 0)) return { counts, cells: [] };
  const rows = await db.query<{ file_path: string; line: number; column_name: string; error_message: string }>(
    `SELECT s.file_path, e.line, e.column_name, e.error_message ${from} ORDER BY e.scan_id, e.line, e.column_idx LIMIT ${MAX_REPORTED_REJECTS}`);
  const cells = rows.flatMap((r) => {
    const table = tableOfPath.get(r.file_path);
    return table ? [{ table, line: r.line, column: r.column_name, message: r.error_message }] : [];
  });
  return { counts, cells };
}

async function rowCountsOf(db: Database): Promise<Record<TableName, number>> {
  const [row] = await db.query(`SELECT ${TABLE_NAMES.map((n) => `(SELECT count(*) FROM ${ident(n)}) AS ${ident(n)}`).join(', ')}`);
  return Object.fromEntries(TABLE_NAMES.map((n) => [n, Number(row?.[n] ?? 0)])) as Record<TableName, number>;
}

/**
 * Registers each file (keyed by file name: schools.csv, referrals.csv, provision.csv, optional workforce.csv) and
 * replaces the four tables and the derived views in one transaction, so a failed load leaves the previous data
 * in place. Rows with unreadable cells are left out and reported. In the browser the bytes are transferred to the
 * worker (the Uint8Arrays are detached afterwards); pass copies if you still need them.
 */
export async function loadContractTables(db: Database, files: Record<string, Uint8Array>, options: LoadOptions): Promise<LoadedTables> {
  const found = filesByTable(files);
  const { headers, ignoredColumns } = checkHeaders(found);
  const done: Partial<Record<TableName, number>> = {};
  let rowCounts: Record<TableName, number>;
  let rejects: Awaited<ReturnType<typeof rejectsOf>>;
  for (const [, { fileName, bytes }] of found) await db.registerFile(fileName, bytes);
  await db.query('BEGIN TRANSACTION');
  try {
    await dropRejectTables(db);
    for (const name of TABLE_NAMES) {
      options.onProgress?.({ stage: 'loading-table', table: name, done: { ...done } });
      const file = found.get(name);
      const [created] = await db.query<{ Count: number }>(file
        ? `CREATE OR REPLACE TABLE ${ident(name)} AS ${selectFromCsv(TABLES[name], file.fileName, headers.get(name) ?? [])}`
        : emptyTableSql(TABLES[name]));
      done[name] = created?.Count ?? 0;
    }
    options.onProgress?.({ stage: 'deriving-views', done: { ...done } });
    for (const statement of sqlStatements(options.enrichSql)) await db.query(statement);
    rowCounts = await rowCountsOf(db);
    rejects = await rejectsOf(db, found);
    await dropRejectTables(db);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    // The tables hold the data now; the raw bytes would only double the memory used.
    for (const [, { fileName }] of found) await db.dropFile(fileName).catch(() => undefined);
  }
  return {
    rowCounts,
    absentTables: TABLE_NAMES.filter((n) => !found.has(n)),
    rejects: rejects.cells,
    rejectCount: TABLE_NAMES.reduce((sum, n) => sum + rejects.counts[n], 0),
    rejectCounts: rejects.counts,
    ignoredColumns,
  };
}
