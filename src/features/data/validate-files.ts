// Checking the files a user chose against the data contract, in the browser, with the same validator as the
// pipeline's `validate` command (src/contract): schools first, its URNs then the only valid school_urn values in
// referrals and provision; no date after today. No React and no DOM here, so it is unit-tested in Node.
// When every file is clean, each table comes back as a normalised CSV (the validator's rows: ISO dates, true/false,
// contract column order) ready for DuckDB; when anything is wrong, nothing does, so nothing half-checked is loaded.
import Papa from 'papaparse';
import {
  TABLES, TABLE_NAMES, createTableValidator, formatIssue, tableOfFile,
  type TableName, type ValidationContext, type ValidationIssue,
} from '../../contract/index.ts';
import { CsvFormatError, readCsvRecords, type CsvRecord } from './lib/csv-records.ts';
import { FileTally, type FileFormat, type FileReport } from './lib/file-report.ts';
import { openParquet } from '../../contract/parquet-records.ts';

export type { FileReport, ReasonCount, FileFormat } from './lib/file-report.ts';

export interface ChosenFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A problem with the set of files rather than inside one: a required file missing, a name we cannot place. */
export interface SetProblem {
  readonly kind: 'missing' | 'unknown' | 'duplicate';
  readonly fileName: string;
  readonly message: string;
}

export interface ValidationProgress {
  readonly fileName: string;
  readonly fileIndex: number;
  readonly fileCount: number;
  /** Share of this file read, 0–1. */
  readonly fraction: number;
  readonly rowsDone: number;
}

export interface ValidateOptions {
  /** The clock: dates after this day (in local time) are in the future. */
  readonly now: Date;
  readonly onProgress?: (progress: ValidationProgress) => void;
  /** Problems kept per file (all are counted); default 5,000. */
  readonly maxIssuesPerFile?: number;
  /** CSV bytes parsed per step; default 1 MiB. */
  readonly chunkBytes?: number;
  /** Awaited every few thousand rows so the page can repaint; default a macrotask. */
  readonly pause?: () => Promise<void>;
}

export interface ValidationResult {
  /** One report per contract file checked, schools first. */
  readonly files: readonly FileReport[];
  readonly setProblems: readonly SetProblem[];
  /** True when there is nothing wrong at all: then `normalised` holds every table given. */
  readonly ok: boolean;
  /** `schools.csv` etc. → normalised CSV text (header line, LF line ends); null unless ok. */
  readonly normalised: Readonly<Record<string, string>> | null;
}

