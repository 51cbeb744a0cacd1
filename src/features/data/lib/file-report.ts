// What checking one file found, for people: rows accepted and rejected, how many rows each reason rejected, and the
// first problems as `file:line: column: what is wrong (value)`. Mirrors TableReport in pipelines/csv/issue-log.ts
// (which lives with the Node pipeline); both count with RowTally from the contract, so they count the same way.
import type { TableName, ValidationIssue } from '../../../contract/index.ts';
import { RowTally, type ReasonCount } from '../../../contract/row-tally.ts';

export type { ReasonCount };

export type FileFormat = 'csv' | 'parquet';

export interface FileReport {
  readonly fileName: string;
  readonly table: TableName;
  readonly format: FileFormat;
  readonly bytes: number;
  readonly rowsAccepted: number;
  readonly rowsRejected: number;
  /** Problems with the file as a whole: its header, or CSV it is impossible to read on from. */
  readonly fileProblems: number;
  /** Set when the header is too broken (or the file empty) for the rows to be checked. */
  readonly rowsNotChecked: boolean;
  /** Most frequent first. */
  readonly rejectedByReason: readonly ReasonCount[];
  /** The first problems found, in file order (at most the cap given to validateFiles). */
  readonly issues: readonly ValidationIssue[];
  /** All problems found, shown or not. */
  readonly issueCount: number;
}

/** Counts one file's rows (the pipeline's tally) and keeps its first `maxIssues` problems. */
export class FileTally extends RowTally {
  issueCount = 0;
  private readonly issues: ValidationIssue[] = [];

  constructor(private readonly maxIssues: number) {
    super();
  }

  private keep(issue: ValidationIssue): void {
    this.issueCount++;
    if (this.issues.length < this.maxIssues) this.issues.push(issue);
  }

  fileProblem(issue: ValidationIssue): void {
    this.fileProblems++;
    this.keep(issue);
  }

  row(issues: readonly ValidationIssue[]): void {
    this.addRow(issues);
    issues.forEach((issue) => this.keep(issue));
  }

  report(fileName: string, table: TableName, format: FileFormat, bytes: number): FileReport {
    return {
      fileName, table, format, bytes, rowsAccepted: this.rowsAccepted, rowsRejected: this.rowsRejected,
      fileProblems: this.fileProblems, rowsNotChecked: this.rowsNotChecked, rejectedByReason: this.rejectedByReason(),
      issues: [...this.issues], issueCount: this.issueCount,
    };
  }
}
