// How a generic table or CSV describes its columns: which field, its label, and how to show its values.
export type CellValue = string | number | boolean | null | undefined;

/** The marker for a count suppressed because it is below 5 (statistical disclosure control). */
export const SUPPRESSED = 'c';
export const SUPPRESSED_TITLE = 'confidential: fewer than 5';

export type ColumnFormat = 'text' | 'integer' | 'decimal1' | 'decimal2' | 'percent1' | 'month' | ((value: CellValue) => string);

export interface Column<Row> {
  readonly key: keyof Row & string;
  readonly label: string;
  /** Default 'text'. Numbers are right-aligned; 'c' (suppressed) is shown as is in any column. */
  readonly format?: ColumnFormat;
}

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimal1 = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const decimal2 = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent1 = new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** yyyy-mm → "Jan 2024"; anything else unchanged. */
export function formatMonth(value: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  return m ? `${MONTH_NAMES[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : value;
}

export function isNumericColumn(format: ColumnFormat | undefined): boolean {
  return format === 'integer' || format === 'decimal1' || format === 'decimal2' || format === 'percent1';
}

/** A value as shown in a table cell ('' for blank). */
export function formatCell(value: CellValue, format: ColumnFormat = 'text'): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof format === 'function') return format(value);
  if (typeof value === 'number') {
    if (format === 'integer') return integer.format(value);
    if (format === 'decimal1') return decimal1.format(value);
    if (format === 'decimal2') return decimal2.format(value);
    if (format === 'percent1') return percent1.format(value);
  }
  if (format === 'month' && typeof value === 'string') return formatMonth(value);
  return String(value);
}
