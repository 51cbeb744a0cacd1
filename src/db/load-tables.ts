// The one load path of the product: the app's upload (the SQL runs in DuckDB's worker), `validate`, `report`,
// `to-parquet` and `anonymise` all give their files to loadContractTables. Each file is staged and checked in
// DuckDB (src/db/stage-table.ts, with the contract's checks generated as SQL by src/contract/sql-checks.ts); only
// when every file passes are the staging tables swapped in and the derived tables (src/db/enrich.sql) rebuilt, in
// one transaction. On any problem nothing changes: the data already in use stays, and the refusal lists each
// problem as `file:line: column: what is wrong`. Uses only the Database interface, never fetch, fs or DOM.
import { TABLES, TABLE_NAMES, formatIssue, tableOfFile, type TableName } from '../contract/index.ts';
import { DEFAULT_DATE_FLOOR, ident, sqlString, typedSelectSql, type CheckSettings } from '../contract/sql-checks.ts';
import type { Database } from './database.ts';
import type { FileData } from './file-data.ts';
import { checkedWithRecord, dropStaging, hasRecord, stageTable, stagingNames, type FileReport } from './stage-table.ts';

export { readCsvHeader, type FileFormat, type FileReport } from './stage-table.ts';
export type { ReasonCount } from '../contract/row-tally.ts';

/** A problem with the set of files rather than inside one: a required file missing, a name we cannot place. */
export interface SetProblem {
  readonly kind: 'missing' | 'unknown' | 'duplicate';
  readonly fileName: string;
  readonly message: string;
}

/** What checking a set of files found. */
export interface CheckReport {
  /** One report per contract file given, schools first. */
  readonly files: readonly FileReport[];
  readonly setProblems: readonly SetProblem[];
  /** True when there is nothing wrong at all. */
  readonly ok: boolean;
}

export interface LoadedTables {
  /** Rows loaded per table (workforce is 0 when its file was absent). */
  readonly rowCounts: Record<TableName, number>;
  /** Tables given no file (only optional ones). */
  readonly absentTables: readonly TableName[];
  /** What the check found (every file clean). */
  readonly report: CheckReport;
  /** Cells left out: always 0, since a file with any unreadable cell is refused. */
  readonly rejectCount: 0;
}

export type LoadProgress =
  | { readonly stage: 'loading-table'; readonly table: TableName; readonly done: Partial<Record<TableName, number>> }
  | { readonly stage: 'checking-table'; readonly table: TableName; readonly rows: number; readonly done: Partial<Record<TableName, number>> }
  | { readonly stage: 'deriving-views'; readonly done: Partial<Record<TableName, number>> };

export interface LoadOptions {
  /** The text of src/db/enrich.sql (the browser imports it with `?raw`, Node reads it with fs). */
  readonly enrichSql: string;
  readonly onProgress?: (progress: LoadProgress) => void;
  /** No date may be after this day (yyyy-mm-dd); default the local date. */
  readonly today?: string;
  /** No date may be before this day; default DEFAULT_DATE_FLOOR (2000-01-01). */
  readonly dateFloor?: string;
  /** Problems kept per file (all are counted); default MAX_REPORTED_ISSUES. */
  readonly maxIssuesPerFile?: number;
  /** Check only: never replace the tables in use (validate). */
  readonly checkOnly?: boolean;
  /**
   * Check only, once every file has passed: called with the checked (staging) table of each table given, before
   * they are dropped — for warnings about data that is allowed but worth a look (validate's age-range check).
   */
  readonly inspectChecked?: (tables: Partial<Record<TableName, string>>) => Promise<void>;
  /** Check whatever tables are given, without requiring the others (validate FILE). */
  readonly partial?: boolean;
}

/** Files that cannot be loaded: `problems` has one line per problem. */
export class TableLoadError extends Error {
  constructor(readonly summary: string, readonly problems: readonly string[]) {
    super(`${summary}: ${problems.slice(0, 20).join('; ')}${problems.length > 20 ? `; … and ${problems.length - 20} more` : ''}`);
    this.name = 'TableLoadError';
  }
}

