// Arrow results → plain JSON-friendly rows: BigInt → number, DATE → 'yyyy-mm-dd', DECIMAL → number.
import { DataType, type Table } from 'apache-arrow';
import type { ResultRow, ResultValue } from './database.ts';

const MS_PER_DAY = 86_400_000;

function convert(value: unknown, type: DataType): ResultValue {
  if (value === null || value === undefined) return null;
  if (DataType.isDate(type)) return new Date(Number(value)).toISOString().slice(0, 10);
  if (DataType.isTimestamp(type)) return new Date(Number(value)).toISOString();
  if (DataType.isDecimal(type)) {
    const scale = (type as unknown as { scale: number }).scale;
    return Number(String(value)) / 10 ** scale;
  }
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return new Date(Math.round(value.getTime() / MS_PER_DAY) * MS_PER_DAY).toISOString();
  return String(value);
}

export function arrowToRows<T extends ResultRow>(table: Table): T[] {
  const fields = table.schema.fields;
  const columns = fields.map((f) => table.getChild(f.name));
  const rows: T[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: ResultRow = {};
    fields.forEach((f, c) => {
      row[f.name] = convert(columns[c]?.get(i), f.type);
    });
    rows[i] = row as T;
  }
  return rows;
}
