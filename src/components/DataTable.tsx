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
  if (text === '') return <><span aria-hidden="true">–</span><span className="govuk-visually-hidden">no value</span></>;
  return <>{text}</>;
}

export function DataTable<Row extends object>({ caption, rows, columns, firstColumnIsHeader = true, id }: DataTableProps<Row>) {
  return (
    <div className="data-table__scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="govuk-table data-table" id={id}>
        <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {columns.map((c) => (
              <th key={c.key} scope="col" className={isNumericColumn(c.format) ? 'govuk-table__header govuk-table__header--numeric' : 'govuk-table__header'}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row, r) => (
            <tr key={r} className="govuk-table__row">
              {columns.map((c, i) => {
                const value = row[c.key] as CellValue;
                const numeric = isNumericColumn(c.format);
                const content = <Cell value={value} text={formatCell(value, c.format)} />;
                return i === 0 && firstColumnIsHeader
                  ? <th key={c.key} scope="row" className={numeric ? 'govuk-table__header govuk-table__header--numeric' : 'govuk-table__header'}>{content}</th>
                  : <td key={c.key} className={numeric ? 'govuk-table__cell govuk-table__cell--numeric' : 'govuk-table__cell'}>{content}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
