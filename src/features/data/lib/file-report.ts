// What checking one file found, for people: rows accepted and rejected, how many rows each reason rejected, and the
// first problems as `file:line: column: what is wrong (value)`. Mirrors TableReport in pipelines/csv/issue-log.ts
// (which lives with the Node pipeline), so the browser and `validate` count the same way.
import type { TableName, ValidationIssue } from '../../../contract/index.ts';

export type FileFormat = 'csv' | 'parquet';

export interface ReasonCount {
  /** `column: what is wrong`, without the value. */
  readonly reason: string;
  readonly rows: number;
}

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

/** Problems grouped by what is wrong, without the value or the other date that made it wrong. */
export function reasonOf(issue: ValidationIssue): string {
  return `${issue.column}: ${issue.message.replace(/ \([^()]*\)$/, '')}`;
}

/** Counts one file's rows and keeps its first `maxIssues` problems. */
export class FileTally {
  rowsAccepted = 0;
  rowsRejected = 0;
  fileProblems = 0;
  rowsNotChecked = false;
  issueCount = 0;
  private readonly issues: ValidationIssue[] = [];
  private readonly byReason = new Map<string, number>();

  constructor(private readonly maxIssues: number) {}

  private keep(issue: ValidationIssue): void {
    this.issueCount++;
    if (this.issues.length < this.maxIssues) this.issues.push(issue);
  }

  fileProblem(issue: ValidationIssue): void {
    this.fileProblems++;
    this.keep(issue);
  }

  row(issues: readonly ValidationIssue[]): void {
    if (issues.length === 0) {
      this.rowsAccepted++;
      return;
    }
    this.rowsRejected++;
    issues.forEach((issue) => this.keep(issue));
    for (const reason of new Set(issues.map(reasonOf))) this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + 1);
  }

  get clean(): boolean {
    return this.fileProblems === 0 && this.rowsRejected === 0;
  }

  report(fileName: string, table: TableName, format: FileFormat, bytes: number): FileReport {
    const rejectedByReason = [...this.byReason].map(([reason, rows]) => ({ reason, rows }))
      .sort((a, b) => b.rows - a.rows || a.reason.localeCompare(b.reason));
    return {
      fileName, table, format, bytes, rowsAccepted: this.rowsAccepted, rowsRejected: this.rowsRejected,
      fileProblems: this.fileProblems, rowsNotChecked: this.rowsNotChecked, rejectedByReason,
      issues: [...this.issues], issueCount: this.issueCount,
    };
  }
}
