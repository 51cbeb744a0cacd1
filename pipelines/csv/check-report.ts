// Printing what the one load path (src/db/load-tables.ts) found, for `validate` and `to-parquet`: each problem as
// `file:line: column: what is wrong (value)` (the first N), then per file the rows kept and rejected by reason.
import { join } from 'node:path';
import { formatIssue } from '../../src/contract/index.ts';
import type { CheckReport, FileReport } from '../../src/db/load-tables.ts';

const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryLines(report: FileReport): string[] {
  const lines = [report.rowsNotChecked
    ? `${report.fileName}: rows not checked (fix the header first)`
    : `${report.fileName}: ${report.rowsAccepted} rows ok, ${report.rowsRejected} rejected`];
  if (report.fileProblems > 0) lines.push(`  header or format: ${s(report.fileProblems, 'problem')}`);
  for (const { reason, rows } of report.rejectedByReason) lines.push(`  ${s(rows, 'row')} rejected for ${reason}`);
  return lines;
}

/** Prints the report through `write`; returns the number of problems found. */
export function printCheckReport(report: CheckReport, write: (line: string) => void, maxPrinted: number, dir?: string): number {
  let printed = 0;
  for (const problem of report.setProblems) {
    write(problem.kind === 'missing' && dir ? `${join(dir, problem.fileName)}: required file is missing` : problem.message);
  }
  const total = report.setProblems.length + report.files.reduce((n, f) => n + f.issueCount, 0);
  for (const issue of report.files.flatMap((f) => f.issues)) {
    if (printed >= maxPrinted) break;
    write(formatIssue(issue));
    printed++;
  }
  const kept = report.files.reduce((n, f) => n + f.issueCount, 0);
  if (kept > printed) write(`… and ${kept - printed} more problem${kept - printed === 1 ? '' : 's'} not shown (raise --max-errors to see them)`);
  for (const file of report.files) summaryLines(file).forEach(write);
  return total;
}