/** The files broke the contract: nothing was loaded; `report` says what each file holds wrong. */
export class ContractRefusal extends TableLoadError {
  constructor(readonly report: CheckReport) {
    super('These files were not loaded', issueLines(report));
    this.name = 'ContractRefusal';
  }
}

export const MAX_REPORTED_ISSUES = 5_000;

/** Every problem as one line, `file:line: column: what is wrong (value)`, set problems first. */
export function issueLines(report: CheckReport): string[] {
  return [...report.setProblems.map((p) => p.message), ...report.files.flatMap((f) => f.issues.map(formatIssue))];
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The local calendar day of `now` as yyyy-mm-dd. */
export function localDay(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const contractFiles = TABLE_NAMES.map((n) => TABLES[n].file).join(', ');

/** Which file is which table, and what is wrong with the set (missing, unknown or doubled files). */
export function sortFiles(names: readonly string[], partial = false): { byTable: Map<TableName, string>; setProblems: SetProblem[] } {
  const byTable = new Map<TableName, string>();
  const setProblems: SetProblem[] = [];
  for (const fileName of names) {
    const table = tableOfFile(fileName);
    const other = table ? byTable.get(table.name) : undefined;
    if (!table) {
      setProblems.push({ kind: 'unknown', fileName,
        message: `${fileName} is not a file of the data contract: name it ${contractFiles} (or .parquet), or remove it` });
    } else if (other) {
      setProblems.push({ kind: 'duplicate', fileName, message: `${fileName} and ${other} are both the ${table.name} table: remove one of them` });
    } else byTable.set(table.name, fileName);
  }
  for (const name of partial ? [] : TABLE_NAMES) {
    const table = TABLES[name];
    if (!table.optional && !byTable.has(name)) {
      setProblems.push({ kind: 'missing', fileName: table.file, message: `${table.file} is missing: it is required` });
    }
  }
  return { byTable, setProblems };
}

/** Splits enrich.sql into statements: `--` comments removed, then split at each `;` that ends a line. */
export function sqlStatements(script: string): string[] {
  return script.split('\n').filter((line) => !line.trimStart().startsWith('--')).join('\n')
    .split(/;\s*(?:\n|$)/).map((s) => s.trim()).filter((s) => s !== '');
}

const clean = (report: FileReport) => report.fileProblems === 0 && report.rowsRejected === 0 && !report.rowsNotChecked;

/** Checks every file against the contract in staging tables; returns the report (the staging tables remain). */
async function checkFiles(db: Database, files: Record<string, FileData>, options: LoadOptions): Promise<CheckReport> {
  const { byTable, setProblems } = sortFiles(Object.keys(files), options.partial);
  const settings: CheckSettings = { today: options.today ?? localDay(), dateFloor: options.dateFloor ?? DEFAULT_DATE_FLOOR };
  const reports: FileReport[] = [];
  const done: Partial<Record<TableName, number>> = {};
  let schoolsOk = false;
  for (const table of TABLE_NAMES) {
    const fileName = byTable.get(table);
    if (!fileName) continue;
    options.onProgress?.({ stage: 'loading-table', table, done: { ...done } });
    const report = await stageTable(db, {
      table, fileName, data: files[fileName] ?? new Uint8Array(), settings, maxIssues: options.maxIssuesPerFile ?? MAX_REPORTED_ISSUES,
      // Without a clean schools table there is no list of URNs: checking school_urn against it would reject every
      // row for a fault that is in schools.csv, reported there once.
      schools: schoolsOk ? stagingNames('schools').typed : null,
      onRows: (rows) => options.onProgress?.({ stage: 'checking-table', table, rows, done: { ...done } }),
    });
    if (table === 'schools') schoolsOk = clean(report);
    done[table] = report.rowsAccepted + report.rowsRejected;
    reports.push(report);
  }
  return { files: reports, setProblems, ok: setProblems.length === 0 && reports.every(clean) };
}

async function dropAllStaging(db: Database): Promise<void> {
  for (const table of TABLE_NAMES) await dropStaging(db, table);
}

function emptyTableSql(table: TableName): string {
  return `CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * EXCLUDE (record) FROM ${ident(stagingNames(table).typed)} LIMIT 0`;
}

/**
 * Checks the files (keyed by file name: schools.csv, referrals.csv, provision.csv, optional workforce.csv, each
 * CSV or Parquet) and, if every one passes, replaces the four tables and the derived tables in one transaction.
 * Throws ContractRefusal, leaving the tables in use untouched, if anything is wrong.
 */
export async function loadContractTables(db: Database, files: Record<string, FileData>, options: LoadOptions): Promise<LoadedTables> {
  try {
    const report = await checkFiles(db, files, options);
    if (!report.ok) throw new ContractRefusal(report);
    const absentTables = TABLE_NAMES.filter((n) => !report.files.some((f) => f.table === n));
    const rowCounts = Object.fromEntries(TABLE_NAMES.map((n) => [n, 0])) as Record<TableName, number>;
    for (const f of report.files) rowCounts[f.table] = f.rowsAccepted;
    if (options.checkOnly) {
      const given: Partial<Record<TableName, string>> = {};
      for (const f of report.files) given[f.table] = await checkedWithRecord(db, f.table);
      await options.inspectChecked?.(given);
      return { rowCounts, absentTables, report, rejectCount: 0 };
    }
    const done = { ...rowCounts };
    options.onProgress?.({ stage: 'deriving-views', done });
    await replaceTablesAndDerive(db, options.enrichSql, async (table) => {
      const { typed, raw } = stagingNames(table);
      if (absentTables.includes(table)) {
        // An absent optional table is an empty one, typed as the contract says.
        await db.query(`CREATE OR REPLACE TABLE ${ident(raw)} (${TABLES[table].columns.map((c) => `${ident(c.name)} VARCHAR`).join(', ')})`);
        await db.query(`CREATE OR REPLACE TABLE ${ident(typed)} AS ${typedSelectSql(TABLES[table], raw)}`);
        await db.query(emptyTableSql(table));
      } else {
        // Renamed into place, not copied: the checked rows become the table in use.
        await db.query(`DROP TABLE IF EXISTS ${ident(table)}`);
        await db.query(`ALTER TABLE ${ident(typed)} RENAME TO ${ident(table)}`);
        if (await hasRecord(db, table)) await db.query(`ALTER TABLE ${ident(table)} DROP COLUMN record`);
      }
    });
    return { rowCounts, absentTables, report, rejectCount: 0 };
  } finally {
    await dropAllStaging(db).catch(() => undefined);
  }
}

/** Checks the files against the contract without loading them (the tables in use stay as they are). */
export async function checkContractFiles(db: Database, files: Record<string, FileData>, options: Omit<LoadOptions, 'checkOnly'>): Promise<CheckReport> {
  try {
    return (await loadContractTables(db, files, { ...options, checkOnly: true })).report;
  } catch (error) {
    if (error instanceof ContractRefusal) return error.report;
    throw error;
  }
}

/**
 * Puts every contract table in place (`replace`, table by table) and rebuilds the derived tables (enrich.sql), as
 * one transaction: either all of it is in use afterwards or, on any error, none of it (the data in use stays).
 */
export async function replaceTablesAndDerive(db: Database, enrichSql: string, replace: (table: TableName) => Promise<void>): Promise<void> {
  // enrich.sql sets disabled_optimizers for one statement and resets it after; a setting is not undone by ROLLBACK,
  // so if anything fails in between it is put back here, or every later query of the session would keep it.
  const [{ off = '' } = {}] = await db.query<{ off: string }>("SELECT current_setting('disabled_optimizers') AS off");
  await db.query('BEGIN TRANSACTION');
  try {
    for (const table of TABLE_NAMES) await replace(table);
    for (const statement of sqlStatements(enrichSql)) await db.query(statement);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    await db.query(`SET disabled_optimizers = ${sqlString(off)}`).catch(() => undefined);
    throw error;
  }
}
