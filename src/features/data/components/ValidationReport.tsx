// What the check found when the files cannot be loaded: the GOV.UK error summary (focused when it appears), and
// per file the counts, the rows rejected by reason, and a table of the first problems, with every problem kept
// available as a CSV download.
import { DataTable } from '../../../components/DataTable.tsx';
import { DownloadCsvButton } from '../../../components/DownloadCsvButton.tsx';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ErrorSummary.tsx';
import type { Column } from '../../../components/table-columns.ts';
import { formatIssue } from '../../../contract/index.ts';
import type { FileReport, ReasonCount, ValidationResult } from '../validate-files.ts';
import { FILE_INPUT_ID } from './UploadForm.tsx';

/** Problems shown on screen per file; the download has all the check kept. */
export const SHOWN_PER_FILE = 200;

interface IssueRow {
  readonly line: number;
  readonly column: string;
  readonly problem: string;
  readonly value: string;
}

interface DownloadRow extends Omit<IssueRow, 'line'> {
  readonly file: string;
  /** null for a problem with the set of files (a missing file). */
  readonly line: number | null;
}

const ISSUE_COLUMNS: readonly Column<IssueRow>[] = [
  { key: 'line', label: 'Line', format: 'integer' },
  { key: 'column', label: 'Column' },
  { key: 'problem', label: 'Problem' },
  { key: 'value', label: 'Value' },
];
const REASON_COLUMNS: readonly Column<ReasonCount>[] = [
  { key: 'reason', label: 'Column: problem' },
  { key: 'rows', label: 'Rows rejected', format: 'integer' },
];
const DOWNLOAD_COLUMNS: readonly Column<DownloadRow>[] = [
  { key: 'file', label: 'file' }, { key: 'line', label: 'line' }, { key: 'column', label: 'column' },
  { key: 'problem', label: 'problem' }, { key: 'value', label: 'value' },
];

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
export const sectionId = (report: FileReport) => `issues-${report.table}`;
const hasProblems = (report: FileReport) => report.fileProblems > 0 || report.rowsRejected > 0;

function countsText(report: FileReport): string {
  const header = report.fileProblems > 0 ? plural(report.fileProblems, 'problem with the header or format', 'problems with the header or format') : '';
  if (report.rowsNotChecked) return [header, 'rows not checked (fix the header first)'].filter(Boolean).join('; ');
  const rows = `${plural(report.rowsRejected, 'row')} rejected of ${plural(report.rowsAccepted + report.rowsRejected, 'row')}`;
  return [rows, header].filter(Boolean).join('; ');
}

export function ProblemSummary({ result, previousIsSample }: { result: ValidationResult; previousIsSample: boolean }) {
  const errors: ErrorSummaryItem[] = [
    ...result.setProblems.map((p) => ({ text: p.message, href: `#${FILE_INPUT_ID}` })),
    ...result.files.filter(hasProblems).map((report) => {
      const first = report.issues[0];
      return { text: `${report.fileName}: ${countsText(report)}${first ? `. First: ${formatIssue(first)}` : ''}`, href: `#${sectionId(report)}` };
    }),
  ];
  return (
    <ErrorSummary
      title="Your files were not loaded"
      errors={errors}
      description={<p>Nothing was loaded: the {previousIsSample ? 'sample data' : 'data you loaded before'} is still in use. Fix
        these problems in your files, then choose them again.</p>}
    />
  );
}

function FileSection({ report }: { report: FileReport }) {
  const rows: IssueRow[] = report.issues.slice(0, SHOWN_PER_FILE)
    .map((i) => ({ line: i.line, column: i.column, problem: i.message, value: i.value }));
  const more = report.issueCount - rows.length;
  return (
    <section className="data-file-report" aria-labelledby={sectionId(report)}>
      <h3 className="govuk-heading-s" id={sectionId(report)} tabIndex={-1}>{report.fileName}</h3>
      {!hasProblems(report) ? (
        <p className="govuk-body">No problems: {plural(report.rowsAccepted, 'row')} passed the checks.</p>
      ) : (
        <>
          <p className="govuk-body">{countsText(report)}.{report.format === 'parquet' ? ' Line numbers count as if the file were a CSV: row 1 is line 2.' : ''}</p>
          {report.rejectedByReason.length > 0 && (
            <DataTable caption={`Rows rejected in ${report.fileName}, by reason`} rows={report.rejectedByReason} columns={REASON_COLUMNS} />
          )}
          <DataTable
            caption={more > 0 ? `Problems in ${report.fileName}: the first ${rows.length.toLocaleString('en-GB')} of ${report.issueCount.toLocaleString('en-GB')}` : `Problems in ${report.fileName}`}
            rows={rows} columns={ISSUE_COLUMNS} />
        </>
      )}
    </section>
  );
}

export function FileReports({ result }: { result: ValidationResult }) {
  const download: DownloadRow[] = [
    ...result.setProblems.map((p) => ({ file: p.fileName, line: null, column: '(file)', problem: p.message, value: '' })),
    ...result.files.flatMap((f) => f.issues.map((i) => ({ file: i.file, line: i.line, column: i.column, problem: i.message, value: i.value }))),
  ];
  const kept = result.files.reduce((n, f) => n + f.issues.length, 0);
  const found = result.files.reduce((n, f) => n + f.issueCount, 0);
  return (
    <section className="data-section" aria-labelledby="data-report-title">
      <h2 className="govuk-heading-m" id="data-report-title">What the check found</h2>
      <p className="govuk-body">
        Line numbers count the header as line 1, as a text editor does (a spreadsheet shows the same row numbers).
        {kept < found ? ` The download has the first ${kept.toLocaleString('en-GB')} of ${found.toLocaleString('en-GB')} problems.` : ''}
      </p>
      {result.setProblems.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Files missing or not recognised</h3>
          <ul className="data-set-problems">
            {result.setProblems.map((p) => <li key={p.message}>{p.message}</li>)}
          </ul>
        </>
      )}
      <DownloadCsvButton rows={download} columns={DOWNLOAD_COLUMNS} fileName="data-check-issues" label="Download all issues (CSV)" />
      {result.files.map((report) => <FileSection key={report.fileName} report={report} />)}
    </section>
  );
}
