// Rows → CSV text for download, safe to open in a spreadsheet: a text cell starting with = + - @ (or a tab or
// carriage return) could run as a formula, so it is prefixed with a single quote (OWASP "CSV injection").
// Numbers are written as numbers, so negative values stay numeric.
import Papa from 'papaparse';
import type { CellValue, Column } from './table-columns.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: CellValue): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && FORMULA_START.test(value)) return `'${value}`;
  return value;
}

/** CSV with the column labels as the header row and raw (unformatted) values, CRLF line ends for Excel. */
export function toCsv<Row extends object>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  return Papa.unparse({
    fields: columns.map((c) => String(neutraliseCell(c.label))),
    data: rows.map((row) => columns.map((c) => neutraliseCell(row[c.key] as CellValue))),
  }, { newline: '\r\n' });
}
