// Checking one contract CSV file on disk with the contract's own validator, streaming, and counting what it found.
// Used by `validate`, `anonymise` (for the tables it passes through) and `to-parquet`.
import {
  createTableValidator, type TableName, type ValidationContext, type ValidationIssue, TABLES,
} from '../../src/contract/index.ts';
import { CsvFormatError, openCsv, type CsvRecord } from './read-csv.ts';
import { TableReport } from './issue-log.ts';

export interface CheckTableOptions {
  readonly table: TableName;
  /** How problems name the file (the path as the user gave it, so editors can jump to the line). */
  readonly displayName: string;
  readonly context: ValidationContext;
  readonly onIssue: (issue: ValidationIssue) => void;
  /** Sees every record after the header before it is checked, e.g. to collect URNs or look for identifiers. */
  readonly onRecord?: (record: CsvRecord, header: readonly string[]) => void;
  /** Gets each row that passed, normalised (ISO dates, true/false) in contract column order. */
  readonly onValidRow?: (row: string[], line: number) => void | Promise<void>;
}

/** Required contract columns the header lacks (rows cannot be checked without them). */
export function missingRequiredColumns(table: TableName, header: readonly string[]): string[] {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return TABLES[table].columns.filter((c) => c.required && !names.has(c.name)).map((c) => c.name);
}

export function rowProblem(file: string, record: CsvRecord): ValidationIssue | null {
  return record.problem ? { file, line: record.line, column: '(row)', message: record.problem, value: '' } : null;
}

export async function checkTableFile(path: string, options: CheckTableOptions): Promise<TableReport> {
  const { table, displayName: file, onIssue } = options;
  const report = new TableReport(file, table);
  const fileProblem = (line: number, message: string) => {
    report.fileProblems++;
    onIssue({ file, line, column: '(file)', message, value: '' });
  };
  const { header, records } = await openCsv(path);
  if (!header) {
    report.rowsNotChecked = true;
    fileProblem(1, 'is empty: it needs a header line naming the columns');
    return report;
  }
  const validator = createTableValidator(table, file, header, options.context);
  validator.headerIssues.forEach(onIssue);
  report.fileProblems += validator.headerIssues.length;
  if (missingRequiredColumns(table, header).length > 0) {
    report.rowsNotChecked = true;
    return report;
  }
  try {
    for await (const record of records) {
      options.onRecord?.(record, header);
      const result = validator.checkRow(record.cells, record.line);
      const problem = rowProblem(file, record);
      const issues = problem ? [problem, ...result.issues] : result.issues;
      issues.forEach(onIssue);
      report.addRow(issues);
      if (issues.length === 0 && result.row) await options.onValidRow?.(result.row, record.line);
    }
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    fileProblem(error.line, `cannot be read past this line: ${error.message}`);
  }
  return report;
}

/** An `onRecord` that adds every non-blank value of `column` to `into` (e.g. all URNs in schools.csv). */
export function collectColumn(column: string, into: Set<string>): NonNullable<CheckTableOptions['onRecord']> {
  let index = -1;
  let seenHeader: readonly string[] | null = null;
  return (record, header) => {
    if (header !== seenHeader) {
      seenHeader = header;
      index = header.findIndex((h) => h.trim().toLowerCase() === column);
    }
    const value = index >= 0 ? record.cells[index]?.trim() : undefined;
    if (value) into.add(value);
  };
}