const ROWS_PER_PAUSE = 2_000;
const ROWS_PER_PIECE = 5_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of `now` as yyyy-mm-dd (the pipeline uses the local day too). */
export function localDay(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const formatOf = (name: string): FileFormat => (name.toLowerCase().endsWith('.parquet') ? 'parquet' : 'csv');
const contractFiles = TABLE_NAMES.map((n) => TABLES[n].file).join(', ');

/** Which chosen file is which table, and what is wrong with the set (missing, unknown or doubled files). */
export function sortFiles(files: readonly ChosenFile[]): { byTable: Map<TableName, ChosenFile>; setProblems: SetProblem[] } {
  const byTable = new Map<TableName, ChosenFile>();
  const setProblems: SetProblem[] = [];
  for (const file of files) {
    const table = tableOfFile(file.name);
    const other = table ? byTable.get(table.name) : undefined;
    if (!table) {
      setProblems.push({ kind: 'unknown', fileName: file.name,
        message: `${file.name} is not a file of the data contract: name it ${contractFiles} (or .parquet), or remove it` });
    } else if (other) {
      setProblems.push({ kind: 'duplicate', fileName: file.name,
        message: `${file.name} and ${other.name} are both the ${table.name} table: remove one of them` });
    } else byTable.set(table.name, file);
  }
  for (const name of TABLE_NAMES) {
    const table = TABLES[name];
    if (!table.optional && !byTable.has(name)) {
      setProblems.push({ kind: 'missing', fileName: table.file, message: `${table.file} is missing: it is required` });
    }
  }
  return { byTable, setProblems };
}

interface CheckOneOptions {
  readonly table: TableName;
  readonly file: ChosenFile;
  readonly context: ValidationContext;
  readonly maxIssues: number;
  readonly chunkBytes: number;
  readonly pause: () => Promise<void>;
  readonly progress: (fraction: number, rowsDone: number) => void;
  /** Sees every record after the header (e.g. to collect URNs), before it is checked. */
  readonly onRecord?: (record: CsvRecord, header: readonly string[]) => void;
  /** Gets each accepted row, normalised (ISO dates, true/false, contract column order). */
  readonly onValidRow: (row: string[]) => void;
}

interface Source {
  readonly header: string[] | null;
  readonly batches: AsyncGenerator<CsvRecord[]> | Generator<CsvRecord[]>;
  readonly fraction: () => number;
}

function csvSource(bytes: Uint8Array, chunkBytes: number): Source {
  let bytesDone = 0;
  const records = readCsvRecords(bytes, { chunkBytes, onBytes: (n) => { bytesDone = n; } });
  const first = records.next();
  function* batches(): Generator<CsvRecord[]> {
    let batch: CsvRecord[] = [];
    for (const record of records) {
      batch.push(record);
      if (batch.length >= ROWS_PER_PAUSE) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
  return { header: first.done ? null : first.value.cells, batches: batches(), fraction: () => (bytes.length ? bytesDone / bytes.length : 1) };
}

function parquetSource(bytes: Uint8Array): Source {
  const table = openParquet(bytes);
  let rows = 0;
  async function* batches(): AsyncGenerator<CsvRecord[]> {
    for await (const batch of table.batches) {
      rows += batch.length;
      yield batch;
    }
  }
  return { header: table.header, batches: batches(), fraction: () => (table.rowCount ? rows / table.rowCount : 1) };
}

const REQUIRED_COLUMN_MISSING = 'required column is missing from the header';

async function checkOneFile(options: CheckOneOptions): Promise<FileReport> {
  const { table, file, maxIssues } = options;
  const format = formatOf(file.name);
  const tally = new FileTally(maxIssues);
  const problem = (line: number, message: string): ValidationIssue => ({ file: file.name, line, column: '(file)', message, value: '' });
  const done = () => tally.report(file.name, table, format, file.bytes.length);
  let source: Source;
  try {
    source = format === 'parquet' ? parquetSource(file.bytes) : csvSource(file.bytes, options.chunkBytes);
  } catch (error) {
    tally.rowsNotChecked = true;
    tally.fileProblem(problem(1, format === 'parquet'
      ? `cannot be read as Parquet (${error instanceof Error ? error.message : String(error)})`
      : `cannot be read as CSV (${error instanceof Error ? error.message : String(error)})`));
    return done();
  }
  const { header } = source;
  if (!header) {
    tally.rowsNotChecked = true;
    tally.fileProblem(problem(1, 'is empty: it needs a header line naming the columns'));
    return done();
  }
  const validator = createTableValidator(table, file.name, header, options.context);
  validator.headerIssues.forEach((issue) => tally.fileProblem(issue));
  if (validator.headerIssues.some((issue) => issue.message === REQUIRED_COLUMN_MISSING)) {
    tally.rowsNotChecked = true;
    return done();
  }
  let rowsDone = 0;
  try {
    for await (const batch of source.batches) {
      for (const record of batch) {
        options.onRecord?.(record, header);
        const result = validator.checkRow(record.cells, record.line);
        const rowProblem: ValidationIssue[] = record.problem
          ? [{ file: file.name, line: record.line, column: '(row)', message: record.problem, value: '' }] : [];
        const issues = [...rowProblem, ...result.issues];
        tally.row(issues);
        if (issues.length === 0 && result.row) options.onValidRow(result.row);
      }
      rowsDone += batch.length;
      options.progress(source.fraction(), rowsDone);
      await options.pause();
    }
  } catch (error) {
    if (error instanceof CsvFormatError) tally.fileProblem(problem(error.line, `cannot be read past this line: ${error.message}`));
    else tally.fileProblem(problem(1, `cannot be read (${error instanceof Error ? error.message : String(error)})`));
  }
  return done();
}

/** Normalised rows → CSV text in pieces of a few thousand rows, so a big table is not held twice as arrays. */
class NormalisedCsv {
  private readonly pieces: string[];
  private rows: string[][] = [];

  constructor(columns: readonly string[]) {
    this.pieces = [Papa.unparse([columns], { newline: '\n' })];
  }

  add(row: string[]): void {
    this.rows.push(row);
    if (this.rows.length >= ROWS_PER_PIECE) this.flush();
  }

  private flush(): void {
    if (this.rows.length) this.pieces.push(Papa.unparse(this.rows, { newline: '\n', quotes: false, escapeFormulae: false }));
    this.rows = [];
  }

  text(): string {
    this.flush();
    return `${this.pieces.join('\n')}\n`;
  }
}

/** Collects a column's non-blank values from every record (the schools' URNs), as the pipeline does. */
function collectColumn(column: string, into: Set<string>): NonNullable<CheckOneOptions['onRecord']> {
  let index: number | undefined;
  return (record, header) => {
    index ??= header.findIndex((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim().toLowerCase() === column);
    const value = index >= 0 ? record.cells[index]?.trim() : undefined;
    if (value) into.add(value);
  };
}

const macrotask = () => new Promise<void>((resolve) => { setTimeout(resolve, 0); });

/** Checks every chosen file against the contract; see ValidationResult. */
export async function validateFiles(files: readonly ChosenFile[], options: ValidateOptions): Promise<ValidationResult> {
  const { byTable, setProblems } = sortFiles(files);
  const today = localDay(options.now);
  const order = TABLE_NAMES.filter((n) => byTable.has(n));
  const reports: FileReport[] = [];
  const outputs = new Map<TableName, NormalisedCsv>();
  let collecting = setProblems.length === 0;
  let knownUrns: Set<string> | undefined;
  for (const [fileIndex, table] of order.entries()) {
    const file = byTable.get(table) as ChosenFile;
    const output = new NormalisedCsv(TABLES[table].columns.map((c) => c.name));
    const urns = table === 'schools' ? new Set<string>() : undefined;
    const report = await checkOneFile({
      table, file, maxIssues: options.maxIssuesPerFile ?? 5_000, chunkBytes: options.chunkBytes ?? 1 << 20,
      pause: options.pause ?? macrotask,
      context: { today, knownUrns: table === 'schools' ? undefined : knownUrns },
      progress: (fraction, rowsDone) => options.onProgress?.({ fileName: file.name, fileIndex, fileCount: order.length, fraction, rowsDone }),
      onRecord: urns ? collectColumn('urn', urns) : undefined,
      onValidRow: (row) => { if (collecting) output.add(row); },
    });
    // Without readable schools there is no list of URNs: checking school_urn against an empty one would reject
    // every row for a fault that is in schools.csv, so it is not checked (and schools.csv is reported instead).
    if (urns && !report.rowsNotChecked) knownUrns = urns;
    reports.push(report);
    if (report.fileProblems > 0 || report.rowsRejected > 0) {
      collecting = false;
      outputs.clear();
    }
    if (collecting) outputs.set(table, output);
  }
  const ok = collecting && setProblems.length === 0;
  const normalised = ok ? Object.fromEntries([...outputs].map(([table, output]) => [TABLES[table].file, output.text()])) : null;
  return { files: reports, setProblems, ok, normalised };
}

/** Every problem as one line, `file:line: column: what is wrong (value)`, set problems first. */
export function issueLines(result: ValidationResult): string[] {
  return [
    ...result.setProblems.map((p) => p.message),
    ...result.files.flatMap((f) => f.issues.map(formatIssue)),
  ];
}
