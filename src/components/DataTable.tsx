// An accessible data table: a caption, column headers (and the first column as row headers) with scope, numbers
// right-aligned, and suppressed counts shown as "c" with their meaning in an <abbr>.
import type { Column, CellValue } from './table-columns.ts';
import { SUPPRESSED, SUPPRESSED_TITLE, formatCell, isNumericColumn } from './table-columns.ts';

export interface DataTableProps<Row> {
  readonly caption: string;
  readonly rows: readonly Row[];
  readonly columns: readonly Column<Row>[];
  /** Whether the first column names each row (then rendered as <th scope="row">). Default true. */
  readonly firstColumnIsHeader?: boolean;
  readonly id?: string;
}

function Cell({ value, text }: { value: CellValue; text: string }) {
  if (value === SUPPRESSED) return <abbr title={SUPPRESSED_TITLE}>{SUPPRESSED}</abbr>;
  if (text === '') return <><span aria-hidden="true">–</span><span className="visually-hidden">no value</span></>;
  return <>{text}</>;
}

export function DataTable<Row extends object>({ caption, rows, columns, firstColumnIsHeader = true, id }: DataTableProps<Row>) {
  return (
    <div className="data-table__scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table" id={id}>
        <caption className="data-table__caption">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={isNumericColumn(c.format) ? 'data-table__numeric' : undefined}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {columns.map((c, i) => {
                const value = row[c.key] as CellValue;
                const className = isNumericColumn(c.format) ? 'data-table__numeric' : undefined;
                const content = <Cell value={value} text={formatCell(value, c.format)} />;
                return i === 0 && firstColumnIsHeader
                  ? <th key={c.key} scope="row" className={className}>{content}</th>
                  : <td key={c.key} className={className}>{content}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
