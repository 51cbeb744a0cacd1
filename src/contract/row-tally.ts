// Counting what checking one file found, the same way for the pipeline's `validate` and the app's upload: rows
// accepted and rejected, problems with the file as a whole, and how many rows each reason rejected.
import type { ValidationIssue } from './types.ts';

export interface ReasonCount {
  /** `column: what is wrong`, without the value. */
  readonly reason: string;
  readonly rows: number;
}

/** Problems grouped by what is wrong, without the value or the other date that made it wrong. */
export function reasonOf(issue: ValidationIssue): string {
  return `${issue.column}: ${issue.message.replace(/ \([^()]*\)$/, '')}`;
}

export class RowTally {
  rowsAccepted = 0;
  rowsRejected = 0;
  /** Problems with the file as a whole: its header, or CSV it is impossible to read on from. */
  fileProblems = 0;
  /** Set when the header is too broken (or the file empty) for the rows to be checked. */
  rowsNotChecked = false;
  private readonly byReason = new Map<string, number>();

  get clean(): boolean {
    return this.fileProblems === 0 && this.rowsRejected === 0;
  }

  /** Counts one row from the issues the validator found in it (none: accepted). */
  addRow(issues: readonly ValidationIssue[]): void {
    if (issues.length === 0) {
      this.rowsAccepted++;
      return;
    }
    this.rowsRejected++;
    for (const reason of new Set(issues.map(reasonOf))) this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + 1);
  }

  /** Most frequent first, ties in alphabetical order. */
  rejectedByReason(): ReasonCount[] {
    return [...this.byReason].map(([reason, rows]) => ({ reason, rows }))
      .sort((a, b) => b.rows - a.rows || a.reason.localeCompare(b.reason));
  }
}
