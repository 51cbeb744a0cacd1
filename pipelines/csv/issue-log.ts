// What a check found, for people: each problem as one `file:line: column: what is wrong (value)` line (the first N
// of them), and per file the rows kept, the rows rejected and how many rows each reason rejected.
import { formatIssue, type TableName, type ValidationIssue } from '../../src/contract/index.ts';
import { RowTally } from '../../src/contract/row-tally.ts';

/** One file's tally with its name, and the summary `validate` prints. */
export class TableReport extends RowTally {
  constructor(readonly file: string, readonly table: TableName) {
    super();
  }

  summaryLines(): string[] {
    const lines = [this.rowsNotChecked
      ? `${this.file}: rows not checked (fix the header first)`
      : `${this.file}: ${this.rowsAccepted} rows ok, ${this.rowsRejected} rejected`];
    if (this.fileProblems > 0) lines.push(`  header or format: ${this.fileProblems} problem${this.fileProblems === 1 ? '' : 's'}`);
    for (const { reason, rows } of this.rejectedByReason()) lines.push(`  ${rows} row${rows === 1 ? '' : 's'} rejected for ${reason}`);
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

  /** How many problems are printed. */
  get maxPrinted(): number {
    return this.options.maxPrinted ?? 200;
  }

  /** Counts `n` problems found but not listed (a check that kept only the first few). */
  addUncounted(n: number): void {
    if (n > 0) this.total += n;
  }

  add(issue: ValidationIssue): void {
    this.total++;
    if (this.printed >= this.maxPrinted) return;
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
