// What a check found, for people: each problem as one `file:line: column: what is wrong (value)` line (the first N
// of them), and per file the rows kept, the rows rejected and how many rows each reason rejected.
import { formatIssue, type TableName, type ValidationIssue } from '../../src/contract/index.ts';

/** Problems grouped by what is wrong, without the value or the other date that made it wrong. */
export function reasonOf(issue: ValidationIssue): string {
  return `${issue.column}: ${issue.message.replace(/ \([^()]*\)$/, '')}`;
}

export class TableReport {
  rowsOk = 0;
  rowsRejected = 0;
  /** Problems with the file as a whole: its header, or CSV it is impossible to read on from. */
  fileProblems = 0;
  /** Set when the header is too broken for the rows to be checked. */
  rowsNotChecked = false;
  readonly rejectedByReason = new Map<string, number>();

  constructor(readonly file: string, readonly table: TableName) {}

  get clean(): boolean {
    return this.fileProblems === 0 && this.rowsRejected === 0;
  }

  addRow(issues: readonly ValidationIssue[]): void {
    if (issues.length === 0) {
      this.rowsOk++;
      return;
    }
    this.rowsRejected++;
    for (const reason of new Set(issues.map(reasonOf))) {
      this.rejectedByReason.set(reason, (this.rejectedByReason.get(reason) ?? 0) + 1);
    }
  }

  summaryLines(): string[] {
    const lines = [this.rowsNotChecked
      ? `${this.file}: rows not checked (fix the header first)`
      : `${this.file}: ${this.rowsOk} rows ok, ${this.rowsRejected} rejected`];
    if (this.fileProblems > 0) lines.push(`  header or format: ${this.fileProblems} problem${this.fileProblems === 1 ? '' : 's'}`);
    const reasons = [...this.rejectedByReason].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [reason, rows] of reasons) lines.push(`  ${rows} row${rows === 1 ? '' : 's'} rejected for ${reason}`);
    return lines;
  }
}

export interface IssueLogOptions {
  /** How many problems to print; all are counted (default 200). */
  readonly maxPrinted?: number;
  /** Values for which this returns a reason are replaced by it, e.g. values that look like NHS numbers. */
  readonly withhold?: (value: string) => string | null;
}

/** Prints the first `maxPrinted` problems through `write` and counts the rest. */
export class IssueLog {
  printed = 0;
  total = 0;

  constructor(private readonly write: (line: string) => void, private readonly options: IssueLogOptions = {}) {}

  add(issue: ValidationIssue): void {
    this.total++;
    if (this.printed >= (this.options.maxPrinted ?? 200)) return;
    this.printed++;
    const withheld = issue.value ? this.options.withhold?.(issue.value) : null;
    this.write(formatIssue(withheld ? { ...issue, value: `value withheld: ${withheld}` } : issue));
  }

  /** A closing line when some problems were not printed, else null. */
  unprintedNote(): string | null {
    const hidden = this.total - this.printed;
    return hidden > 0 ? `… and ${hidden} more problem${hidden === 1 ? '' : 's'} not shown (raise --max-errors to see them)` : null;
  }
}
