// Rows → CSV text for download, safe to open in a spreadsheet: a text cell starting with = + - @ (or a tab or
// carriage return) could run as a formula, so it is prefixed with a single quote (OWASP "CSV injection").
// Numbers are written as numbers, rounded as the table shows them (counts whole, rates to 1 decimal place,
// percentages as 0–100 to 1 decimal place with "(%)" in the column name), so negative values stay numeric.
// An optional header block (title, filters, period, source, mark) comes first, then a blank row, then the table.
import Papa from 'papaparse';
import type { CellValue, Column, ColumnFormat } from './table-columns.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: CellValue): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && FORMULA_START.test(value)) return `'${value}`;
  return value;
}

const round = (value: number, places: number) => {
  const factor = 10 ** places;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
};

/** A value as the CSV holds it: numbers rounded for the column's format, everything else made spreadsheet-safe. */
export function csvValue(value: CellValue, format: ColumnFormat | undefined): string | number | boolean {
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (format === 'integer') return round(value, 0);
    if (format === 'decimal1') return round(value, 1);
    if (format === 'percent1') return round(value * 100, 1);
    return round(value, 3);
  }
  return neutraliseCell(value);
}

/** The column's name in the CSV: its label, with "(%)" for a percentage column that does not say so already. */
export function csvHeader<Row>(column: Column<Row>): string {
  return column.format === 'percent1' && !column.label.includes('%') ? `${column.label} (%)` : column.label;
}

/** CSV with an optional header block, the column labels as the header row, rounded values, CRLF line ends. */
export function toCsv<Row extends object>(rows: readonly Row[], columns: readonly Column<Row>[], header: readonly (readonly [string, string])[] = []): string {
  const table = Papa.unparse({
    fields: columns.map((c) => String(neutraliseCell(csvHeader(c)))),
    data: rows.map((row) => columns.map((c) => csvValue(row[c.key] as CellValue, c.format))),
  }, { newline: '\r\n' });
  if (header.length === 0) return table;
  const block = Papa.unparse(header.map(([k, v]) => [String(neutraliseCell(k)), String(neutraliseCell(v))]), { newline: '\r\n' });
  return `${block}\r\n\r\n${table}`;
}
