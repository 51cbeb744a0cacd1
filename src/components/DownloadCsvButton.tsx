// A button that saves rows as a CSV file (see csv.ts for how cells are made safe for spreadsheets).
import { toCsv } from './csv.ts';
import { downloadBlob } from './download.ts';
import type { Column } from './table-columns.ts';

export interface DownloadCsvButtonProps<Row> {
  readonly rows: readonly Row[];
  readonly columns: readonly Column<Row>[];
  /** Without ".csv". */
  readonly fileName: string;
  readonly label?: string;
}

export function DownloadCsvButton<Row extends object>({ rows, columns, fileName, label = 'Download CSV' }: DownloadCsvButtonProps<Row>) {
  const save = () => {
    // A byte-order mark so Excel reads UTF-8 (en dashes, accented school names) correctly.
    downloadBlob(new Blob(['\uFEFF', toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
  };
  return <button type="button" className="button button--secondary" onClick={save}>{label}</button>;
}
