// A button that saves rows as a CSV file that stands alone: a header block (title, filters, period, source, the
// sharing mark, the date) from the page's figure frame, then the table (see csv.ts for rounding and for how cells
// are made safe for spreadsheets); the file name carries view, figure, filters and date.
import { toCsv } from './csv.ts';
import { downloadBlob, downloadName } from './download.ts';
import { useFigureFrame } from './figure-context.tsx';
import type { Column } from './table-columns.ts';

export interface DownloadCsvButtonProps<Row> {
  readonly rows: readonly Row[];
  readonly columns: readonly Column<Row>[];
  /** The figure's part of the file name (without ".csv"); view, filters and date are added. */
  readonly fileName: string;
  readonly label?: string;
  /** The file's title line; default from the file name. */
  readonly title?: string;
  /** More name–value lines for the header block, e.g. the period. */
  readonly header?: readonly (readonly [string, string])[];
  /** Overrides the page's sharing mark (e.g. "EXACT — contains small numbers — not for sharing"). */
  readonly mark?: string;
}

/** The header block every CSV download starts with. */
export function csvHeaderBlock(frame: ReturnType<typeof useFigureFrame>, title: string, extra: readonly (readonly [string, string])[] = [], mark?: string): [string, string][] {
  const lines: [string, string][] = [['Title', title], ...extra.map(([k, v]): [string, string] => [k, v])];
  if (frame.filtersText) lines.push(['Filters', frame.filtersText]);
  lines.push(['Source', frame.source], ['Downloaded', frame.date]);
  const shownMark = mark ?? frame.mark;
  if (shownMark) lines.push(['Mark', shownMark]);
  return lines;
}

export function DownloadCsvButton<Row extends object>({ rows, columns, fileName, label = 'Download CSV', title, header, mark }: DownloadCsvButtonProps<Row>) {
  const frame = useFigureFrame();
  const save = () => {
    const block = csvHeaderBlock(frame, title ?? fileName.replace(/-/g, ' '), header, mark);
    const name = downloadName({ view: frame.view, figure: fileName, filtersTag: frame.filtersTag, mark: mark ?? frame.mark, date: frame.date });
    // A byte-order mark so Excel reads UTF-8 (en dashes, accented school names) correctly.
    downloadBlob(new Blob(['\uFEFF', toCsv(rows, columns, block)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
  };
  return <button type="button" className="govuk-button govuk-button--secondary" onClick={save}>{label}</button>;
}
